import type { Readable } from 'node:stream';
import { Body, Controller, Get, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FILE_NAME_HEADER, type MediaAsset } from '@vitrina/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequireCountry } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { CurrentActor } from '../access/current-actor.decorator';
import { CountryParams, CountryRecordParams } from '../content/studio-dto';
import { UpdateMediaDto } from './dto';
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
  constructor(private readonly media: MediaService) {}

  /**
   * The file is the request body (`application/octet-stream`), its name in
   * the X-File-Name header. 201 for a new asset, 200 when the same file was
   * already uploaded to this country.
   */
  @RequireCountry('content.edit', COUNTRY)
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
  @Patch(':id')
  update(@Param() params: CountryRecordParams, @Body() body: UpdateMediaDto): Promise<MediaAsset> {
    return this.media.update(params.countryId, params.id, body);
  }
}
