import { NotFoundException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { ObjectStorage } from '../../infra/storage/object-storage.service';
import type { ServableAsset } from './media-access.service';
import { assetFolder } from './media-derivatives.worker';

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Captions are replaced under the same URL, so caches must ask again before reusing them. */
const REVALIDATE = 'public, no-cache';
const PRIVATE = 'private, no-store';

/**
 * Sends one stored derivative. Public renditions and tiles may be cached for
 * good (an asset's bytes never change), public captions only with
 * revalidation (a curator may replace them); answers for unpublished media are
 * private and uncacheable, so a CDN never holds a draft.
 */
export async function sendDerivative(
  storage: ObjectStorage,
  reply: FastifyReply,
  servable: ServableAsset,
  name: string,
  contentType: string,
  options: { cors?: boolean; replaceable?: boolean } = {},
): Promise<FastifyReply> {
  const { cors = false, replaceable = false } = options;
  const stream = await storage.getStream(`${assetFolder(servable.asset)}/${name}`);
  if (!stream) throw new NotFoundException('No such media');
  void reply
    .type(contentType)
    .header('cache-control', servable.isPublic ? (replaceable ? REVALIDATE : IMMUTABLE) : PRIVATE)
    .header('content-disposition', `inline; filename="${servable.asset.id}-${name.replace(/[^\w.-]/g, '_')}"`);
  if (cors && servable.isPublic) void reply.header('access-control-allow-origin', '*');
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
 * only ever served as derivatives, so no original with its metadata leaks).
 * Ranges let players seek without downloading the whole film.
 */
export async function sendOriginal(
  storage: ObjectStorage,
  reply: FastifyReply,
  servable: ServableAsset,
  rangeHeader: string | undefined,
): Promise<FastifyReply> {
  const { asset } = servable;
  if (asset.kind === 'image') throw new NotFoundException('No such media');
  const key = `${assetFolder(asset)}/original`;
  const fileName = `${asset.id}.${EXTENSIONS[asset.mimeType] ?? 'bin'}`;
  void reply
    .type(asset.mimeType)
    .header('accept-ranges', 'bytes')
    .header('cache-control', servable.isPublic ? IMMUTABLE : PRIVATE)
    .header('content-disposition', `${asset.kind === 'document' ? 'attachment' : 'inline'}; filename="${fileName}"`);
  const range = parseRange(rangeHeader, asset.byteSize);
  if (range === 'unsatisfiable') {
    return reply.status(416).header('content-range', `bytes */${asset.byteSize}`).send();
  }
  if (range) {
    const length = range.end - range.start + 1;
    const stream = await storage.getRange(key, range.start, length);
    return reply
      .status(206)
      .header('content-range', `bytes ${range.start}-${range.end}/${asset.byteSize}`)
      .header('content-length', String(length))
      .send(stream);
  }
  const stream = await storage.getStream(key);
  if (!stream) throw new NotFoundException('No such media');
  return reply.header('content-length', String(asset.byteSize)).send(stream);
}
