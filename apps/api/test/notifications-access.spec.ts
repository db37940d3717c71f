import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActorName, signInActors } from './support/actors';
import { type TestApp, type TestClient, startTestApp } from './support/test-app';

const text = (value: string) => ({ text: value, status: 'original' });
const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';

/** Notifications follow the reader's access today, not the access they had when the message was written. */
describe('notifications after access changes', () => {
  let testApp: TestApp;
  let as: Record<ActorName, TestClient>;
  let kz: string;
  let n = 0;

  /** A user of their own, signed in, with a membership in Kazakhstan. */
  async function member(role: 'curator' | 'moderator') {
    const email = `notified-${++n}@vitrina.test`;
    const user = (await as.admin.post('/api/admin/users', { email, displayName: `Notified ${n}`, password: 'notified-password' }).expect(201)).body;
    await as.admin.post(`/api/admin/users/${user.id}/memberships`, { countryId: kz, role }).expect(201);
    const client = testApp.client();
    await client.login(email, 'notified-password');
    return { id: user.id as string, client };
  }
  const grant = (userId: string, role: 'curator' | 'moderator') => as.admin.post(`/api/admin/users/${userId}/memberships`, { countryId: kz, role }).expect(201);
  const revoke = (userId: string) => as.admin.delete(`/api/admin/users/${userId}/memberships/${kz}`).expect(204);

  async function submittedBy(curator: TestClient, title: string) {
    const items = `/api/studio/countries/${kz}/items`;
    const created = (await curator.post(items, { slug: `notified-item-${++n}`, kind: 'artefact', title: { en: text(title) }, rights: CC_BY }).expect(201)).body;
    await curator.post(`${items}/${created.id}/submit`, { version: created.version }).expect(204);
    return created as { id: string; version: number };
  }

  beforeAll(async () => {
    testApp = await startTestApp();
    as = await signInActors(testApp);
    const countries = (await as.anonymous.get('/api/public/countries').expect(200)).body.items;
    kz = countries.find((c: { slug: string }) => c.slug === 'kazakhstan').id;
  });

  afterAll(() => testApp?.close());

  it('hides a removed curator the titles and comments of their country, and gives them back when access returns', async () => {
    const curator = await member('curator');
    const record = await submittedBy(curator.client, 'Secret working title');
    await as.moderatorKz.post(`/api/review/countries/${kz}/items/${record.id}/request-changes`, { revision: record.version, comment: 'Internal: check provenance' }).expect(204);
    const before = (await curator.client.get('/api/notifications').expect(200)).body;
    expect(before.unread).toBe(1);
    expect(before.items).toEqual([expect.objectContaining({ kind: 'changes-requested', title: 'Secret working title', comment: 'Internal: check provenance' })]);
    const id = before.items[0].id as string;
    expect((await curator.client.get(`/api/notifications/${id}`).expect(200)).body).toMatchObject({ id, title: 'Secret working title' });

    await revoke(curator.id);
    const after = await curator.client.get('/api/notifications').expect(200);
    expect(after.body).toEqual({ items: [], unread: 0 });
    expect(after.text).not.toContain('Secret working title');
    const single = await curator.client.get(`/api/notifications/${id}`).expect(404);
    expect(single.text).not.toContain('Internal');
    // Marking it read cannot reach it either: it comes back unread with the membership.
    expect((await curator.client.post('/api/notifications/read', { ids: [id] }).expect(200)).body).toEqual({ items: [], unread: 0 });
    expect((await curator.client.post('/api/notifications/read', {}).expect(200)).body).toEqual({ items: [], unread: 0 });

    await grant(curator.id, 'curator');
    const restored = (await curator.client.get('/api/notifications').expect(200)).body;
    expect(restored.unread).toBe(1);
    expect(restored.items).toEqual([expect.objectContaining({ id, read: false, comment: 'Internal: check provenance' })]);
    await curator.client.get(`/api/notifications/${id}`).expect(200);
  });

  it('shows submissions only to those who still moderate the country', async () => {
    const moderator = await member('moderator');
    const record = await submittedBy(as.curatorKz, 'Awaiting a moderator');
    const mine = async () => (await moderator.client.get('/api/notifications').expect(200)).body;
    const submitted = (await mine()).items.find((item: { recordId: string }) => item.recordId === record.id);
    expect(submitted).toMatchObject({ kind: 'submitted', title: 'Awaiting a moderator' });

    await grant(moderator.id, 'curator'); // demoted: the review desk is closed to them, and so are its calls
    expect(await mine()).toEqual({ items: [], unread: 0 });
    await moderator.client.get(`/api/notifications/${submitted.id}`).expect(404);

    await grant(moderator.id, 'moderator');
    expect((await mine()).items.map((item: { id: string }) => item.id)).toContain(submitted.id);
  });

  it('never shows one user another user\'s notification', async () => {
    const curator = await member('curator');
    const record = await submittedBy(curator.client, 'Only mine');
    await as.moderatorKz.post(`/api/review/countries/${kz}/items/${record.id}/reject`, { revision: record.version, comment: 'No' }).expect(204);
    const [own] = (await curator.client.get('/api/notifications').expect(200)).body.items;
    await as.curatorKz.get(`/api/notifications/${own.id}`).expect(404);
    await as.curatorKz.get('/api/notifications/not-a-uuid').expect(400);
  });
});
