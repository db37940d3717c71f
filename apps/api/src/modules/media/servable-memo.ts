import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { Client } from 'pg';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';
import { resolvedDatabaseUrl } from '../../infra/database/database.module';
import type { MediaAssetEntity } from './media-asset.entity';

/** The channel the database's triggers notify on commit when anything public changes (migration PublicChanges1764110000000). */
const CHANNEL = 'vitrina_public_changes';
/**
 * The longest an entry is trusted, whatever the notifications say: the bound on
 * how long this process may serve a file after it stopped being public, should a
 * notification be lost on a connection that looks alive (docs/operations.md).
 */
export const SERVABLE_MEMO_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;
const RECONNECT_MS = [250, 1000, 5000];
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
 * - on the database's notification otherwise (another process, plain SQL),
 *   on its own LISTEN connection, separate from the public page cache's;
 * - after SERVABLE_MEMO_TTL_MS at the latest.
 * While the listening connection is down nothing is kept.
 */
@Injectable()
export class ServableMemo implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ServableMemo.name);
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private listening = false;
  private stopped = false;
  private client: Client | undefined;
  private attempts = 0;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.role !== 'api') return;
    const server = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    server?.addHook('onSend', (request, _reply, payload, done) => {
      if (!SAFE_METHODS.has(request.method)) this.invalidate();
      done(null, payload);
    });
    await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    this.disable();
    await this.client?.end().catch(() => undefined);
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

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: resolvedDatabaseUrl(this.config), keepAlive: true, application_name: 'vitrina servable-memo' });
    this.client = client;
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = undefined;
      this.disable();
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn(`media access memo off until the database notifies again: ${error?.message ?? 'connection ended'}`);
      const delay = RECONNECT_MS[Math.min(this.attempts++, RECONNECT_MS.length - 1)];
      this.retry = setTimeout(() => void this.listen(), delay);
      this.retry.unref();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', () => this.invalidate());
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      lost(error as Error);
      return;
    }
    if (this.client !== client) return;
    this.invalidate();
    this.listening = true;
    this.attempts = 0;
  }
}
