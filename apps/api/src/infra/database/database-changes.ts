import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import { type ListenerEvents, PublicChangesListener } from '../http/public-changes-listener';
import { resolvedDatabaseUrl } from './data-source-options';

/**
 * The database's notifications for this process, on its one LISTEN connection.
 * Whoever needs a channel subscribes to it (the public page cache, the media
 * memo); the connection opens with the first subscription, so a process that
 * subscribes to nothing (a worker) holds none. Each subscriber hears the
 * notifications of its channel and every up() and down() of the connection
 * (PublicChangesListener: keep-alive and reconnection).
 */
@Injectable()
export class DatabaseChanges implements OnModuleDestroy {
  private listener: PublicChangesListener | undefined;
  private readonly subscribers = new Map<string, Set<ListenerEvents>>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Hands `events` the notifications on `channel` from now on. Resolves once
   * the connection listens on it, then having called `events.up()`, or once it
   * failed (it keeps trying; up() comes when it succeeds). Returns the way to
   * stop hearing them.
   */
  async subscribe(channel: string, events: ListenerEvents): Promise<() => void> {
    let subscribers = this.subscribers.get(channel);
    if (!subscribers) this.subscribers.set(channel, (subscribers = new Set()));
    subscribers.add(events);
    const unsubscribe = () => void subscribers.delete(events);
    if (!this.listener) {
      this.listener = new PublicChangesListener(
        resolvedDatabaseUrl(this.config),
        {
          change: (payload, from) => {
            for (const subscriber of this.subscribers.get(from) ?? []) subscriber.change(payload, from);
          },
          up: () => this.everySubscriber((subscriber) => subscriber.up()),
          down: (reason) => this.everySubscriber((subscriber) => subscriber.down(reason)),
        },
        undefined,
        [channel],
      );
      await this.listener.start();
    } else if (!this.listener.listensTo(channel)) {
      await this.listener.listenTo(channel);
      if (this.listener.isListening) events.up();
    } else if (this.listener.isListening) {
      events.up();
    }
    return unsubscribe;
  }

  /** Whether the connection listens (up() came last). */
  get isListening(): boolean {
    return this.listener?.isListening ?? false;
  }

  /** Resolves once every notification committed before the call has been handed on (at once when not listening). */
  sync(): Promise<void> {
    return this.listener?.sync() ?? Promise.resolve();
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener?.stop();
  }

  private everySubscriber(call: (subscriber: ListenerEvents) => void): void {
    const all = new Set<ListenerEvents>();
    for (const subscribers of this.subscribers.values()) for (const subscriber of subscribers) all.add(subscriber);
    for (const subscriber of all) call(subscriber);
  }
}
