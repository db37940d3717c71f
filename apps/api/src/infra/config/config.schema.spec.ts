import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.schema';

describe('loadConfig', () => {
  it('defaults to embedded PostgreSQL and object store', () => {
    const config = loadConfig({}, '/srv/vitrina');
    expect(config.database).toMatchObject({ kind: 'embedded', dataDir: '/srv/vitrina/.data/postgres' });
    expect(config.storage).toMatchObject({ kind: 'embedded', dataDir: '/srv/vitrina/.data/s3' });
    expect(config.port).toBe(3000);
    expect(config.web).toMatchObject({ serve: true, port: 4200 });
    expect(config.seedDemo).toBe(true);
  });

  it('uses external servers when their variables are set, accepting MINIO_* names', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/vitrina',
      MINIO_ENDPOINT: 'http://minio:9000',
      MINIO_ACCESS_KEY: 'key',
      MINIO_SECRET_KEY: 'secret',
    });
    expect(config.database).toEqual({ kind: 'external', url: 'postgres://u:p@db:5432/vitrina', poolSize: 10 });
    expect(config.storage).toMatchObject({ kind: 'external', endpoint: 'http://minio:9000', accessKey: 'key' });
  });

  it('reads the slow-client limits and the login back-off, refusing a cap below the first delay', () => {
    const config = loadConfig({ HTTP_HEADERS_TIMEOUT_SECONDS: '2', MEDIA_UPLOAD_MIN_BYTES: '1024', LOGIN_BACKOFF_BASE_SECONDS: '5' });
    expect(config.http).toEqual({ headersTimeoutSeconds: 2, bodyTimeoutSeconds: 60, keepAliveTimeoutSeconds: 72 });
    expect(config.media.minUploadRate).toEqual({ bytes: 1024, windowSeconds: 30 });
    expect(config.loginThrottle).toMatchObject({ backoffBaseSeconds: 5, backoffMaxSeconds: 900, windowMinutes: 60 });
    expect(() => loadConfig({ LOGIN_BACKOFF_BASE_SECONDS: '60', LOGIN_BACKOFF_MAX_SECONDS: '30' })).toThrow(/LOGIN_BACKOFF_MAX_SECONDS/);
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_SECONDS: '0' })).toThrow(/HTTP_HEADERS_TIMEOUT_SECONDS/);
  });

  it('lists every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', COOKIE_SECURE: 'maybe' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'COOKIE_SECURE']) expect(problems).toContain(name);
  });

  it('refuses demo accounts and embedded servers in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' })).toThrow(
      /DATABASE_URL[\s\S]*S3_ENDPOINT[\s\S]*SEED_DEMO[\s\S]*PUBLIC_URL/,
    );
    const config = loadConfig({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://museum.example',
      DATABASE_URL: 'postgres://db/v',
      S3_ENDPOINT: 'http://minio:9000',
      S3_ACCESS_KEY: 'a',
      S3_SECRET_KEY: 'b',
    });
    expect(config.seedDemo).toBe(false);
    expect(config.cookies.secure).toBe(true);
    expect(config.web.serve).toBe(false);
  });
});
