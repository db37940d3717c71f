import { Audited } from '../audit/audited.decorator';
import type { Readable } from 'node:stream';
import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FILE_NAME_HEADER, type MediaAsset } from '@vitrina/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequireCountry } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { CurrentActor } from '../access/current-actor.decorator';
import { CountryParams, CountryRecordParams } from '../countries/dto';
import { CaptionsParams, UpdateMediaDto } from './dto';
import { MediaCaptionsService } from './media-captions.service';
import { UnsupportedMediaType } from './media-errors';
import { MediaService } from './media.service';

const COUNTRY = { from: 'params', key: 'countryId' } as const;

function declaredLength(request: FastifyRequest): number | undefined {
  const header = request.headers['content-length'];
  return header && /^\d+$/.test(header) ? Number(header) : undefined;
}

@ApiTags('studio')
@Controller('studio/countries/:countryId/media')
export class StudioMediaController {
  constructor(
    private readonly media: MediaService,
    private readonly captions: MediaCaptionsService,
  ) {}

  /**
   * The file is the request body (`application/octet-stream`), its name in
   * the X-File-Name header. 201 for a new asset, 200 when the same file was
   * already uploaded to this country.
   */
  @RequireCountry('content.edit', COUNTRY)
  @Audited({ action: 'media.upload', entityType: 'media', entityId: 'response.id', countryId: 'params.countryId' })
  @Post()
  async upload(
    @Param() params: CountryParams,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MediaAsset> {
    if (!request.body || typeof (request.body as Readable).pipe !== 'function') {
      void reply.header('connection', 'close');
      throw new UnsupportedMediaType('Send the file itself as the body, with Content-Type application/octet-stream');
    }
    try {
      const fileName = request.headers[FILE_NAME_HEADER];
      const { asset, reused } = await this.media.upload(params.countryId, actor.userId, {
        body: request.body as Readable,
        contentLength: declaredLength(request),
        fileName: typeof fileName === 'string' ? fileName : undefined,
      });
      void reply.status(reused ? 200 : 201);
      return asset;
    } catch (error) {
      // The rest of a refused body is not worth reading: close the connection instead.
      void reply.header('connection', 'close');
      throw error;
    }
  }

  @RequireCountry('content.read', COUNTRY)
  @Get()
  async list(@Param() params: CountryParams): Promise<{ items: MediaAsset[] }> {
    return { items: await this.media.list(params.countryId) };
  }

  @RequireCountry('content.read', COUNTRY)
  @Get(':id')
  get(@Param() params: CountryRecordParams): Promise<MediaAsset> {
    return this.media.get(params.countryId, params.id);
  }

  @RequireCountry('content.edit', COUNTRY)
  @Audited({ action: 'media.update', entityType: 'media', entityId: 'params.id', countryId: 'params.countryId' })
  @Patch(':id')
  update(@Param() params: CountryRecordParams, @Body() body: UpdateMediaDto): Promise<MediaAsset> {
    return this.media.update(params.countryId, params.id, body);
  }

  /** A WebVTT captions file for one language (body `text/vtt`), replacing any earlier one. */
  @RequireCountry('content.edit', COUNTRY)
  @Audited({ action: 'media.captions', entityType: 'media', entityId: 'params.id', countryId: 'params.countryId' })
  @Put(':id/captions/:lang')
  putCaptions(@Param() params: CaptionsParams, @Req() request: FastifyRequest): Promise<MediaAsset> {
    return this.captions.put(params.countryId, params.id, params.lang, request.body);
  }

  @RequireCountry('content.edit', COUNTRY)
  @Audited({ action: 'media.captions-remove', entityType: 'media', entityId: 'params.id', countryId: 'params.countryId' })
  @Delete(':id/captions/:lang')
  removeCaptions(@Param() params: CaptionsParams): Promise<MediaAsset> {
    return this.captions.remove(params.countryId, params.id, params.lang);
  }
}
