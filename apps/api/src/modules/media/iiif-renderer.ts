import { Injectable } from '@nestjs/common';
import sharp, { type Sharp } from 'sharp';
import { ObjectStorage } from '../../infra/storage/object-storage.service';
import { entityTag, notFoundIfMissing } from './delivery';
import type { Size } from './derivatives';
import { HotTiles } from './hot-tiles';
import { type Box, type ServedImage, levelFor, tilePlan } from './iiif-geometry';
import type { MediaAssetEntity } from './media-asset.entity';
import { assetFolder } from './media-derivatives.worker';
import { RenderGate } from './render-gate';

/** One rendering per core (these machines have two); a few more wait, the rest get 503 (see RenderGate). */
const RENDERS_AT_ONCE = 2;
const RENDERS_WAITING = 8;
/** As the stored tiles are encoded, so a rendered region looks like the tiles around it. */
const JPEG = { quality: 80 } as const;

const extractOf = (box: Box) => ({ left: box.x, top: box.y, width: box.width, height: box.height });

/**
 * Renders the IIIF requests no stored object answers, from stored derivatives
 * only, never the original upload (which may be 100 megapixels): an untiled
 * image (at most 2000 px a side) from its full-width WebP, a tiled one from the
 * tiles of the coarsest pyramid level that has enough pixels. The region and
 * size were checked against the image and IIIF_MAX_SIZE before, so the pixels
 * read are bounded too: under twice the output's on each side (the next
 * coarser level would have had enough), or at most the one-tile level.
 */
@Injectable()
export class IiifRenderer {
  private readonly gate = new RenderGate(RENDERS_AT_ONCE, RENDERS_WAITING);

  constructor(
    private readonly storage: ObjectStorage,
    private readonly hot: HotTiles,
  ) {}

  /** `gone`: whether the client has hung up, checked when the rendering's turn comes (a viewer zooming on drops many requests). */
  render(asset: MediaAssetEntity, image: ServedImage, region: Box, size: Size, gone?: () => boolean): Promise<Buffer> {
    const work = () => (image.scaleFactors ? this.fromTiles(asset, image, image.scaleFactors, region, size) : this.fromRendition(asset, image, region, size));
    return this.gate.run(work, gone);
  }

  private async fromRendition(asset: MediaAssetEntity, image: Size, region: Box, size: Size): Promise<Buffer> {
    const source = await this.read(asset, `w${image.width}.webp`);
    return sharp(source).extract(extractOf(region)).resize(size.width, size.height, { fit: 'fill' }).jpeg(JPEG).toBuffer();
  }

  private async fromTiles(asset: MediaAssetEntity, image: Size, scaleFactors: number[], region: Box, size: Size): Promise<Buffer> {
    const plan = tilePlan(image, region, levelFor(scaleFactors, region, size));
    const scaled = (pipeline: Sharp) => pipeline.resize(size.width, size.height, { fit: 'fill' }).jpeg(JPEG).toBuffer();
    const tiles = await Promise.all(plan.tiles.map(async (tile) => ({ ...tile, data: await this.read(asset, tile.name) })));
    // A region inside one tile, the common case for a viewer, needs no canvas.
    if (tiles.length === 1) return scaled(sharp(tiles[0].data).extract(extractOf(tiles[0].part)));
    // Only the needed part of each tile is placed, so the canvas is no larger than the region on the level.
    const parts = await Promise.all(
      tiles.map(async (tile) => {
        const { data, info } = await sharp(tile.data).extract(extractOf(tile.part)).raw().toBuffer({ resolveWithObject: true });
        return { input: data, raw: { width: info.width, height: info.height, channels: info.channels }, left: tile.left, top: tile.top };
      }),
    );
    const canvas = sharp({ create: { ...plan.canvas, channels: 3, background: '#000' } }).composite(parts);
    if (plan.canvas.width === size.width && plan.canvas.height === size.height) return canvas.jpeg(JPEG).toBuffer();
    // sharp composites last in a pipeline, so the joined parts are scaled in a second pass.
    const { data, info } = await canvas.raw().toBuffer({ resolveWithObject: true });
    return scaled(sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }));
  }

  /** A stored derivative: from the hot tiles when a viewer has just fetched it, else the store (a missing one is 404). */
  private async read(asset: MediaAssetEntity, name: string): Promise<Buffer> {
    const hot = name.startsWith('iiif/') ? this.hot.bytesOf(`/iiif/3/${asset.id}/${name.slice('iiif/'.length)}`, entityTag(asset, name)) : undefined;
    return hot ?? notFoundIfMissing(() => this.storage.getBuffer(`${assetFolder(asset)}/${name}`));
  }
}
