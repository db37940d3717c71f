import { Controller, Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ObjectStorage } from '../../infra/storage/object-storage.service';
import { PublicRoute } from '../access/access.decorators';
import { sendDerivative, sendOriginal } from './delivery';
import { AssetParams, CaptionsFileParams } from './dto';
import { MediaAccess } from './media-access.service';

class DerivativeParams extends createZodDto(
  z.strictObject({ assetId: z.uuid(), file: z.string().regex(/^w\d{1,5}\.(webp|jpg)$/, 'not a derivative name') }),
) {}

/** Responsive renditions: `/api/media/{asset}/w800.webp`, `/api/media/{asset}/w1600.jpg`. */
@ApiTags('media')
@Controller('media')
export class MediaDeliveryController {
  constructor(
    private readonly access: MediaAccess,
    private readonly storage: ObjectStorage,
  ) {}

  /** Public route: the access rule (published, or staff of the country) is applied per asset. */
  @PublicRoute()
  @Get(':assetId/:file')
  async derivative(@Param() params: DerivativeParams, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const servable = await this.access.servable(params.assetId, request.actor);
    const contentType = params.file.endsWith('.webp') ? 'image/webp' : 'image/jpeg';
    return sendDerivative(this.storage, reply, servable, params.file, contentType);
  }

  /** The file of an audio, video or document asset; honours a single byte range. */
  @PublicRoute()
  @Get(':assetId/file')
  async file(@Param() params: AssetParams, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const servable = await this.access.servable(params.assetId, request.actor);
    return sendOriginal(this.storage, reply, servable, request.headers.range);
  }

  /** WebVTT captions: `/api/media/{asset}/captions/en.vtt`. */
  @PublicRoute()
  @Get(':assetId/captions/:file')
  async captions(@Param() params: CaptionsFileParams, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const servable = await this.access.servable(params.assetId, request.actor);
    const lang = params.file.slice(0, -'.vtt'.length);
    if (!servable.asset.captionLanguages.includes(lang)) throw new NotFoundException('No such captions');
    return sendDerivative(this.storage, reply, servable, `captions/${lang}.vtt`, 'text/vtt; charset=utf-8', { cors: true, replaceable: true });
  }
}
