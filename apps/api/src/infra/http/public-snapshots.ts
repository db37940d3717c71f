import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit, SetMetadata } from '@nestjs/common';
import { COLLECTION_NAMES, CONTENT_LANGUAGES, type ContentLanguage } from '@vitrina/contracts';
import type { FastifyInstance } from 'fastify';
import { readerLanguage } from './reader-language';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import { DatabaseChanges } from '../database/database-changes';
import { PUBLIC_CHANGES_CHANNEL } from './public-changes-listener';
import { type Snapshot, type SnapshotLimits, SnapshotStore } from './snapshot-store';
import { changedTags } from './page-sources';

export { PUBLIC_CHANGES_CHANNEL } from './public-changes-listener';
export type { Snapshot } from './snapshot-store';

/** Marks a public GET route whose JSON answer depends only on its URL, the reader's language and the database. */
export const SNAPSHOT_ROUTE = 'vitrina:public-snapshot';
export const PublicSnapshot = () => SetMetadata(SNAPSHOT_ROUTE, true);

// Browsers and shared caches may keep the answer but must ask again each time: a moderator's
// decision shows at once, and asking again costs a 304 without a body when nothing changed.
export const PUBLIC_CACHE_CONTROL = 'public, no-cache';

export const SNAPSHOT_LIMITS: SnapshotLimits = { maxEntries: 5_000, maxBytes: 64 * 1024 * 1024, maxEntryBytes: 4 * 1024 * 1024 };
/** Invalidations remembered for pages being built meanwhile; a page begun before the oldest is not kept. */
const RECENT_CHANGES = 1_000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const LANGUAGES = new Set<string>(CONTENT_LANGUAGES);
const NEGOTIATED = new Map<string, string>();
const DEFAULT_LANGUAGE = '' as ContentLanguage;
/** The pages kept: a country's home, its map's memorial points and its records' pages, slugs as the contracts allow them. */
const SNAPSHOT_PATH = new RegExp(`^/api/public/countries/[a-z0-9-]{2,64}/(home|memorial-points|(${COLLECTION_NAMES.join('|')})/[a-z0-9-]{2,120})$`);

/** What Accept-Language picks among the content languages ('' for the country's default), memoised. */
function negotiated(acceptLanguage: string | undefined): string {
  if (!acceptLanguage) return '';
  let language = NEGOTIATED.get(acceptLanguage);
  if (language === undefined) {
    language = readerLanguage(undefined, acceptLanguage, DEFAULT_LANGUAGE);
    if (NEGOTIATED.size >= 1000) NEGOTIATED.clear();
    NEGOTIATED.set(acceptLanguage, language);
  }
  return language;
}

/**
 * A snapshot's key, or null for a URL whose answer is not kept. The path must
 * be one of the kept pages as written canonically; of the query only `lang`
 * counts (the routes strip every other parameter), and without a valid one
 * the language Accept-Language picks (as `readerLanguage` does). A URL the
 * route would refuse (an invalid or repeated `lang`) has no key.
 */
export function snapshotKey(url: string, acceptLanguage: string | undefined): string | null {
  const mark = url.indexOf('?');
  const path = mark === -1 ? url : url.slice(0, mark);
  if (!SNAPSHOT_PATH.test(path)) return null;
  const langs = mark === -1 ? [] : new URLSearchParams(url.slice(mark + 1)).getAll('lang');
  if (langs.length > 1 || (langs.length === 1 && !LANGUAGES.has(langs[0]))) return null;
  return langs.length === 1 ? `${path}?lang=${langs[0]}` : `${path}\n${negotiated(acceptLanguage)}`;
}

/**
 * An in-process cache of published public pages as the exact bytes sent
 * (serialised JSON and its ETag), so a repeated read costs neither queries
 * nor serialisation.
 *
 * Never stale, with any number of API processes:
 * - every write to a row the pages are made of notifies
 *   `vitrina_public_changes` on commit with the table, the row's id and its
 *   country (database triggers; for records, only writes to their live side);
 *   each process hears it on its one listening connection (DatabaseChanges) and drops the pages tagged
 *   with that row (and, for a record, its country's lists); a change of a
 *   country or a TRUNCATE drops everything;
 * - a write through this process is answered only once this process has heard
 *   every notification committed before (DatabaseChanges.sync), so its
 *   author's next read is fresh; a refused write waits for nothing;
 * - a page is stored only if none of its tags was dropped since its reads
 *   began, so a read racing a write is served but not kept;
 * - while the listening connection is down (or not yet up) nothing is stored
 *   and nothing served: on a loss the cache is emptied and disabled until
 *   LISTEN is back.
 */
