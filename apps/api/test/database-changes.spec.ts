import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseChanges } from '../src/infra/database/database-changes';
import { LISTENER_APPLICATION_NAME } from '../src/infra/http/public-changes-listener';
import { PublicSnapshots, snapshotKey } from '../src/infra/http/public-snapshots';
import type { MediaAssetEntity } from '../src/modules/media/media-asset.entity';
import { ServableMemo } from '../src/modules/media/servable-memo';
import { startWithActors } from './support/actors';
import { eventually } from './support/patience';
import type { TestApp, TestClient } from './support/test-app';

/**
 * An API process listens to the database on one connection (DatabaseChanges),
 * which both the public page cache and the media memo hear through.
 */
describe('the one listening connection of an API process', () => {
  let testApp: TestApp;
  let db: DataSource;
  let visitor: TestClient;
  let snapshots: PublicSnapshots;
  let memo: ServableMemo;
  let changes: DatabaseChanges;
  let item: { id: string; path: string };

  /** The connections of this app's own database that the app named (its pool's have no name). */
  const namedConnections = async () =>
    (
      (await db.query(`SELECT application_name FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'vitrina%'`)) as {
        application_name: string;
      }[]
    ).map((row) => row.application_name);

  /** A published item's change, committed: both the page cache and the memo hear of it before sync() resolves. */
  async function bothHearAChange(): Promise<void> {
    // Whatever was committed before (the demo seed's writes) is heard first, so it cannot drop the page below.
    await changes.sync();
    await visitor.get(item.path).expect(200);
    await visitor.get(item.path).expect(200);
    const key = snapshotKey(item.path, undefined);
    expect(snapshots.holds(key)).toBe(true);
    const assetId = randomUUID();
    memo.store(assetId, memo.begin(), { id: assetId } as MediaAssetEntity);
    expect(memo.lookup(assetId)).toBeDefined();

    await db.query(`UPDATE items SET published_at = published_at + interval '1 second' WHERE id = $1`, [item.id]);
    await changes.sync();
    expect(snapshots.holds(key)).toBe(false);
    expect(memo.lookup(assetId)).toBeUndefined();
  }

  beforeAll(async () => {
    let kz: string;
    let as: Record<'anonymous', TestClient>;
    ({ testApp, db, kz, as } = await startWithActors());
    visitor = as.anonymous;
    snapshots = testApp.app.get(PublicSnapshots);
    memo = testApp.app.get(ServableMemo);
    changes = testApp.app.get(DatabaseChanges);
    const [published] = (await db.query(`SELECT id, live_slug FROM items WHERE country_id = $1 AND live_revision IS NOT NULL ORDER BY id LIMIT 1`, [kz])) as {
      id: string;
      live_slug: string;
    }[];
    item = { id: published.id, path: `/api/public/countries/kazakhstan/items/${published.live_slug}?lang=en` };
  });

  afterAll(() => testApp?.close());

  it('holds exactly one listening connection, and the page cache and the media memo both hear changes on it', async () => {
    expect(changes.isListening).toBe(true);
    expect(snapshots.enabled).toBe(true);
    expect(memo.enabled).toBe(true);
    expect(await namedConnections()).toEqual([LISTENER_APPLICATION_NAME]);
    await bothHearAChange();
  });

  it('takes both down when the connection is cut, and both hear again on one new connection', { timeout: 600_000 }, async () => {
    const [{ pid }] = (await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`, [
      LISTENER_APPLICATION_NAME,
    ])) as { pid: number }[];
    await db.query('SELECT pg_terminate_backend($1)', [pid]);
    // Down, then up again (perhaps already): both follow the one connection.
    await eventually(async () => {
      const listeners = (await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`, [
        LISTENER_APPLICATION_NAME,
      ])) as { pid: number }[];
      expect(listeners.map((row) => row.pid)).not.toContain(pid);
      expect(listeners).toHaveLength(1);
      // Read after the new connection was seen: the old one's loss came first, so this is the new one listening.
      expect([changes.isListening, snapshots.enabled, memo.enabled]).toEqual([true, true, true]);
    });
    expect(await namedConnections()).toEqual([LISTENER_APPLICATION_NAME]);
    await bothHearAChange();
  });

  it('lets a subscriber join later, on a channel of its own, on the same connection', async () => {
    const heard: string[] = [];
    let ups = 0;
    const unsubscribe = await changes.subscribe('vitrina_test_channel', { change: (payload) => heard.push(payload), up: () => ups++, down: () => undefined });
    try {
      expect(ups).toBe(1);
      await db.query(`SELECT pg_notify('vitrina_test_channel', 'hello')`);
      await changes.sync();
      expect(heard).toEqual(['hello']);
      expect(await namedConnections()).toEqual([LISTENER_APPLICATION_NAME]);
    } finally {
      unsubscribe();
    }
  });
});
