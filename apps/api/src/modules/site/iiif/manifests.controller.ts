import { Controller, Get, Inject, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { COLLECTION_NAMES, uuidSchema } from '@vitrina/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { APP_CONFIG } from '../../../infra/config/config.module';
import type { AppConfig } from '../../../infra/config/config.schema';
import { PublicRoute } from '../../access/access.decorators';
import { publicBase } from '../../../infra/http/public-base';
import { presentationHeaders } from './answer';
import { buildManifest } from './manifest';
import { DescribedRecords } from '../described-records';

class ManifestParams extends createZodDto(z.strictObject({ collection: z.enum(COLLECTION_NAMES), id: uuidSchema })) {}

/** IIIF Presentation 3.0 manifests of published items, memorials, exhibitions and people. */
@ApiTags('iiif')
@Controller('iiif/manifests')
@PublicRoute()
export class IiifManifestsController {
  constructor(
    private readonly sources: DescribedRecords,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** 404 for a record that is not live, or shows no image: a manifest needs at least one canvas. */
  @Get(':collection/:id')
  async manifest(@Param() params: ManifestParams, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { country, source } = await this.sources.describe(params.collection, params.id);
    const manifest = buildManifest(publicBase(this.config, request), country, source);
    if (!manifest) throw new NotFoundException('This record shows no image, so it has no IIIF manifest');
    presentationHeaders(reply);
    return manifest;
  }
}
