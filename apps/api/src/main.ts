import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { createApp } from './bootstrap/create-app';
import { startEmbeddedServices } from './bootstrap/embedded-services';
import { startWebServer, trustWebServerHop } from './bootstrap/web-server';
import { takeOverShutdownSignals } from './infra/embedded/embedded-postgres';
import { ConfigError, loadConfig, type AppConfig } from './infra/config/config.schema';
import { createRootLogger } from './infra/logging/logger';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './modules/demo/demo-accounts';
import { SessionsService } from './modules/accounts/sessions.service';

function readConfig(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

function printBanner(config: AppConfig): void {
  const url = config.publicUrl ?? (config.web.serve ? `http://localhost:${config.web.port}` : `http://localhost:${config.port}`);
  const lines = ['', `  Vitrina is running: ${url}`, `  API: http://localhost:${config.port}/api (docs: /api/docs)`];
  if (config.seedDemo) {
    lines.push(`  Demo logins (password "${DEMO_PASSWORD}"):`);
    for (const account of DEMO_ACCOUNTS) lines.push(`    ${account.email.padEnd(28)} ${account.displayName}`);
  }
  lines.push('  Press Ctrl-C to stop.', '');
  console.log(lines.join('\n'));
}

async function run(): Promise<void> {
  const config = readConfig();
  const logger = createRootLogger(config.logLevel);
  const embedded = await startEmbeddedServices(config, logger);
  let app: NestFastifyApplication | undefined;
  let web: Awaited<ReturnType<typeof startWebServer>> | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await web?.close().catch((error: unknown) => logger.error({ err: error }, 'web server did not close'));
    await app?.close().catch((error: unknown) => logger.error({ err: error }, 'api did not close'));
    await embedded.stop();
    process.exit(0);
  };
  takeOverShutdownSignals();
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // A job cut off by shutdown may still report back to a database that is going away; that is expected then.
  process.on('unhandledRejection', (error) => {
    if (stopping) return logger.warn({ err: error }, 'ignored while shutting down');
    logger.fatal({ err: error }, 'unhandled rejection');
    process.exit(1);
  });
  try {
    // Behind the built-in web server, the API learns each visitor's address from it.
    const apiConfig = config.web.serve ? { ...embedded.config, trustProxy: trustWebServerHop(config.trustProxy) } : embedded.config;
    app = await createApp(apiConfig, logger);
    if (config.role === 'worker') {
      startHousekeeping(app, logger);
      logger.info('worker ready');
      return;
    }
    // An API that runs the jobs (npm start, a single-process installation) has no worker to keep house for it.
    if (embedded.config.runJobs) startHousekeeping(app, logger);
    await app.listen({ host: config.host, port: config.port });
    if (config.web.serve) web = await startWebServer(webOptions(config, logger));
    printBanner(config);
  } catch (error) {
    logger.fatal({ err: error }, 'start-up failed');
    await embedded.stop();
    process.exit(1);
  }
}

const HOUSEKEEPING_INTERVAL_MS = 10 * 60 * 1000;

/** Periodic housekeeping (expired sessions, old login failures) in the process that runs the jobs. */
function startHousekeeping(app: NestFastifyApplication, logger: Logger): void {
  const sessions = app.get(SessionsService);
  const housekeeping = () =>
    sessions.purgeExpired().catch((error: unknown) => logger.warn({ err: error }, 'housekeeping failed'));
  void housekeeping();
  setInterval(housekeeping, HOUSEKEEPING_INTERVAL_MS);
}

function webOptions(config: AppConfig, logger: Logger) {
  return {
    distDir: config.web.distDir,
    apiUrl: `http://127.0.0.1:${config.port}`,
    host: config.host,
    port: config.web.port,
    logger,
    trustProxy: config.trustProxy,
    limits: config.http,
  };
}

void run();
