import { FOUR_EYES_BLOCKER } from '@vitrina/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActorName, signInActors } from './support/actors';
import { editableDocument } from './support/publish';
import { type TestApp, type TestClient, startTestApp } from './support/test-app';

const text = (value: string) => ({ text: value, status: 'original' });
const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';

/** The four-eyes rule: per country, on by default; a moderator may not approve what they submitted or wrote. */
describe('four-eyes rule', () => {
  let testApp: TestApp;
  let as: Record<ActorName, TestClient>;
  let kz: string;
  let secondModerator: TestClient;
  let n = 0;

  const items = (path = '') => `/api/studio/countries/${kz}/items${path}`;
  const review = (id: string, action = '') => `/api/review/countries/${kz}/items/${id}${action ? `/${action}` : ''}`;
  const approve = (client: TestClient, record: { id: string; version: number }) => client.post(review(record.id, 'approve'), { revision: record.version });
  const adminCountry = async (id: string) => (await as.admin.get('/api/admin/countries').expect(200)).body.items.find((c: { id: string }) => c.id === id);
  const setRule = (countryId: string, fourEyes: boolean) => as.admin.patch(`/api/admin/countries/${countryId}`, { fourEyes }).expect(200);

  async function written(by: TestClient) {
    const created = await by.post(items(), { slug: `four-eyes-${++n}`, kind: 'artefact', title: { en: text(`Four eyes ${n}`) }, rights: CC_BY }).expect(201);
    return created.body as { id: string; version: number };
  }
  async function submitted(by: TestClient, submitter = by) {
    const record = await written(by);
    await submitter.post(items(`/${record.id}/submit`), { version: record.version }).expect(204);
    return record;
  }
  const isLive = async (id: string) => (await as.curatorKz.get(items(`/${id}`)).expect(200)).body.liveRevision !== null;
  const desk = async (client: TestClient, id: string) => (await client.get(review(id)).expect(200)).body.needsAnotherModerator as boolean;

  beforeAll(async () => {
    testApp = await startTestApp();
    as = await signInActors(testApp);
    const countries = (await as.anonymous.get('/api/public/countries').expect(200)).body.items;
    kz = countries.find((c: { slug: string }) => c.slug === 'kazakhstan').id;
    const user = (await as.admin.post('/api/admin/users', { email: 'second.moderator@vitrina.test', displayName: 'Second Moderator', password: 'second-password' }).expect(201)).body;
    await as.admin.post(`/api/admin/users/${user.id}/memberships`, { countryId: kz, role: 'moderator' }).expect(201);
    secondModerator = testApp.client();
    await secondModerator.login('second.moderator@vitrina.test', 'second-password');
  });

  afterAll(() => testApp?.close());

  it('is on for every seeded country and for a new one, and visitors never see the setting', async () => {
    const all = (await as.admin.get('/api/admin/countries').expect(200)).body.items as { slug: string; fourEyes: boolean }[];
    expect(all.length).toBeGreaterThanOrEqual(12);
    expect(all.filter((country) => country.fourEyes !== true)).toEqual([]);
    const created = await as.admin.post('/api/admin/countries', { slug: 'four-eyes-land', names: { ru: 'Земля', en: 'Land' }, defaultLanguage: 'ru', languages: ['ru', 'en'] }).expect(201);
    expect(created.body.fourEyes).toBe(true);
    const relaxed = await as.admin
      .post('/api/admin/countries', { slug: 'one-moderator-land', names: { ru: 'Земля', en: 'Land' }, defaultLanguage: 'ru', languages: ['ru', 'en'], fourEyes: false })
      .expect(201);
    expect(relaxed.body.fourEyes).toBe(false);
    const shown = (await as.anonymous.get('/api/public/countries/four-eyes-land').expect(200)).body;
    expect(shown).not.toHaveProperty('fourEyes');
  });

  it('lets admins alone switch it, refusing what is not a yes or no, and records the change', async () => {
    const armenia = (await as.anonymous.get('/api/public/countries/armenia').expect(200)).body.id as string;
    expect((await setRule(armenia, false)).body).toMatchObject({ slug: 'armenia', fourEyes: false });
    expect((await adminCountry(armenia)).fourEyes).toBe(false);
    await setRule(armenia, true);
    expect((await adminCountry(armenia)).fourEyes).toBe(true);
    await as.admin.patch(`/api/admin/countries/${armenia}`, { fourEyes: 'yes' }).expect(400);
    await as.moderatorKz.patch(`/api/admin/countries/${kz}`, { fourEyes: false }).expect(403);
    await as.moderatorKz.get('/api/admin/countries').expect(403);
    expect((await adminCountry(kz)).fourEyes).toBe(true);
    const audit = (await as.admin.get(`/api/audit?action=country.update&entityId=${armenia}`).expect(200)).body.items;
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a moderator\'s approval of their own submission, with a reason the desk can name, and lets another moderator approve it', async () => {
    const record = await submitted(as.moderatorKz);
    expect(await desk(as.moderatorKz, record.id)).toBe(true);
    expect(await desk(secondModerator, record.id)).toBe(false);
    const refused = await approve(as.moderatorKz, record).expect(403);
    expect(refused.body.message).toMatch(/four-eyes/);
    expect(refused.body.blockers).toEqual([expect.objectContaining({ code: FOUR_EYES_BLOCKER })]);
    expect(await isLive(record.id)).toBe(false);
    expect((await as.curatorKz.get(items(`/${record.id}`)).expect(200)).body.status).toBe('in_review');

    await approve(secondModerator, record).expect(204);
    expect(await isLive(record.id)).toBe(true);
  });

  it('counts both who submitted the revision and who wrote it', async () => {
    // The curator wrote it, the moderator submitted it.
    const submittedByModerator = await submitted(as.curatorKz, as.moderatorKz);
    await approve(as.moderatorKz, submittedByModerator).expect(403);
    // The moderator wrote the latest revision, the curator submitted it.
    const draft = await written(as.curatorKz);
    const current = (await as.moderatorKz.get(items(`/${draft.id}`)).expect(200)).body;
    const edited = await as.moderatorKz.request('put', items(`/${draft.id}`)).send({ ...editableDocument(current), description: { en: text('Moderator wrote this') } }).expect(200);
    await as.curatorKz.post(items(`/${draft.id}/submit`), { version: edited.body.version }).expect(204);
    expect(await desk(as.moderatorKz, draft.id)).toBe(true);
    await approve(as.moderatorKz, { id: draft.id, version: edited.body.version }).expect(403);
    await approve(secondModerator, { id: draft.id, version: edited.body.version }).expect(204);
    // What the curator alone wrote and submitted, the moderator approves as before.
    const curators = await submitted(as.curatorKz);
    expect(await desk(as.moderatorKz, curators.id)).toBe(false);
    await approve(as.moderatorKz, curators).expect(204);
  });

  it('allows approving one\'s own submission where the country has the rule off', async () => {
    await setRule(kz, false);
    try {
      const record = await submitted(as.moderatorKz);
      expect(await desk(as.moderatorKz, record.id)).toBe(false);
      await approve(as.moderatorKz, record).expect(204);
      expect(await isLive(record.id)).toBe(true);
    } finally {
      await setRule(kz, true);
    }
    const again = await submitted(as.moderatorKz);
    await approve(as.moderatorKz, again).expect(403);
  });

  it('does not hold admins, who set the rule, to it', async () => {
    const record = await submitted(as.admin);
    expect(await desk(as.admin, record.id)).toBe(false);
    await approve(as.admin, record).expect(204);
  });
});
