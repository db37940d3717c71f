import type { TestProject } from 'vitest/node';
import { acquirePostgres, startTestS3 } from './test-infra';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    s3Endpoint: string;
  }
}

/** One PostgreSQL server and one S3-compatible server for the whole run; each test file makes its own database. */
export default async function setup(project: TestProject) {
  const postgres = await acquirePostgres();
  const s3 = await startTestS3();
  console.log(`tests use ${postgres.kind} PostgreSQL and the S3-compatible store at ${s3.endpoint}`);
  project.provide('pgAdminUrl', postgres.adminUrl);
  project.provide('s3Endpoint', s3.endpoint);
  return async () => {
    await s3.stop();
    await postgres.stop();
  };
}
