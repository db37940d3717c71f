import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CSRF_HEADER, type MeResponse } from '@vitrina/contracts';
import type { Logger } from 'pino';
import supertest from 'supertest';
import { inject } from 'vitest';
import { createApp } from '../../src/bootstrap/create-app';
import { loadConfig, type AppConfig } from '../../src/infra/config/config.schema';
import { createRootLogger } from '../../src/infra/logging/logger';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo-accounts';
import { TEST_BUCKET, createDatabase } from './test-infra';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  databaseUrl: string;
  /** A client with its own cookie jar (its own browser, so to speak). */
  client(): TestClient;
  close(): Promise<void>;
}

export function testEnv(databaseUrl: string, overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    S3_ENDPOINT: inject('s3Endpoint'),
    S3_ACCESS_KEY: 'S3RVER',
    S3_SECRET_KEY: 'S3RVER',
    S3_BUCKET: TEST_BUCKET,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SEED_DEMO: 'true',
    SEED_DEMO_MEDIA: 'false',
    DATABASE_POOL_SIZE: '4',
    // Tests read the public API hard from one address: the limits are lifted here, and set small by the tests of them.
    RATE_LIMIT_ANONYMOUS: '1000000',
    RATE_LIMIT_API_KEY: '1000000',
    ...overrides,
  };
}

/** Boots the real application on a fresh database of the test PostgreSQL server. */
export async function startTestApp(
  overrides: Record<string, string> = {},
  adminUrl: string = inject('pgAdminUrl'),
  logger?: Logger,
): Promise<TestApp> {
  const database = await createDatabase(adminUrl);
  const config = loadConfig(testEnv(database.url, { ...overrides, DATABASE_URL: database.url }));
  const app = await createApp(config, logger ?? createRootLogger(config.logLevel));
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    config,
    databaseUrl: database.url,
    client: () => new TestClient(app),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** supertest with a cookie jar that also echoes the CSRF token, as the web app does. */
export class TestClient {
  readonly agent: supertest.Agent;
  csrfToken: string | undefined;

  constructor(app: NestFastifyApplication) {
    this.agent = supertest.agent(app.getHttpServer());
  }

  async fetchCsrf(): Promise<string> {
    const response = await this.agent.get('/api/auth/csrf').expect(200);
    this.csrfToken = response.body.csrfToken;
    return this.csrfToken!;
  }

  async login(email: string, password = DEMO_PASSWORD): Promise<MeResponse> {
    if (!this.csrfToken) await this.fetchCsrf();
    const response = await this.request('post', '/api/auth/login').send({ email, password });
    if (response.status !== 200) throw new Error(`login of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
    this.csrfToken = response.body.csrfToken;
    return response.body;
  }

  request(method: Method, path: string): supertest.Test {
    const test = this.agent[method](path);
    return this.csrfToken && method !== 'get' ? test.set(CSRF_HEADER, this.csrfToken) : test;
  }

  get(path: string) {
    return this.request('get', path);
  }
  post(path: string, body?: object) {
    return this.request('post', path).send(body);
  }
  put(path: string, body?: object | string) {
    return this.request('put', path).send(body);
  }
  patch(path: string, body?: object) {
    return this.request('patch', path).send(body);
  }
  delete(path: string) {
    return this.request('delete', path);
  }
}
