import { Controller, Get, Inject, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { openToOtherSites } from '../../bootstrap/security-headers';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';
import { PublicRoute } from '../access/access.decorators';
import type { ContentRecordEntity } from '../content/content-record.entity';
import { exhibitionReferences, itemLocation } from '../content/public-views';
import { LiveRecords } from '../content/live-records';
import { isPersonPublic } from '../content/person-views';
import { buildManifest } from './iiif-manifest';
import type { MediaAssetEntity } from '../media/media-asset.entity';

class ManifestParams extends createZodDto(z.strictObject({ id: z.uuid() })) {}

/** IIIF Presentation 3.0 manifests of published items, exhibitions and people; open to every origin. */
@ApiTags('iiif')
@Controller('iiif/manifests')
@PublicRoute()
export class IiifManifestsController {
  constructor(
    private readonly live: LiveRecords,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private base(request: FastifyRequest): string {
    return this.config.publicUrl ?? `${request.protocol}://${request.host}`;
  }

  private async images(countryId: string, ids: string[], records: Iterable<ContentRecordEntity<object>>): Promise<MediaAssetEntity[]> {
    const found = await this.live.assetsOf(countryId, ids, records);
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  private headers(reply: FastifyReply): void {
    void reply
      .type('application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"')
      .header('cache-control', 'public, max-age=300');
    openToOtherSites(reply);
  }

  @Get('items/:id')
  async item(@Param() params: ManifestParams, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const item = await this.live.byId('item', params.id);
    const base = this.base(request);
    this.headers(reply);
    return buildManifest(base, `${base}/iiif/manifests/items/${item.id}`, {
      id: item.id,
      title: item.content.title,
      summary: item.content.description,
      rights: item.content.rights,
      creditLine: item.content.creditLine,
      location: itemLocation(item),
      images: await this.images(item.countryId, (item.content.media ?? []).map((m) => m.assetId), [item]),
    });
  }

  /**
   * A person's photographs and documents, in the order of their page, with
   * the texts their approved revision gave them. 404 for a person privacy
   * of the living hides, as for their page.
   */
  @Get('people/:id')
  async person(@Param() params: ManifestParams, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const person = await this.live.byId('person', params.id);
    if (!isPersonPublic(person.content, this.config.people.livingPrivacyYears)) throw new NotFoundException('No such person');
    const base = this.base(request);
    this.headers(reply);
    return buildManifest(base, `${base}/iiif/manifests/people/${person.id}`, {
      id: person.id,
      title: person.content.title,
      images: await this.images(person.countryId, (person.content.media ?? []).map((m) => m.assetId), [person]),
    });
  }

  /** The exhibition's images, in story order: the media of every published item it shows. */
  @Get('exhibitions/:id')
  async exhibition(@Param() params: ManifestParams, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const exhibition = await this.live.byId('exhibition', params.id);
    const { itemIds } = exhibitionReferences(exhibition.content);
    const items = await this.live.byIds('item', exhibition.countryId, itemIds);
    const mediaIds = itemIds.flatMap((id) => items.get(id)?.content.media?.map((m) => m.assetId) ?? []);
    const base = this.base(request);
    this.headers(reply);
    return buildManifest(base, `${base}/iiif/manifests/exhibitions/${exhibition.id}`, {
      id: exhibition.id,
      title: exhibition.content.title,
      summary: exhibition.content.summary,
      images: await this.images(exhibition.countryId, [...new Set(mediaIds)], items.values()),
    });
  }
}
