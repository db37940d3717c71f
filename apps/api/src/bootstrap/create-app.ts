import fastifyCookie from '@fastify/cookie';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { CAPTIONS_CONTENT_TYPE, CAPTIONS_MAX_BYTES } from '@vitrina/contracts';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import type { AppConfig } from '../infra/config/config.schema';
import { runMigrations } from '../infra/database/run-migrations';
import { HttpErrorFilter } from '../infra/http/http-error.filter';
import { PublicSnapshots, servePublicSnapshots } from '../infra/http/public-snapshots';
import { registerRequestContext } from '../infra/http/request-context';
import { REQUEST_ID_HEADER, requestIdFor } from '../infra/http/request-id';
import { PinoNestLogger } from '../infra/logging/logger';
import { AdminBootstrap } from '../modules/accounts/admin-bootstrap';
import { CountriesService } from '../modules/countries/countries.service';
import { SearchIndex } from '../modules/search/search-index.service';
import { DemoSeeder } from '../modules/demo/demo.module';
import { PartnerGate } from '../modules/partners/partner-gate';
import { describePartnerApi } from '../modules/partners/openapi';
import { serveExhibitionsBeforeNest } from '../modules/site/exhibition-route';
import { PublicSiteService } from '../modules/site/public-site.service';
import { acceptImportBodies } from './import-bodies';
import { refuseUnsafeQueryBeforeRouting, refuseUnsafeText } from './safe-text';
import { registerBodyLimits, serverTimeoutOptions } from './connection-limits';
import { registerSecurityHeaders } from './security-headers';

const JSON_BODY_LIMIT = 1024 * 1024;

function setUpOpenApi(app: NestFastifyApplication, config: AppConfig): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Vitrina API')
      .setDescription('Public, studio, review and admin API of the Vitrina virtual museum platform')
      .setVersion('0.1.0')
      .addCookieAuth('vitrina_session')
      .build(),
  );
  const described = describePartnerApi(cleanupOpenApiDoc(document), config.rateLimits);
  SwaggerModule.setup('api/docs', app, described, { jsonDocumentUrl: 'api/docs-json' });
}

/**
 * Builds the Nest application on Fastify, with every cross-cutting concern
 * wired, migrations applied and seed data in place; it does not listen yet.
 */
export async function createApp(config: AppConfig, logger: Logger): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    genReqId: requestIdFor,
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: config.trustProxy,
    ...serverTimeoutOptions(config.http),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new PinoNestLogger(logger),
  });
  const server = app.getHttpAdapter().getInstance();
  server.addHook('onRequest', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
  });
  registerRequestContext(server);
  refuseUnsafeText(server);
  registerBodyLimits(server, config.http);
  await app.register(fastifyCookie);
  // Uploads arrive as raw bytes and are streamed on, never parsed or buffered here.
  server.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
  // Captions files are small texts, validated by the captions service.
  server.addContentTypeParser(CAPTIONS_CONTENT_TYPE, { parseAs: 'string', bodyLimit: CAPTIONS_MAX_BYTES }, (_request, body, done) =>
    done(null, body),
  );
  acceptImportBodies(server);
  await registerSecurityHeaders(server);
  refuseUnsafeQueryBeforeRouting(server);
  // The read API's CORS, partner keys and rate limits, before anything answers (stored pages included).
  app.get(PartnerGate).register(server);
  // Stored public pages are answered here, with the same headers as above, before Nest routes the request.
  servePublicSnapshots(server, app.get(PublicSnapshots));
  // A visitor's exhibition page not stored is made here too, without Nest's pipeline (the same answer as its route's).
  serveExhibitionsBeforeNest(server, app.get(PublicSiteService), app.get(PublicSnapshots));
  // IIIF clients expect /iiif/... at the root, like the nginx in docker/ forwards it.
  app.setGlobalPrefix('api', { exclude: [{ path: 'iiif/{*path}', method: RequestMethod.ALL }] });
  app.useGlobalFilters(new HttpErrorFilter(logger));
  app.enableShutdownHooks();
  setUpOpenApi(app, config);
  await app.init();
  await prepareDatabase(app, config, logger);
  return app;
}

async function prepareDatabase(app: NestFastifyApplication, config: AppConfig, logger: Logger): Promise<void> {
  const applied = await runMigrations(app.get(DataSource));
  if (applied.length > 0) logger.info({ migrations: applied }, 'applied migrations');
  if (config.role !== 'api') return;
  await app.get(CountriesService).seedDefaults();
  if (config.bootstrapAdmin) {
    await app.get(AdminBootstrap).bootstrapAdmin(config.bootstrapAdmin.email, config.bootstrapAdmin.password);
  }
  if (config.seedDemo) {
    await app.get(DemoSeeder).seed();
  }
  // Fills search after the migration that made it, and after seeding; a no-op once filled.
  await app.get(SearchIndex).reindexIfEmpty();
}
