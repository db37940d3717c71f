import { NotFoundException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { openToOtherSites } from '../../bootstrap/security-headers';
import { type ObjectStorage, isMissingObject } from '../../infra/storage/object-storage.service';
import type { ServableAsset } from './media-access.service';
import { assetFolder } from './media-derivatives.worker';
import { storedMetadataBoxes, withoutMetadata } from './mp4-metadata';

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** An unversioned captions URL follows the live revision, so caches must ask again before reusing it. */
const REVALIDATE = 'public, no-cache';
const PRIVATE = 'private, no-store';

/** A read of the store, with a missing object answered 404; anything else (unreachable, refused) goes on to the error filter as 503. */
async function notFoundIfMissing<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isMissingObject(error)) throw new NotFoundException('No such media');
    throw error;
  }
}

async function openWhole(storage: ObjectStorage, key: string): Promise<Readable> {
  const stream = await storage.getStream(key);
  if (!stream) throw new NotFoundException('No such media');
  return stream;
}

/**
 * Sends one stored derivative. Public renditions, tiles and versioned
 * captions may be cached for good (their bytes never change under their
 * name) and used by other sites' viewers; answers for unpublished media are
 * private and uncacheable, so a CDN never holds a draft. The object is
 * opened before any header is set, so a missing one is a clean 404 and a
 * store outage a 503.
 */
export async function sendDerivative(
  storage: ObjectStorage,
  reply: FastifyReply,
  servable: ServableAsset,
  name: string,
  contentType: string,
  options: { revalidate?: boolean } = {},
): Promise<FastifyReply> {
  const stream = await openWhole(storage, `${assetFolder(servable.asset)}/${name}`);
  void reply
    .type(contentType)
    .header('cache-control', servable.isPublic ? (options.revalidate ? REVALIDATE : IMMUTABLE) : PRIVATE)
    .header('content-disposition', `inline; filename="${servable.asset.id}-${name.replace(/[^\w.-]/g, '_')}"`);
  if (servable.isPublic) openToOtherSites(reply);
  return reply.send(stream);
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'audio/mpeg': 'mp3',
  'audio/aac': 'aac',
  'audio/x-m4a': 'm4a',
  'audio/mp4': 'm4a',
  'audio/ogg': 'ogg',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
};

/** One `bytes=a-b`, `bytes=a-` or `bytes=-n` range; anything else is served whole. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

/**
 * The uploaded file itself, for audio, video and documents (images are
 * only ever served as derivatives), with the location and other metadata
 * boxes of MP4 files blanked. Ranges let players seek without downloading
 * the whole film.
 */
export async function sendOriginal(
  storage: ObjectStorage,
  reply: FastifyReply,
  servable: ServableAsset,
  rangeHeader: string | undefined,
): Promise<FastifyReply> {
  const { asset } = servable;
  // A document is offered only once rewritten without scripts and metadata (see pdf-sanitiser.ts).
  if (asset.kind === 'image' || (asset.kind === 'document' && asset.status !== 'ready')) throw new NotFoundException('No such media');
  const range = parseRange(rangeHeader, asset.byteSize);
  if (range === 'unsatisfiable') {
    return reply.status(416).header('content-range', `bytes */${asset.byteSize}`).header('cache-control', 'no-store').send();
  }
  const key = `${assetFolder(asset)}/original`;
  // Files processed before their metadata boxes were recorded are looked at now.
  const boxes = asset.metadataBoxes ?? (await notFoundIfMissing(() => storedMetadataBoxes(storage, key, asset.mimeType, asset.byteSize)));
  const start = range?.start ?? 0;
  const length = range ? range.end - range.start + 1 : asset.byteSize;
  const stream = range ? await notFoundIfMissing(() => storage.getRange(key, start, length)) : await openWhole(storage, key);
  const fileName = `${asset.id}.${EXTENSIONS[asset.mimeType] ?? 'bin'}`;
  void reply
    .type(asset.mimeType)
    .header('accept-ranges', 'bytes')
    .header('cache-control', servable.isPublic ? IMMUTABLE : PRIVATE)
    .header('content-disposition', `${asset.kind === 'document' ? 'attachment' : 'inline'}; filename="${fileName}"`)
    .header('content-length', String(length));
  if (range) void reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${asset.byteSize}`);
  return reply.send(withoutMetadata(stream, start, boxes));
}
