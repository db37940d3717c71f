import { resolve } from 'node:path';
import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: () => 'must be true or false' })
  .transform((value) => ['true', '1', 'yes'].includes(value));

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

/** Raw environment variables, as documented in README.md. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PROCESS_ROLE: z.enum(['api', 'worker']).default('api'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: port.default(3000),
  WEB_PORT: port.default(4200),
  SERVE_WEB: booleanFromEnv.optional(),
  WEB_DIST_DIR: z.string().min(1).default('dist/apps/web'),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  DATABASE_URL: z
    .url()
    .refine((url) => /^postgres(ql)?:\/\//.test(url), 'must be a postgres:// URL')
    .optional(),
  EMBEDDED_POSTGRES_PORT: port.default(5433),
  DATABASE_POOL_SIZE: positiveInt.max(200).default(10),
  S3_ENDPOINT: z.url().optional(),
  S3_ACCESS_KEY: z.string().min(1).optional(),
  S3_SECRET_KEY: z.string().min(1).optional(),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a valid bucket name')
    .default('vitrina'),
  S3_REGION: z.string().min(1).default('us-east-1'),
  EMBEDDED_S3_PORT: port.default(4568),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COOKIE_SECURE: booleanFromEnv.optional(),
  TRUST_PROXY: z.string().optional(),
  HTTP_HEADERS_TIMEOUT_SECONDS: positiveInt.max(600).default(30),
  HTTP_BODY_TIMEOUT_SECONDS: positiveInt.max(3600).default(60),
  HTTP_KEEP_ALIVE_TIMEOUT_SECONDS: positiveInt.max(3600).default(72),
  SESSION_TTL_HOURS: positiveInt.max(24 * 90).default(24 * 7),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: positiveInt.default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: positiveInt.default(20),
  LOGIN_FAILURE_WINDOW_MINUTES: positiveInt.max(24 * 60).default(60),
  LOGIN_BACKOFF_BASE_SECONDS: positiveInt.default(1),
  LOGIN_BACKOFF_MAX_SECONDS: positiveInt.default(15 * 60),
  SEED_DEMO: booleanFromEnv.optional(),
  MAP_TILE_URL: z
    .string()
    .regex(/^https?:\/\/.+\{z\}.+\{x\}.+\{y\}/, 'must be a tile URL template with {z}, {x} and {y}')
    .default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  MAP_TILE_ATTRIBUTION: z
    .string()
    .max(500)
    .default('&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'),
  MEDIA_MAX_IMAGE_BYTES: positiveInt.default(300 * 1024 * 1024),
  MEDIA_MAX_AUDIO_BYTES: positiveInt.default(1024 * 1024 * 1024),
  // A single PUT may not exceed 5 GiB on S3 or MinIO.
  MEDIA_MAX_VIDEO_BYTES: positiveInt.max(5 * 1024 ** 3).default(5 * 1024 ** 3),
  MEDIA_MAX_DOCUMENT_BYTES: positiveInt.default(200 * 1024 * 1024),
  // Decoding holds up to 4 bytes per pixel: 100 MP is 400 MB in a worker (see docs/operations.md).
  MEDIA_MAX_IMAGE_PIXELS: positiveInt.default(100_000_000),
  // Above 16 MP an image needs a byte of file per this many pixels: a 97 KB PNG of 100 MP is a bomb, a real scan is not.
  MEDIA_MAX_PIXELS_PER_BYTE: positiveInt.default(100),
  // An upload sending fewer bytes than this over any window of that many seconds is cut off (408).
  MEDIA_UPLOAD_MIN_BYTES: positiveInt.default(32 * 1024),
  MEDIA_UPLOAD_RATE_WINDOW_SECONDS: positiveInt.max(3600).default(30),
  RUN_JOBS_IN_API: booleanFromEnv.optional(),
  // Privacy of the living: a person with no death date born fewer than this many years ago is not public without recorded consent.
  PEOPLE_LIVING_PRIVACY_YEARS: positiveInt.max(150).default(100),
  // The in-process cache of public pages; off only to measure or debug the pages' own cost.
  PUBLIC_PAGE_CACHE: booleanFromEnv.optional(),
  // Demo images are drawn at seed time; tests that do not look at them switch this off to save time.
  SEED_DEMO_MEDIA: booleanFromEnv.optional(),
  MEDIA_ORPHAN_GRACE_MINUTES: positiveInt.default(60),
  JOB_EXPIRE_SECONDS: positiveInt.default(15 * 60),
  JOB_RETRY_DELAY_SECONDS: positiveInt.default(10),
  JOB_MAINTENANCE_SECONDS: positiveInt.default(60),
  BOOTSTRAP_ADMIN_EMAIL: z.email().optional(),
  BOOTSTRAP_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').max(200).optional(),
  // Who harvesters (OAI-PMH Identify) write to about this repository.
  OAI_ADMIN_EMAIL: z.email().optional(),
  // Records per page of an OAI-PMH list (ListIdentifiers, ListRecords) before a resumption token.
  OAI_PAGE_SIZE: positiveInt.max(1000).default(100),
  // Requests per window to the read API (/api/public, /api/oai, IIIF manifests and collections): per client address, per partner key.
  RATE_LIMIT_ANONYMOUS: positiveInt.default(1_200),
  RATE_LIMIT_API_KEY: positiveInt.default(12_000),
  RATE_LIMIT_WINDOW_SECONDS: positiveInt.max(24 * 3600).default(60),
});

export type DatabaseConfig =
  | { kind: 'external'; url: string; poolSize: number }
  | { kind: 'embedded'; dataDir: string; port: number; poolSize: number; /** Set once the embedded server runs. */ url?: string };