@Injectable()
export class PublicSnapshots implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PublicSnapshots.name);
  private readonly pages = new SnapshotStore(SNAPSHOT_LIMITS);
  /** Counts invalidations; `recent` keeps the latest ones' tags (null: everything). */
  private sequence = 0;
  private readonly recent: { sequence: number; tags: readonly string[] | null }[] = [];
  private listening = false;
  private unsubscribe: (() => void) | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly changes: DatabaseChanges,
  ) {}

  async onModuleInit(): Promise<void> {
    // Only processes that answer visitors hold pages; a worker has nothing to cache.
    if (this.config.role !== 'api' || !this.config.publicPageCache) return;
    this.unsubscribe = await this.changes.subscribe(PUBLIC_CHANGES_CHANNEL, {
      change: (payload) => this.changed(payload),
      // Whatever changed while nobody listened is unknown: start empty.
      up: () => {
        this.invalidateAll();
        this.listening = true;
      },
      down: (reason) => {
        this.listening = false;
        this.invalidateAll();
        this.logger.warn(`public page cache off until the database notifies again: ${reason}`);
      },
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.listening = false;
  }

  /** Whether pages are being kept (the listening connection is up). */
  get enabled(): boolean {
    return this.listening;
  }

  get size(): number {
    return this.pages.size;
  }

  get byteSize(): number {
    return this.pages.byteSize;
  }

  /** Whether the page of this key is held (without counting as a use). */
  holds(key: string | null): boolean {
    return key !== null && this.pages.has(key);
  }

  /** Call before reading what a page is made of; hand the ticket to store(). Null: do not store. */
  begin(): number | null {
    return this.enabled ? this.sequence : null;
  }

  lookup(key: string): Snapshot | undefined {
    return this.pages.get(key);
  }

  /** Keeps a page made of `tags` unless one of them changed since its ticket; a page of unknown sources is never kept. */
  store(key: string, ticket: number | null, snapshot: Snapshot, tags: readonly string[]): void {
    if (ticket === null || !this.enabled || tags.length === 0 || this.changedSince(ticket, tags)) return;
    this.pages.set(key, snapshot, tags);
  }

  /** Resolves once every change committed before the call has been applied here (at once when not listening). */
  catchUp(): Promise<void> {
    return this.listening ? this.changes.sync() : Promise.resolve();
  }

  /** Drops the pages made of these tags; pages begun before this will not be kept if they are made of one. */
  invalidate(tags: readonly string[]): void {
    this.remember(tags);
    this.pages.dropTagged(tags);
  }

  /** Drops every page; no page begun before this will be kept. */
  invalidateAll(): void {
    this.remember(null);
    this.pages.clear();
  }

  private changed(payload: string): void {
    const tags = changedTags(payload);
    if (tags) this.invalidate(tags);
    else this.invalidateAll();
  }

  private remember(tags: readonly string[] | null): void {
    this.recent.push({ sequence: ++this.sequence, tags });
    if (this.recent.length > RECENT_CHANGES) this.recent.shift();
  }

  private changedSince(ticket: number, tags: readonly string[]): boolean {
    if (ticket === this.sequence) return false;
    if (this.recent.length === 0 || this.recent[0].sequence > ticket + 1) return true;
    const mine = new Set(tags);
    for (let i = this.recent.length - 1; i >= 0 && this.recent[i].sequence > ticket; i--) {
      const changed = this.recent[i].tags;
      if (changed === null || changed.some((tag) => mine.has(tag))) return true;
    }
    return false;
  }
}

/**
 * Serves stored pages before routing reaches Nest (after the request id and
 * security headers are set, so the answer is the same as from the route),
 * and holds the answer to a successful write until this process has heard
 * of every change committed before it. Register after the security headers.
 */
export function servePublicSnapshots(server: FastifyInstance, snapshots: PublicSnapshots): void {
  server.addHook('onRequest', (request, reply, done) => {
    if (request.method !== 'GET' || snapshots.size === 0) return done();
    const key = snapshotKey(request.url, request.headers['accept-language']);
    const hit = key === null ? undefined : snapshots.lookup(key);
    if (!hit) return done();
    void reply.header('etag', hit.etag).header('cache-control', PUBLIC_CACHE_CONTROL).header('vary', 'Accept-Language');
    if (request.headers['if-none-match'] === hit.etag) {
      void reply.code(304).send();
      return;
    }
    void reply.type(hit.contentType).send(hit.body);
  });
  server.addHook('onSend', async (request, reply, payload) => {
    if (!SAFE_METHODS.has(request.method) && reply.statusCode < 400) await snapshots.catchUp();
    return payload;
  });
}
