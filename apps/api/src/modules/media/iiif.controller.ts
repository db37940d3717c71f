import { Controller, Get, Inject, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { openToOtherSites } from '../../bootstrap/security-headers';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';
import { ObjectStorage } from '../../infra/storage/object-storage.service';
import { PublicRoute } from '../access/access.decorators';
import { IIIF_MAX_SIZE, TILE_SIZE, fullSizes, iiifObjectName } from './derivatives';
import { PUBLIC_MAX_AGE_SECONDS, entityTag, isNotModified, sendDerivative } from './delivery';
import { HotTiles } from './hot-tiles';
import { MediaAccess } from './media-access.service';

/** Whole pixels, at most six digits: no tile of any image we accept is further out. */
const pixels = (count: number) => new RegExp(`^\\d{1,6}(,\\d{1,6}){${count - 1}}$`);
const numbers = (value: string) => value.split(',').map(Number);

const regionSchema = z.union([
  z.literal('full'),
  z
    .string()
    .regex(pixels(4), 'a region is `full` or x,y,w,h in pixels')
    .transform((value) => numbers(value) as [number, number, number, number])
    .refine(([, , w, h]) => w > 0 && h > 0, 'a region has a width and a height'),
]);
// Level 0: no `^` (upscaling), `w,`, `,h`, `pct:n` nor `!w,h`; only the sizes info.json lists.
const sizeSchema = z.union([
  z.literal('max'),
  z
    .string()
    .regex(pixels(2), 'a size is `max` or w,h in pixels')
    .transform((value) => numbers(value) as [number, number])
    .refine(([w, h]) => w > 0 && h > 0, 'a size has a width and a height'),
]);

class InfoParams extends createZodDto(z.strictObject({ assetId: z.uuid() })) {}
class TileParams extends createZodDto(
  z.strictObject({
    assetId: z.uuid(),
    region: regionSchema,
    size: sizeSchema,
    rotation: z.literal('0', 'level 0 serves rotation 0 only'),
    file: z.literal('default.jpg', 'level 0 serves default.jpg only'),
  }),
) {}

/**
 * IIIF Image API 3.0, level 0: the tiles and whole-image sizes made at
 * upload, for any IIIF viewer (OpenSeadragon, Mirador, Universal Viewer).
 */
@ApiTags('iiif')
@Controller('iiif/3')
export class IiifController {
  constructor(
    private readonly access: MediaAccess,
    private readonly storage: ObjectStorage,
    private readonly hot: HotTiles,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @PublicRoute()
  @Get(':assetId/info.json')
  async info(@Param() params: InfoParams, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const { asset, isPublic } = await this.access.servable(params.assetId, request.actor, { memo: true });
    if (!asset.tileScaleFactors || asset.status !== 'ready' || !asset.width || !asset.height) {
      throw new NotFoundException('No tiles for this media');
    }
    const base = this.config.publicUrl ?? `${request.protocol}://${request.host}`;
    // Its body depends on the asset row and the public URL only.
    const etag = entityTag(asset, `info.json ${base}`);
    void reply
      .type('application/ld+json;profile="http://iiif.io/api/image/3/context.json"')
      .header('cache-control', isPublic ? `public, max-age=${PUBLIC_MAX_AGE_SECONDS}` : 'private, no-store')
      .header('etag', etag);
    if (isPublic) openToOtherSites(reply);
    if (isNotModified(request, etag, asset.updatedAt)) return reply.status(304).send();
    const bounded = Math.max(asset.width, asset.height) > IIIF_MAX_SIZE;
    return reply.send({
      '@context': 'http://iiif.io/api/image/3/context.json',
      id: `${base}/iiif/3/${asset.id}`,
      type: 'ImageService3',
      protocol: 'http://iiif.io/api/image',
      profile: 'level0',
      width: asset.width,
      height: asset.height,
      // What `max` means here: the whole image is served up to this box, its detail as tiles.
      ...(bounded ? { maxWidth: IIIF_MAX_SIZE, maxHeight: IIIF_MAX_SIZE } : {}),
      sizes: fullSizes(asset.width, asset.height, asset.tileScaleFactors),
      tiles: [{ width: TILE_SIZE, height: TILE_SIZE, scaleFactors: asset.tileScaleFactors }],
    });
  }

  @PublicRoute()
  @Get(':assetId/:region/:size/:rotation/:file')
  async tile(@Param() params: TileParams, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const servable = await this.access.servable(params.assetId, request.actor, { memo: true });
    const { width, height } = servable.asset;
    const name = width && height ? iiifObjectName({ width, height }, { region: params.region, size: params.size }) : null;
    if (!name) throw new NotFoundException('No such tile');
    return sendDerivative(this.storage, request, reply, servable, name, 'image/jpeg', { hot: this.hot });
  }
}