export type StorageConfig = {
  kind: 'external' | 'embedded';
  endpoint: string;
  accessKey: string;
  secretKey: string;
  bucket: string;
  region: string;
  /** Only for the embedded store: where its files live. */
  dataDir?: string;
};

/** How long a client may take over each part of a request before its connection is closed. */
export interface ConnectionLimits {
  /** The request line and every header. */
  headersTimeoutSeconds: number;
  /** A body other than an upload (application/octet-stream), from the end of the headers. */
  bodyTimeoutSeconds: number;
  /** An idle connection kept open between requests. */
  keepAliveTimeoutSeconds: number;
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  role: 'api' | 'worker';
  host: string;
  port: number;
  web: { serve: boolean; port: number; distDir: string };
  publicUrl?: string;
  logLevel: string;
  database: DatabaseConfig;
  storage: StorageConfig;
  cookies: { secure: boolean };
  /** Passed to Fastify's `trustProxy`: false, true, a hop count or a list of addresses/CIDRs. */
  trustProxy: boolean | number | string;
  /** Timeouts of the API's HTTP server and of the built-in web server. */
  http: ConnectionLimits;
  sessions: { ttlHours: number };
  /**
   * Failures are counted per (account, address) and per address over the window;
   * beyond `maxPerAccount` / `maxPerAddress` of them, each further failure doubles
   * the wait before the next attempt, from the base up to the cap.
   */
  loginThrottle: {
    maxPerAccount: number;
    maxPerAddress: number;
    windowMinutes: number;
    backoffBaseSeconds: number;
    backoffMaxSeconds: number;
  };
  seedDemo: boolean;
  map: { tileUrl: string; tileAttribution: string };
  media: {
    maxBytes: { image: number; audio: number; video: number; document: number };
    maxImagePixels: number;
    /** Above 16 MP, images with more pixels per byte of file than this are refused (decompression bombs). */
    maxPixelsPerByte: number;
    /** Uploads slower than `bytes` over any `windowSeconds` are cut off. */
    minUploadRate: { bytes: number; windowSeconds: number };
    /** Objects without a row older than this are removed by the clean-up job. */
    orphanGraceMinutes: number;
  };
  /** pg-boss timings: a job whose worker died is retried once `expireSeconds` have passed. */
  jobs: { expireSeconds: number; retryDelaySeconds: number; maintenanceSeconds: number };
  seedDemoMedia: boolean;
  /** Whether this process works on the job queue: workers always, the API too outside production. */
  runJobs: boolean;
  /** Whether an API process keeps published pages in memory (PublicSnapshots); on unless PUBLIC_PAGE_CACHE=false. */
  publicPageCache: boolean;
  /** A person with no death date, born fewer than `livingPrivacyYears` years ago, is shown to no visitor until a curator records consent. */
  people: { livingPrivacyYears: number };
  /** Creates this administrator at start-up while the installation has none. */
  bootstrapAdmin?: { email: string; password: string };
  /** OAI-PMH: the repository's contact (OAI_ADMIN_EMAIL, else the bootstrap administrator's) and records per page. */
  oai: { adminEmail?: string; pageSize: number };
  /** The read API's limits per window: `anonymous` per client address, `apiKey` per partner key (in each process's memory). */
  rateLimits: { anonymous: number; apiKey: number; windowSeconds: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** S3_* wins; MINIO_* names are accepted for operators coming from MinIO docs. */
function withMinioAliases(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const aliases: Record<string, string> = {
    S3_ENDPOINT: 'MINIO_ENDPOINT',
    S3_ACCESS_KEY: 'MINIO_ACCESS_KEY',
    S3_SECRET_KEY: 'MINIO_SECRET_KEY',
    S3_BUCKET: 'MINIO_BUCKET',
  };
  const merged = { ...env };
  for (const [name, alias] of Object.entries(aliases)) {
    if (merged[name] === undefined && merged[alias] !== undefined) merged[name] = merged[alias];
  }
  for (const key of Object.keys(merged)) if (merged[key] === '') delete merged[key];
  return merged;
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

type Env = z.infer<typeof envSchema>;

function crossFieldProblems(env: Env): string[] {
  const problems: string[] = [];
  const production = env.NODE_ENV === 'production';
  if (production && !env.DATABASE_URL) problems.push('DATABASE_URL: required when NODE_ENV=production');
  if (production && !env.S3_ENDPOINT) problems.push('S3_ENDPOINT: required when NODE_ENV=production');
  if (production && env.SEED_DEMO) problems.push('SEED_DEMO: demo accounts are never seeded when NODE_ENV=production');
  // Without it, absolute links (IIIF ids, sitemap) would be built from the request's Host header,
  // which a client chooses and a cache may keep.
  if (production && !env.PUBLIC_URL) problems.push('PUBLIC_URL: required when NODE_ENV=production');
  if (Boolean(env.BOOTSTRAP_ADMIN_EMAIL) !== Boolean(env.BOOTSTRAP_ADMIN_PASSWORD)) {
    problems.push('BOOTSTRAP_ADMIN_EMAIL, BOOTSTRAP_ADMIN_PASSWORD: set both or neither');
  }
  if (env.LOGIN_BACKOFF_MAX_SECONDS < env.LOGIN_BACKOFF_BASE_SECONDS) {
    problems.push('LOGIN_BACKOFF_MAX_SECONDS: must be at least LOGIN_BACKOFF_BASE_SECONDS');
  }
  if (env.RATE_LIMIT_API_KEY < env.RATE_LIMIT_ANONYMOUS) {
    problems.push('RATE_LIMIT_API_KEY: must be at least RATE_LIMIT_ANONYMOUS (a key lifts the anonymous limit)');
  }
  if (env.S3_ENDPOINT && (!env.S3_ACCESS_KEY || !env.S3_SECRET_KEY)) {
    problems.push('S3_ACCESS_KEY, S3_SECRET_KEY: required when S3_ENDPOINT is set');
  }
  return problems;
}

function toAppConfig(env: Env, cwd: string): AppConfig {
  const production = env.NODE_ENV === 'production';
  const dataDir = resolve(cwd, env.DATA_DIR);
  const poolSize = env.DATABASE_POOL_SIZE;
  const database: DatabaseConfig = env.DATABASE_URL
    ? { kind: 'external', url: env.DATABASE_URL, poolSize }
    : { kind: 'embedded', dataDir: resolve(dataDir, 'postgres'), port: env.EMBEDDED_POSTGRES_PORT, poolSize };
  const storage: StorageConfig = env.S3_ENDPOINT
    ? {
        kind: 'external',
        endpoint: env.S3_ENDPOINT,
        accessKey: env.S3_ACCESS_KEY!,
        secretKey: env.S3_SECRET_KEY!,
        bucket: env.S3_BUCKET,
        region: env.S3_REGION,
      }
    : {
        kind: 'embedded',
        endpoint: `http://127.0.0.1:${env.EMBEDDED_S3_PORT}`,
        // s3rver accepts only its fixed credentials.
        accessKey: 'S3RVER',
        secretKey: 'S3RVER',
        bucket: env.S3_BUCKET,
        region: env.S3_REGION,
        dataDir: resolve(dataDir, 's3'),
      };
  return {
    env: env.NODE_ENV,
    role: env.PROCESS_ROLE,
    host: env.HOST,
    port: env.PORT,
    web: { serve: env.SERVE_WEB ?? !production, port: env.WEB_PORT, distDir: resolve(cwd, env.WEB_DIST_DIR) },
    publicUrl: env.PUBLIC_URL,
    logLevel: env.LOG_LEVEL,
    database,
    storage,
    cookies: { secure: env.COOKIE_SECURE ?? production },
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    http: {
      headersTimeoutSeconds: env.HTTP_HEADERS_TIMEOUT_SECONDS,
      bodyTimeoutSeconds: env.HTTP_BODY_TIMEOUT_SECONDS,
      keepAliveTimeoutSeconds: env.HTTP_KEEP_ALIVE_TIMEOUT_SECONDS,
    },
    sessions: { ttlHours: env.SESSION_TTL_HOURS },
    loginThrottle: {
      maxPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxPerAddress: env.LOGIN_MAX_FAILURES_PER_ADDRESS,
      windowMinutes: env.LOGIN_FAILURE_WINDOW_MINUTES,
      backoffBaseSeconds: env.LOGIN_BACKOFF_BASE_SECONDS,
      backoffMaxSeconds: env.LOGIN_BACKOFF_MAX_SECONDS,
    },
    seedDemo: env.SEED_DEMO ?? !production,
    map: { tileUrl: env.MAP_TILE_URL, tileAttribution: env.MAP_TILE_ATTRIBUTION },
    media: {
      maxBytes: {
        image: env.MEDIA_MAX_IMAGE_BYTES,
        audio: env.MEDIA_MAX_AUDIO_BYTES,
        video: env.MEDIA_MAX_VIDEO_BYTES,
        document: env.MEDIA_MAX_DOCUMENT_BYTES,
      },
      maxImagePixels: env.MEDIA_MAX_IMAGE_PIXELS,
      maxPixelsPerByte: env.MEDIA_MAX_PIXELS_PER_BYTE,
      minUploadRate: { bytes: env.MEDIA_UPLOAD_MIN_BYTES, windowSeconds: env.MEDIA_UPLOAD_RATE_WINDOW_SECONDS },
      orphanGraceMinutes: env.MEDIA_ORPHAN_GRACE_MINUTES,
    },
    jobs: {
      expireSeconds: env.JOB_EXPIRE_SECONDS,
      retryDelaySeconds: env.JOB_RETRY_DELAY_SECONDS,
      maintenanceSeconds: env.JOB_MAINTENANCE_SECONDS,
    },
    seedDemoMedia: env.SEED_DEMO_MEDIA ?? true,
    runJobs: env.PROCESS_ROLE === 'worker' || (env.RUN_JOBS_IN_API ?? !production),
    publicPageCache: env.PUBLIC_PAGE_CACHE ?? true,
    people: { livingPrivacyYears: env.PEOPLE_LIVING_PRIVACY_YEARS },
    bootstrapAdmin:
      env.BOOTSTRAP_ADMIN_EMAIL && env.BOOTSTRAP_ADMIN_PASSWORD
        ? { email: env.BOOTSTRAP_ADMIN_EMAIL.toLowerCase(), password: env.BOOTSTRAP_ADMIN_PASSWORD }
        : undefined,
    oai: { adminEmail: env.OAI_ADMIN_EMAIL ?? env.BOOTSTRAP_ADMIN_EMAIL, pageSize: env.OAI_PAGE_SIZE },
    rateLimits: { anonymous: env.RATE_LIMIT_ANONYMOUS, apiKey: env.RATE_LIMIT_API_KEY, windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS },
  };
}

/**
 * Parses the environment once at start-up. Every bad variable is reported in
 * one error, so an operator fixes them all in one go.
 */
export function loadConfig(rawEnv: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const parsed = envSchema.safeParse(withMinioAliases(rawEnv));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const problems = crossFieldProblems(parsed.data);
  if (problems.length > 0) throw new ConfigError(problems);
  return toAppConfig(parsed.data, cwd);
}
