import { Controller, Get, Inject, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';
import { ObjectStorage } from '../../infra/storage/object-storage.service';
import { PublicRoute } from '../access/access.decorators';
import { TILE_SIZE } from './derivatives';
import { sendDerivative } from './delivery';
import { MediaAccess } from './media-access.service';

class InfoParams extends createZodDto(z.strictObject({ assetId: z.uuid() })) {}
class TileParams extends createZodDto(
  z.strictObject({
    assetId: z.uuid(),
    region: z.string().regex(/^\d+,\d+,\d+,\d+$/),
    size: z.string().regex(/^\d+,\d+$/),
    rotation: z.literal('0'),
    file: z.literal('default.jpg'),
  }),
) {}

/**
 * IIIF Image API 3.0, level 0: the tiles made at upload, under their
 * canonical request paths, for any IIIF viewer (OpenSeadragon, Mirador).
 */
@ApiTags('iiif')
@Controller('iiif/3')
export class IiifController {
  constructor(
    private readonly access: MediaAccess,
    private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @PublicRoute()
  @Get(':assetId/info.json')
  async info(@Param() params: InfoParams, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { asset, isPublic } = await this.access.servable(params.assetId, request.actor);
    if (!asset.tileScaleFactors || asset.status !== 'ready') throw new NotFoundException('No tiles for this media');
    const base = this.config.publicUrl ?? `${request.protocol}://${request.host}`;
    void reply
      .type('application/ld+json;profile="http://iiif.io/api/image/3/context.json"')
      .header('cache-control', isPublic ? 'public, max-age=3600' : 'private, no-store');
    if (isPublic) void reply.header('access-control-allow-origin', '*');
    return {
      '@context': 'http://iiif.io/api/image/3/context.json',
      id: `${base}/iiif/3/${asset.id}`,
      type: 'ImageService3',
      protocol: 'http://iiif.io/api/image',
      profile: 'level0',
      width: asset.width,
      height: asset.height,
      tiles: [{ width: TILE_SIZE, height: TILE_SIZE, scaleFactors: asset.tileScaleFactors }],
    };
  }

  @PublicRoute()
  @Get(':assetId/:region/:size/:rotation/:file')
  async tile(@Param() params: TileParams, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const servable = await this.access.servable(params.assetId, request.actor);
    const name = `iiif/${params.region}/${params.size}/0/default.jpg`;
    return sendDerivative(this.storage, reply, servable, name, 'image/jpeg', { cors: true });
  }
}
