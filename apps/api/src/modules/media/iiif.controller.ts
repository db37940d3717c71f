import { BadRequestException, Controller, Get, Inject, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { openToOtherSites } from '../../bootstrap/security-headers';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';
import { publicBase } from '../../infra/http/public-base';
import { ObjectStorage } from '../../infra/storage/object-storage.service';
import { PublicRoute } from '../access/access.decorators';
import { PUBLIC_CACHE_CONTROL, entityTag, isNotModified, sendDerivative } from './delivery';
import { HotTiles } from './hot-tiles';
import { canonicalName, resolveRegion, resolveSize, storedObjectName } from './iiif-geometry';
import { INFO_VERSION, imageInformation, servedImage } from './iiif-info';
import { IiifRenderer } from './iiif-renderer';
import { fileSchema, regionSchema, rotationSchema, sizeSchema } from './iiif-syntax';
import { MediaAccess, type ServableAsset } from './media-access.service';

class ServiceParams extends createZodDto(z.strictObject({ assetId: z.uuid() })) {}
class ImageParams extends createZodDto(
  z.strictObject({ assetId: z.uuid(), region: regionSchema, size: sizeSchema, rotation: rotationSchema, file: fileSchema }),
) {}

/** An IIIF error for a request that is well-formed but does not fit this image; a string from the geometry is its message. */
function orBadRequest<T>(result: T | string): T {
  if (typeof result === 'string') throw new BadRequestException(result);
  return result;
}

/**
 * IIIF Image API 3.0, level 1, for every processed image: any region in
 * pixels or `square`, at `max` or any size up to the region's and
 * IIIF_MAX_SIZE, for any IIIF viewer (OpenSeadragon, Mirador, Universal
 * Viewer). Tiles of the stored pyramid are sent as stored; anything else is
 * rendered from stored derivatives (IiifRenderer).
 */
@ApiTags('iiif')
@Controller('iiif/3')
export class IiifController {
  constructor(
    private readonly access: MediaAccess,
    private readonly storage: ObjectStorage,
    private readonly hot: HotTiles,
    private readonly renderer: IiifRenderer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The base URI leads to the image information (baseUriRedirect): 303, as §2.2 recommends. */
  @PublicRoute()
  @Get(':assetId')
  async service(@Param() params: ServiceParams, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const servable = await this.servable(params.assetId, request);
    this.cacheHeaders(reply, servable);
    return reply.redirect(`${this.serviceId(request, params.assetId)}/info.json`, 303);
  }

  @PublicRoute()
  @Get(':assetId/info.json')
  async info(@Param() params: ServiceParams, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const servable = await this.servable(params.assetId, request);
    const serviceId = this.serviceId(request, servable.asset.id);
    // Its body depends on the asset row, the public URL and what this code declares only.
    const etag = entityTag(servable.asset, `info.json ${INFO_VERSION} ${serviceId}`);
    this.cacheHeaders(reply, servable);
    void reply.type('application/ld+json;profile="http://iiif.io/api/image/3/context.json"').header('etag', etag);
    if (isNotModified(request, etag, servable.asset.updatedAt)) return reply.status(304).send();
    return reply.send(imageInformation(serviceId, servedImage(servable.asset)!, servable.asset.derivativeWidths ?? []));
  }

  @PublicRoute()
  @Get(':assetId/:region/:size/:rotation/:file')
  async image(@Param() params: ImageParams, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const servable = await this.servable(params.assetId, request);
    const image = servedImage(servable.asset)!;
    const region = orBadRequest(resolveRegion(image, params.region));
    const size = orBadRequest(resolveSize(region, params.size));
    const stored = storedObjectName(image, region, size);
    if (stored) return sendDerivative(this.storage, request, reply, servable, stored, 'image/jpeg', { hot: this.hot });
    return sendDerivative(this.storage, request, reply, servable, canonicalName(region, size), 'image/jpeg', {
      hot: this.hot,
      render: () => this.renderer.render(servable.asset, image, region, size, () => request.raw.socket?.destroyed === true),
    });
  }

  /** The asset, if the reader may have it (MediaAccess) and it is an image the service can answer for; 404 otherwise. */
  private async servable(assetId: string, request: FastifyRequest): Promise<ServableAsset> {
    const servable = await this.access.servable(assetId, request.actor, { memo: true });
    if (!servedImage(servable.asset)) throw new NotFoundException('No IIIF image service for this media');
    return servable;
  }

  private serviceId(request: FastifyRequest, assetId: string): string {
    return `${publicBase(this.config, request)}/iiif/3/${assetId}`;
  }

  /** Public answers are cacheable and open to every origin (IIIF viewers on other sites); the rest private. */
  private cacheHeaders(reply: FastifyReply, { isPublic }: ServableAsset): void {
    void reply.header('cache-control', isPublic ? PUBLIC_CACHE_CONTROL : 'private, no-store');
    if (isPublic) openToOtherSites(reply);
  }
}
