import type { Readable } from 'node:stream';
import { NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { openToOtherSites } from '../../bootstrap/security-headers';
import { type ObjectStorage, isMissingObject } from '../../infra/storage/object-storage.service';
import type { MediaAssetEntity } from './media-asset.entity';
import type { ServableAsset } from './media-access.service';
import { assetFolder } from './media-derivatives.worker';
import { storedMetadataBoxes, withoutMetadata } from './mp4-metadata';
import type { HotTiles } from './hot-tiles';

/**
 * Public files may be kept five minutes, then caches must ask again; asking
 * again costs a 304 without the body while the file is still public, and a
 * 404 once it is not (unpublished, archived or withdrawn). So nothing a
 * cache honouring these headers holds outlives a withdrawal by more than
 * this (see docs/operations.md).
 */
export const PUBLIC_MAX_AGE_SECONDS = 300;
export const PUBLIC_CACHE_CONTROL = `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`;
/** An unversioned captions URL follows the live revision, so caches must ask again before reusing it. */
const REVALIDATE = 'public, no-cache';
const PRIVATE = 'private, no-store';

/** A read of the store, with a missing object answered 404; anything else (unreachable, refused) goes on to the error filter as 503. */
export async function notFoundIfMissing<T>(read: () => Promise<T>): Promise<T> {
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

/** FNV-1a: a cheap, stable 32-bit digest, enough to tell the files named at one URL over time apart. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

/**
 * The validator of one file of an asset, from the asset row alone so that a
 * conditional request is answered without touching the store: the bytes
 * under a name change only when the asset is processed again or its
 * captions replaced, and either moves `updated_at`; the name tells apart
 * the captions versions one unversioned URL answers over time.
 */
export function entityTag(asset: MediaAssetEntity, name: string): string {
  return `"${asset.sha256.slice(0, 16)}-${asset.updatedAt.getTime().toString(36)}-${fnv1a(name)}"`;
}

/** Whether the client's copy is current (RFC 9110 §13.1: If-None-Match wins over If-Modified-Since). */
export function isNotModified(request: FastifyRequest, etag: string, lastModified: Date): boolean {
  const noneMatch = request.headers['if-none-match'];
  if (noneMatch !== undefined) {
    return noneMatch.split(',').some((tag) => {
      const trimmed = tag.trim();
      return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
    });
  }
  const since = Date.parse(request.headers['if-modified-since'] ?? '');
  return Number.isFinite(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

/**
 * The caching headers of a file. Public answers are open to other sites
 * (IIIF viewers); answers for unpublished or withdrawn media are private
 * and uncacheable, so a CDN never holds them.
 */
export function fileHeaders(reply: FastifyReply, asset: MediaAssetEntity, etag: string, cacheControl: string, isPublic: boolean): void {
  void reply
    .header('cache-control', isPublic ? cacheControl : PRIVATE)
    .header('etag', etag)
    .header('last-modified', asset.updatedAt.toUTCString());
  if (isPublic) openToOtherSites(reply);
}

/** Sets the caching headers and answers 304 if the client already has the file; false when the body is still to be sent. */
function validated(request: FastifyRequest, reply: FastifyReply, servable: ServableAsset, name: string, cacheControl: string): boolean {
  const etag = entityTag(servable.asset, name);
  fileHeaders(reply, servable.asset, etag, cacheControl, servable.isPublic);
  if (!isNotModified(request, etag, servable.asset.updatedAt)) return false;
  void reply.status(304).send();
  return true;
}

/**
 * Sends one stored derivative (rendition, tile, captions), or with `render`
 * one made for this request (an IIIF region) under the name of what it
 * shows, with the same headers and validator. The object is opened or made
 * before the type is set, so a missing one is a clean 404 and a store outage
 * a 503. A public tile or rendering is held whole and handed to HotTiles,
 * which answers its next requests itself.
 */
export async function sendDerivative(
  storage: ObjectStorage,
  request: FastifyRequest,
  reply: FastifyReply,
  servable: ServableAsset,
  name: string,
  contentType: string,
  options: { revalidate?: boolean; hot?: HotTiles; render?: () => Promise<Buffer> } = {},
): Promise<FastifyReply> {
  if (validated(request, reply, servable, name, options.revalidate ? REVALIDATE : PUBLIC_CACHE_CONTROL)) return reply;
  const key = `${assetFolder(servable.asset)}/${name}`;
  const hot = servable.isPublic ? options.hot : undefined;
  let body: Readable | Buffer;
  if (hot) {
    const path = request.url.split('?', 1)[0];
    const etag = reply.getHeader('etag') as string;
    body = hot.bytesOf(path, etag) ?? (await (options.render ?? (() => notFoundIfMissing(() => storage.getBuffer(key))))());
    hot.remember(path, { assetId: servable.asset.id, name, etag, body });
  } else {
    body = options.render ? await options.render() : await openWhole(storage, key);
  }
  void reply.type(contentType).header('content-disposition', `inline; filename="${servable.asset.id}-${name.replace(/[^\w.-]/g, '_')}"`);
  return reply.send(body);
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
 * the whole film. (If-Range is not honoured: a range is always of the current file.)
 */
export async function sendOriginal(storage: ObjectStorage, request: FastifyRequest, reply: FastifyReply, servable: ServableAsset): Promise<FastifyReply> {
  const { asset } = servable;
  // A document is offered only once rewritten without scripts and metadata (see pdf-sanitiser.ts).
  if (asset.kind === 'image' || (asset.kind === 'document' && asset.status !== 'ready')) throw new NotFoundException('No such media');
  if (validated(request, reply, servable, 'original', PUBLIC_CACHE_CONTROL)) return reply;
  const range = parseRange(request.headers.range, asset.byteSize);
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
    .header('content-disposition', `${asset.kind === 'document' ? 'attachment' : 'inline'}; filename="${fileName}"`)
    .header('content-length', String(length));
  if (range) void reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${asset.byteSize}`);
  return reply.send(withoutMetadata(stream, start, boxes));
}
