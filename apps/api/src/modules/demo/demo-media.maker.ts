import { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import type { ItemInput, LocalizedText, MemorialInput } from '@vitrina/contracts';
import { MediaService } from '../media/media.service';
import type { DemoCountryContent, DemoMemorial } from './demo-content/types';
import { demoAltText, drawDemoImage } from './demo-images';

const PICTURE = { width: 1600, height: 1200 };
/** The first item of each country gets a picture big enough for deep zoom. */
const DEEP_ZOOM_PICTURE = { width: 3600, height: 2700 };

/** Gives every demo item and memorial a generated picture, uploaded like a curator's file. */
@Injectable()
export class DemoMediaMaker {
  private readonly logger = new Logger(DemoMediaMaker.name);

  constructor(private readonly media: MediaService) {}

  async illustrate(countryId: string, demo: DemoCountryContent): Promise<DemoCountryContent> {
    try {
      const items: ItemInput[] = [];
      for (const [index, item] of demo.items.entries()) {
        items.push(await this.withPicture(countryId, item, item.kind, index === 0 ? DEEP_ZOOM_PICTURE : PICTURE));
      }
      const memorials: DemoMemorial[] = [];
      for (const memorial of demo.memorials) memorials.push(await this.withPicture(countryId, memorial, 'memorial', PICTURE));
      return { ...demo, items, memorials };
    } catch (error) {
      // The demo museum is still worth having without pictures (the store may be starting up).
      this.logger.warn(`demo pictures for ${demo.countrySlug} skipped: ${(error as Error).message}`);
      return demo;
    }
  }

  private async withPicture<T extends ItemInput | MemorialInput | DemoMemorial>(
    countryId: string,
    record: T,
    kind: string,
    size: { width: number; height: number },
  ): Promise<T> {
    const title = record.title.ru?.text ?? record.title.en?.text ?? record.slug;
    const picture = await drawDemoImage(record.slug, kind, title, size.width, size.height);
    const { asset } = await this.media.upload(countryId, null, {
      body: Readable.from([picture]),
      contentLength: picture.length,
      fileName: `${record.slug}.jpg`,
    });
    // Demo texts are written with their statuses; the input type merely allows leaving them out.
    const texts = record as { title: LocalizedText; creditLine?: LocalizedText };
    await this.media.update(countryId, asset.id, {
      alt: demoAltText(texts.title),
      caption: texts.title,
      credit: texts.creditLine ?? { en: { text: 'Vitrina demo', status: 'original' } },
      rights: record.rights ?? null,
    });
    return { ...record, media: [{ assetId: asset.id }, ...(record.media ?? [])] };
  }
}
