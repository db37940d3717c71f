import type { Logger } from 'pino';
import type { AppConfig } from '../infra/config/config.schema';
import { startEmbeddedPostgres } from '../infra/embedded/embedded-postgres';
import { startEmbeddedS3 } from '../infra/embedded/embedded-s3';

export interface EmbeddedServices {
  config: AppConfig;
  stop(): Promise<void>;
}

const DATABASE_NAME = 'vitrina';

/**
 * Starts PostgreSQL and the object store in-process where no external server
 * was configured, and returns the config pointing at them.
 */
export async function startEmbeddedServices(config: AppConfig, logger: Logger): Promise<EmbeddedServices> {
  const stops: (() => Promise<void>)[] = [];
  let resolved = config;
  try {
    if (config.database.kind === 'embedded') {
      const postgres = await startEmbeddedPostgres({
        dataDir: config.database.dataDir,
        port: config.database.port,
        databases: [DATABASE_NAME],
        log: (line) => logger.debug({ component: 'embedded-postgres' }, line),
      });
      stops.push(() => postgres.stop());
      resolved = { ...resolved, database: { ...config.database, url: postgres.url(DATABASE_NAME) } };
      logger.info({ dataDir: config.database.dataDir, port: config.database.port }, 'embedded PostgreSQL started');
    }
    if (config.storage.kind === 'embedded') {
      const s3 = await startEmbeddedS3({
        dataDir: config.storage.dataDir!,
        port: Number(new URL(config.storage.endpoint).port),
        bucket: config.storage.bucket,
      });
      stops.push(() => s3.stop());
      logger.info({ dataDir: config.storage.dataDir, endpoint: s3.endpoint }, 'embedded object store started');
    }
  } catch (error) {
    await stopAll(stops);
    throw error;
  }
  return { config: resolved, stop: () => stopAll(stops) };
}

async function stopAll(stops: (() => Promise<void>)[]): Promise<void> {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
}
