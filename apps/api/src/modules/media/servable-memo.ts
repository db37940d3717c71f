import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';
import { DatabaseChanges } from '../../infra/database/database-changes';
import { PUBLIC_CHANGES_CHANNEL } from '../../infra/http/public-changes-listener';
import type { MediaAssetEntity } from './media-asset.entity';
/**
 * The longest an entry is trusted, whatever the notifications say: the bound on
 * how long this process may serve a file after it stopped being public, should a
 * notification be lost on a connection that looks alive (docs/operations.md).
 */
export const SERVABLE_MEMO_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

interface Entry {
  asset: MediaAssetEntity;
  until: number;
}

/**
 * Remembers, for a short while, which assets anyone may fetch, so that a
 * viewer loading dozens of tiles does not cost a query per tile. Only
 * public, not withdrawn, assets are kept: a file becoming public is seen at
 * once, and one stopping being public is forgotten
 * - at once when the change is made through this process (any unsafe request
 *   empties the memo before its answer leaves);
 * - on the database's notification otherwise (another process, plain SQL) on
 *   `vitrina_public_changes` (migration PublicChanges1764110000000 and after),
 *   heard on the process's one listening connection (DatabaseChanges);
 * - after SERVABLE_MEMO_TTL_MS at the latest.
 * While the listening connection is down nothing is kept.
 */
@Injectable()
export class ServableMemo implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ServableMemo.name);
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private listening = false;
  private unsubscribe: (() => void) | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly changes: DatabaseChanges,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.role !== 'api') return;
    const server = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    server?.addHook('onSend', (request, _reply, payload, done) => {
      if (!SAFE_METHODS.has(request.method)) this.invalidate();
      done(null, payload);
    });
    this.unsubscribe = await this.changes.subscribe(PUBLIC_CHANGES_CHANNEL, {
      change: () => this.invalidate(),
      up: () => {
        this.invalidate();
        this.listening = true;
      },
      down: (reason) => {
        this.disable();
        this.logger.warn(`media access memo off until the database notifies again: ${reason}`);
      },
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.disable();
  }

  /** Whether assets are being remembered (the listening connection is up). */
  get enabled(): boolean {
    return this.listening;
  }

  /** Call before reading an asset; hand the ticket to store(). Null: do not store. */
  begin(): number | null {
    return this.listening ? this.generation : null;
  }

  /** A public asset remembered, if it is still within its time. */
  lookup(assetId: string): MediaAssetEntity | undefined {
    const entry = this.entries.get(assetId);
    if (!entry) return undefined;
    if (entry.until > performance.now()) return entry.asset;
    this.entries.delete(assetId);
    return undefined;
  }

  /** Keeps a public asset, unless something changed since its read began. */
  store(assetId: string, ticket: number | null, asset: MediaAssetEntity): void {
    if (ticket === null || ticket !== this.generation || !this.listening) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(assetId, { asset, until: performance.now() + SERVABLE_MEMO_TTL_MS });
  }

  /** Forgets everything; reads that began before this will not be kept. */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }

  private disable(): void {
    this.listening = false;
    this.invalidate();
  }
}
