import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit, SetMetadata } from '@nestjs/common';
import { CONTENT_LANGUAGES, type ContentLanguage } from '@vitrina/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Client } from 'pg';
import { readerLanguage } from '../../modules/content/reader-language';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import { resolvedDatabaseUrl } from '../database/database.module';

/** The channel the database's triggers notify on commit (migration PublicChanges1764110000000). */
export const PUBLIC_CHANGES_CHANNEL = 'vitrina_public_changes';

/** Marks a public GET route whose JSON answer depends only on its URL, the reader's language and the database. */
export const SNAPSHOT_ROUTE = 'vitrina:public-snapshot';
export const PublicSnapshot = () => SetMetadata(SNAPSHOT_ROUTE, true);

// Browsers and shared caches may keep the answer but must ask again each time: a moderator's
// decision shows at once, and asking again costs a 304 without a body when nothing changed.
export const PUBLIC_CACHE_CONTROL = 'public, no-cache';

const MAX_BYTES = 64 * 1024 * 1024;
const MAX_ENTRY_BYTES = 4 * 1024 * 1024;
const RECONNECT_MS = [250, 1000, 5000];
const HEARTBEAT_MS = 10_000;
const HEARTBEAT_TIMEOUT_MS = 5_000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface Snapshot {
  body: Buffer;
  etag: string;
  contentType: string;
}

const LANGUAGES = new Set<string>(CONTENT_LANGUAGES);
const NEGOTIATED = new Map<string, string>();
const DEFAULT_LANGUAGE = '' as ContentLanguage;

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
 * A snapshot's key: the URL as sent, plus the language Accept-Language picks
 * unless a valid `?lang=` already decides it (as `readerLanguage` does).
 */
export function snapshotKey(request: FastifyRequest): string {
  const lang = (request.query as { lang?: unknown } | undefined)?.lang;
  if (typeof lang === 'string' && LANGUAGES.has(lang)) return request.url;
  return `${request.url}\n${negotiated(request.headers['accept-language'])}`;
}

/**
 * An in-process cache of published public pages as the exact bytes sent
 * (serialised JSON and its ETag), so a repeated read costs neither queries
 * nor serialisation.
 *
 * Never stale, with any number of API processes:
 * - every write to a table the pages are made of notifies
 *   `vitrina_public_changes` on commit (database triggers; for records, only
 *   writes to their live side), and each process
 *   LISTENs on its own connection and drops everything on a notification;
 * - a write through this process that may change what visitors see (not a
 *   draft's save, say) drops everything before its answer leaves (so its
 *   author's next read is fresh even before the notification is in);
 * - a page is stored only if no drop happened since its reads began (a
 *   generation counter), so a read racing a write is served but not kept;
 * - while the listening connection is down (or not yet up) nothing is stored
 *   and nothing served: on a drop the cache is emptied and disabled until
 *   LISTEN is back.
 */
@Injectable()
export class PublicSnapshots implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PublicSnapshots.name);
  private readonly entries = new Map<string, Snapshot>();
  private bytes = 0;
  private generation = 0;
  private listening = false;
  private stopped = false;
  private client: Client | undefined;
  private attempts = 0;
  private retry: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    // Only processes that answer visitors hold pages; a worker has nothing to cache.
    if (this.config.role !== 'api') return;
    await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    clearInterval(this.heartbeat);
    this.disable();
    await this.client?.end().catch(() => undefined);
  }

  /** Whether pages are being kept (the listening connection is up). */
  get enabled(): boolean {
    return this.listening;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Call before reading what a page is made of; hand the ticket to store(). Null: do not store. */
  begin(): number | null {
    return this.listening ? this.generation : null;
  }

  lookup(key: string): Snapshot | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Least recently used goes first: a hit moves to the end.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  store(key: string, ticket: number | null, snapshot: Snapshot): void {
    if (ticket === null || ticket !== this.generation || !this.listening) return;
    if (snapshot.body.length > MAX_ENTRY_BYTES) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.body.length;
    }
    this.entries.set(key, snapshot);
    this.bytes += snapshot.body.length;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= MAX_BYTES) break;
      this.entries.delete(oldest);
      this.bytes -= entry.body.length;
    }
  }

  /** Drops every page; reads that began before this will not be kept. */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
    this.bytes = 0;
  }

  private disable(): void {
    this.listening = false;
    this.invalidate();
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: resolvedDatabaseUrl(this.config), keepAlive: true, application_name: 'vitrina public-snapshots' });
    this.client = client;
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = undefined;
      clearInterval(this.heartbeat);
      this.disable();
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn(`public page cache off until the database notifies again: ${error?.message ?? 'connection ended'}`);
      this.scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (message) => {
      if (message.channel === PUBLIC_CHANGES_CHANNEL) this.invalidate();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${PUBLIC_CHANGES_CHANNEL}`);
    } catch (error) {
      lost(error as Error);
      return;
    }
    if (this.client !== client) return;
    // Whatever changed while nobody listened is unknown: start empty.
    this.invalidate();
    this.listening = true;
    this.attempts = 0;
    this.heartbeat = setInterval(() => this.checkAlive(client), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** A connection that died silently (no FIN) would deliver nothing: ask it something now and then. */
  private checkAlive(client: Client): void {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, fail) => {
      timer = setTimeout(() => fail(new Error('the listening connection did not answer')), HEARTBEAT_TIMEOUT_MS);
    });
    Promise.race([client.query('SELECT 1'), timeout])
      .catch((error: Error) => client.emit('error', error))
      .finally(() => clearTimeout(timer));
  }

  private scheduleReconnect(): void {
    const delay = RECONNECT_MS[Math.min(this.attempts++, RECONNECT_MS.length - 1)];
    this.retry = setTimeout(() => void this.listen(), delay);
    this.retry.unref();
  }
}

/**
 * Serves stored pages before routing reaches Nest (after the request id and
 * security headers are set, so the answer is the same as from the route),
 * and drops every page when a write through this process is answered.
 * Register after the security headers.
 */
export function servePublicSnapshots(server: FastifyInstance, snapshots: PublicSnapshots): void {
  server.addHook('onRequest', (request, reply, done) => {
    if (request.method !== 'GET' || snapshots.size === 0) return done();
    const hit = snapshots.lookup(snapshotKey(request));
    if (!hit) return done();
    void reply.header('etag', hit.etag).header('cache-control', PUBLIC_CACHE_CONTROL).header('vary', 'Accept-Language');
    if (request.headers['if-none-match'] === hit.etag) {
      void reply.code(304).send();
      return;
    }
    void reply.type(hit.contentType).send(hit.body);
  });
  server.addHook('onSend', (request, _reply, payload, done) => {
    if (!SAFE_METHODS.has(request.method) && !changesNothingPublic(request.url)) snapshots.invalidate();
    done(null, payload);
  });
}

/**
 * Writes that never touch what visitors see: signing in and out, reading notifications, and
 * a curator's work on drafts (create, save, submit, withdraw, restore an old revision as a
 * draft, delete a draft). Only a review decision moves a record's live side.
 */
const DRAFT_ONLY_WRITES = [
  /^\/api\/auth\//,
  /^\/api\/notifications(\/|\?|$)/,
  /^\/api\/studio\/countries\/[^/]+\/(items|memorials|exhibitions)(\/[^/?]+(\/(submit|withdraw|revisions\/\d+\/restore))?)?(\?|$)/,
];

function changesNothingPublic(url: string): boolean {
  return DRAFT_ONLY_WRITES.some((pattern) => pattern.test(url));
}
