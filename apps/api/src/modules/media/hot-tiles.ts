import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';
import { PUBLIC_CACHE_CONTROL, entityTag, fileHeaders, isNotModified } from './delivery';
import { ServableMemo } from './servable-memo';

const MAX_BYTES = 32 * 1024 * 1024;
/** Tiles are at most 512 px JPEGs, and so are the regions viewers have rendered; a large rendering is not worth a place. */
const MAX_ENTRY_BYTES = 512 * 1024;

/** One tile as the route answered it: which asset and stored (or rendered, see IiifRenderer) file, under which validator. */
interface HotTile {
  assetId: string;
  name: string;
  etag: string;
  body: Buffer;
}

/**
 * The bytes of recently served public IIIF tiles and rendered regions,
 * least recently used out first, keyed by request path. A deep zoom asks for the same few dozen
 * tiles again and again; a repeated one is answered here before Nest routes
 * the request, if and only if
 * - ServableMemo still holds its asset as public (so a file that stopped
 *   being public, or was withdrawn, goes to the route and gets its 404), and
 * - the asset's validator is the one the tile was kept under (so a file
 *   processed again is read afresh).
 * The answer is the route's: the same headers, 304 to a matching validator.
 */
@Injectable()
export class HotTiles implements OnModuleInit {
  private readonly entries = new Map<string, HotTile>();
  private bytes = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly memo: ServableMemo,
  ) {}

  onModuleInit(): void {
    if (this.config.role !== 'api') return;
    // Registered after the request id and security headers (create-app), so those are set as for any answer.
    this.adapterHost.httpAdapter?.getInstance<FastifyInstance>().addHook('onRequest', (request, reply, done) => {
      if (request.method !== 'GET' || this.entries.size === 0 || !request.url.startsWith('/iiif/3/')) return done();
      if (!this.answer(request, reply)) done();
    });
  }

  /** Keeps a public tile the route has just read from the store or rendered. */
  remember(path: string, tile: HotTile): void {
    if (tile.body.length > MAX_ENTRY_BYTES) return;
    const old = this.entries.get(path);
    if (old) this.bytes -= old.body.length;
    this.entries.delete(path);
    this.entries.set(path, tile);
    this.bytes += tile.body.length;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= MAX_BYTES) break;
      this.entries.delete(oldest);
      this.bytes -= entry.body.length;
    }
  }

  /** The bytes kept for this path under this validator, if any. */
  bytesOf(path: string, etag: string): Buffer | undefined {
    const hit = this.entries.get(path);
    return hit?.etag === etag ? hit.body : undefined;
  }

  private answer(request: FastifyRequest, reply: FastifyReply): boolean {
    const path = request.url.split('?', 1)[0];
    const hit = this.entries.get(path);
    if (!hit) return false;
    const asset = this.memo.lookup(hit.assetId);
    if (!asset || entityTag(asset, hit.name) !== hit.etag) return false;
    this.entries.delete(path);
    this.entries.set(path, hit);
    fileHeaders(reply, asset, hit.etag, PUBLIC_CACHE_CONTROL, true);
    if (isNotModified(request, hit.etag, asset.updatedAt)) {
      void reply.status(304).send();
      return true;
    }
    void reply.type('image/jpeg').header('content-disposition', `inline; filename="${asset.id}-${hit.name.replace(/[^\w.-]/g, '_')}"`).send(hit.body);
    return true;
  }
}
