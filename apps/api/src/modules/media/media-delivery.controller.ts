import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ObjectStorage } from '../../infra/storage/object-storage.service';
import { PublicRoute } from '../access/access.decorators';
import { sendDerivative, sendOriginal } from './delivery';
import { AssetParams } from './dto';
import { captionsName } from './captions-name';
import { MediaAccess } from './media-access.service';

class DerivativeParams extends createZodDto(
  z.strictObject({ assetId: z.uuid(), file: z.string().regex(/^w\d{1,5}\.(webp|jpg)$/, 'not a derivative name') }),
) {}

const CAPTIONS_FILE = /^([a-z]{2,3})(?:-([0-9a-f]{64}))?\.vtt$/;
class CaptionsFileParams extends createZodDto(
  z.strictObject({
    assetId: z.uuid(),
    file: z
      .string()
      .regex(CAPTIONS_FILE, 'not a captions file name')
      .transform((file) => {
        const [, lang, version] = CAPTIONS_FILE.exec(file)!;
        return { lang, version };
      }),
  }),
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
    const servable = await this.access.servable(params.assetId, request.actor, { memo: true });
    const contentType = params.file.endsWith('.webp') ? 'image/webp' : 'image/jpeg';
    return sendDerivative(this.storage, request, reply, servable, params.file, contentType);
  }

  /** The file of an audio, video or document asset; honours a single byte range. */
  @PublicRoute()
  @Get(':assetId/file')
  async file(@Param() params: AssetParams, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const servable = await this.access.servable(params.assetId, request.actor);
    return sendOriginal(this.storage, request, reply, servable);
  }

  /**
   * WebVTT captions: `/api/media/{asset}/captions/en-{sha256}.vtt` names one
   * version; `/api/media/{asset}/captions/en.vtt` the one the
   * reader may see now (the latest for the country's staff, the approved one
   * for visitors).
   */
  @PublicRoute()
  @Get(':assetId/captions/:file')
  async captions(@Param() params: CaptionsFileParams, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const { lang, version } = params.file;
    const servable = await this.access.captions(params.assetId, request.actor, lang, version);
    return sendDerivative(this.storage, request, reply, servable, captionsName(lang, servable.version), 'text/vtt; charset=utf-8', {
      revalidate: servable.revalidate,
    });
  }
}
