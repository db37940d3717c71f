import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/** The channel the database's triggers notify on commit (migrations PublicChanges1764110000000 and after). */
export const PUBLIC_CHANGES_CHANNEL = 'vitrina_public_changes';
/** The listening connection's application_name (pg_stat_activity shows it). */
export const LISTENER_APPLICATION_NAME = 'vitrina listener';
const CHANNEL_NAME = /^[a-z_][a-z0-9_]*$/;

export interface ListenerTiming {
  /** How often the connection is asked whether it is alive. */
  heartbeatMs: number;
  /**
   * How long a heartbeat may go unanswered before the connection counts as
   * lost. A half-open TCP connection (a peer gone without a FIN) reports no
   * error for a quarter of an hour, so silence this long is treated as one;
   * a merely slow answer on a busy machine is far shorter.
   */
  deadlineMs: number;
  /** Waits before each reconnection attempt; the last repeats. */
  reconnectMs: number[];
}

export const DEFAULT_LISTENER_TIMING: ListenerTiming = { heartbeatMs: 10_000, deadlineMs: 60_000, reconnectMs: [250, 1000, 5000] };

export interface ListenerEvents {
  /** A notification's payload and channel; notifications arrive in the order their transactions committed. */
  change(payload: string, channel: string): void;
  /** Listening (again); what changed while nobody listened is unknown. */
  up(): void;
  /** No longer listening: nothing heard since the last up() can be relied on until the next. */
  down(reason: string): void;
}

/**
 * One PostgreSQL connection that LISTENs on its channels (`vitrina_public_changes`
 * unless told otherwise; more may be added while it runs), keeps itself alive
 * and reconnects. Only a real loss of the connection (an error, its end, or a
 * heartbeat unanswered past a generous deadline) takes it down; a slow answer
 * does not. An API process holds one, in DatabaseChanges.
 */
export class PublicChangesListener {
  private client: Client | undefined;
  private listening = false;
  private stopped = false;
  private attempts = 0;
  private retry: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private beating = false;
  private syncCount = 0;
  private readonly syncs = new Map<string, () => void>();
  /** This listener's own channel for sync(): nobody else hears its notifications. */
  private readonly syncChannel = `vitrina_sync_${randomUUID().replaceAll('-', '')}`;
  private readonly channels: Set<string>;

  constructor(
    private readonly databaseUrl: string,
    private readonly events: ListenerEvents,
    private readonly timing: ListenerTiming = DEFAULT_LISTENER_TIMING,
    channels: readonly string[] = [PUBLIC_CHANGES_CHANNEL],
  ) {
    for (const channel of channels) checkChannelName(channel);
    this.channels = new Set(channels);
  }

  get isListening(): boolean {
    return this.listening;
  }

  listensTo(channel: string): boolean {
    return this.channels.has(channel);
  }

  /**
   * Listens on one more channel, now if connected and on every reconnection.
   * Resolves once LISTEN has run (or the connection was lost meanwhile; the
   * next up() covers it then).
   */
  async listenTo(channel: string): Promise<void> {
    checkChannelName(channel);
    if (this.channels.has(channel)) return;
    // A connection still being made listens on it too: it LISTENs on this set as it goes.
    this.channels.add(channel);
    const client = this.client;
    if (!client || !this.listening) return;
    await client.query(`LISTEN ${channel}`).catch((error: Error) => this.lose(client, error.message));
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    if (client) this.lose(client, 'stopped');
    await client?.end().catch(() => undefined);
  }

  /**
   * Resolves once every notification of a transaction committed before this
   * call has been handed to change(), or once the connection is lost (then
   * down() came first). It sends a notification to itself: PostgreSQL
   * delivers notifications in commit order, so when it arrives every earlier
   * one has arrived too.
   */
  sync(): Promise<void> {
    const client = this.client;
    if (!client || !this.listening) return Promise.resolve();
    const token = String(++this.syncCount);
    return new Promise<void>((resolve) => {
      this.syncs.set(token, resolve);
      client.query('SELECT pg_notify($1, $2)', [this.syncChannel, token]).catch((error: Error) => this.lose(client, error.message));
    });
  }

  /** Asks the connection whether it is alive, unless a question is still open. */
  beat(): void {
    const client = this.client;
    if (!client || !this.listening || this.beating) return;
    this.beating = true;
    let answered = false;
    const deadline = setTimeout(() => {
      // The answer may be waiting unread behind a stalled event loop (timers run before I/O): let I/O have its turn first.
      setImmediate(() => {
        if (!answered) this.lose(client, `the listening connection did not answer for ${this.timing.deadlineMs} ms`);
      });
    }, this.timing.deadlineMs);
    deadline.unref();
    client.query('SELECT 1').then(
      () => {
        answered = true;
        clearTimeout(deadline);
        if (this.client === client) this.beating = false;
      },
      (error: Error) => {
        clearTimeout(deadline);
        this.lose(client, error.message);
      },
    );
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl, keepAlive: true, application_name: LISTENER_APPLICATION_NAME });
    this.client = client;
    client.on('error', (error) => this.lose(client, error.message));
    client.on('end', () => this.lose(client, 'connection ended'));
    client.on('notification', (message) => {
      if (this.client !== client) return;
      if (message.channel === this.syncChannel) this.settle(message.payload ?? '');
      else if (this.channels.has(message.channel)) this.events.change(message.payload ?? '', message.channel);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.syncChannel}`);
      // A Set's iteration also visits what listenTo() adds meanwhile, and nothing awaits between its end and `listening`.
      for (const channel of this.channels) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      this.lose(client, (error as Error).message);
      return;
    }
    if (this.client !== client) return;
    this.listening = true;
    this.attempts = 0;
    this.beating = false;
    this.heartbeat = setInterval(() => this.beat(), this.timing.heartbeatMs);
    this.heartbeat.unref();
    this.events.up();
  }

  private settle(token: string): void {
    const resolve = this.syncs.get(token);
    this.syncs.delete(token);
    resolve?.();
  }

  private lose(client: Client, reason: string): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.listening = false;
    clearInterval(this.heartbeat);
    this.events.down(reason);
    // Waiting callers go on: the cache they waited for was dropped by down().
    for (const resolve of this.syncs.values()) resolve();
    this.syncs.clear();
    void client.end().catch(() => undefined);
    if (!this.stopped) this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    const delays = this.timing.reconnectMs;
    this.retry = setTimeout(() => void this.connect(), delays[Math.min(this.attempts++, delays.length - 1)]);
    this.retry.unref();
  }
}

function checkChannelName(channel: string): void {
  if (!CHANNEL_NAME.test(channel)) throw new Error(`not a channel name to LISTEN on: ${JSON.stringify(channel)}`);
}
