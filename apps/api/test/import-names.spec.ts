import { IMPORT_NAMES_MAX_BYTES, IMPORT_NAMES_MAX_ROWS } from '@vitrina/contracts';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActorName, startWithActors } from './support/actors';
import { publishDirectly } from './support/publish';
import type { TestApp, TestClient } from './support/test-app';

const text = (value: string) => ({ text: value, status: 'original' });

/** Windows-1251 bytes of a text of Cyrillic and ASCII letters (what Excel in a Russian locale saves). */
function cp1251(source: string): Buffer {
  return Buffer.from(
    [...source].map((char) => {
      const code = char.codePointAt(0)!;
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      if (char === 'Ё') return 0xa8;
      if (char === 'ё') return 0xb8;
      throw new Error(`not in the test's table: ${char}`);
    }),
  );
}

interface Report {
  dryRun: boolean;
  encoding: string;
  rows: number;
  validRows: number;
  invalidRows: number;
  created: number;
  updated: number;
  issueCount: number;
  issues: { row: number; column: string | null; message: string }[];
}

describe('import of the names on a memorial from a CSV file', () => {
  let testApp: TestApp;
  let db: DataSource;
  let as: Record<ActorName, TestClient>;
  let kz: string;
  let memorialId: string;

  const url = (dryRun: boolean, countryId = kz, memorial = memorialId) => `/api/studio/countries/${countryId}/memorials/${memorial}/names?dryRun=${dryRun}`;
  const send = (client: TestClient, target: string, body: string | Buffer) =>
    client.request('post', target).set('content-type', 'text/csv').send(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);

  const linked = async () =>
    (await db.query(
      `SELECT id, slug, status, live_revision, external_id, version, content FROM people
        WHERE country_id = $1 AND content->'memorials' @> jsonb_build_array(jsonb_build_object('memorialId', $2::text)) ORDER BY content->>'name'`,
      [kz, memorialId],
    )) as { id: string; slug: string; status: string; live_revision: number | null; external_id: string | null; version: number; content: Record<string, unknown> }[];
  const imports = async () => Number((await db.query(`SELECT count(*) AS n FROM audit_log WHERE action = 'import' AND entity_id = $1`, [memorialId]))[0].n);

  beforeAll(async () => {
    ({ testApp, db, as, kz } = await startWithActors());
    const created = await as.curatorKz.post(`/api/studio/countries/${kz}/memorials`, {
      slug: 'import-obelisk',
      kind: 'obelisk',
      title: { ru: text('Обелиск в ауле') },
      location: { lat: 43.1, lng: 76.8 },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    memorialId = created.body.id;
    await publishDirectly(db, 'memorials', memorialId);
  });

  afterAll(() => testApp?.close());

  it('reports bad rows on a dry run, row by row, in message keys, and writes nothing', async () => {
    const file = [
      'surname,given_name,patronymic,birth,death,fate,rank_ru,role',
      'Иванов,Пётр,Семёнович,1915,1943-02-31x,killed,сержант,burial',
      'Петров,Иван,,1920,1942,eaten,,burial',
      '"=HYPERLINK(""http://evil.test"")",Ермек,,1921,1944,killed,,burial',
      'Сидоров,Павел,,1944,1920,missing,,commemorated',
      'Ахметов,Серик,,c. 1918,1942,killed,рядовой,burial',
    ].join('\n');
    const before = await linked();
    const response = await send(as.curatorKz, url(true), file);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const report = response.body as Report;
    expect(report).toMatchObject({ dryRun: true, encoding: 'utf-8', rows: 5, validRows: 1, invalidRows: 4, created: 1, updated: 0 });
    expect(report.issues).toEqual([
      { row: 2, column: 'death_date', message: 'import.invalid_date' },
      { row: 3, column: 'fate', message: 'import.unknown_value' },
      { row: 4, column: 'surname', message: 'import.formula' },
      { row: 5, column: 'death_date', message: 'import.birth_after_death' },
    ]);
    expect(await linked()).toEqual(before);
    expect(await imports()).toBe(0);
  });

  it('refuses a file with an unknown column, naming it', async () => {
    const response = await send(as.curatorKz, url(true), 'name,birthplace\nИванов Пётр,Алма-Ата\n');
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('birthplace');
    expect(response.body.issues).toEqual([{ path: 'birthplace', message: 'import.unknown_column' }]);
  });

  it('writes nothing of a file with one bad row on a real run (422 with the report)', async () => {
    const file = 'name,death,fate\nГоворов Лев,1943,killed\nКононов Ян,1944,killed\nБадов Ким,1945,nope\n';
    const response = await send(as.curatorKz, url(false), file);
    expect(response.status).toBe(422);
    expect((response.body as Report).issues).toEqual([{ row: 4, column: 'fate', message: 'import.unknown_value' }]);
    expect((await linked()).map((person) => person.content.name)).not.toContain('Говоров Лев');
    expect(await imports()).toBe(0);
  });

  it('imports the rows as drafts linked to the memorial, with a revision each and one audit entry, none public', async () => {
    const file = '\uFEFFexternal_id,surname,given_name,birth,death,fate,rank_ru,rank_en,unit,role,plot\r\n' +
      'obd-1,Жумабаев,Канат,1915,1943,killed,сержант,Sergeant,310-я стрелковая дивизия,burial,ряд 2\r\n' +
      'obd-2,Оспанов,Бахыт,~1920,1942-08,missing,,,,commemorated,\r\n';
    const response = await send(as.curatorKz, url(false), file);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({ dryRun: false, rows: 2, created: 2, updated: 0, issueCount: 0 });
    const people = await linked();
    expect(people.map((person) => person.content.name)).toEqual(['Жумабаев Канат', 'Оспанов Бахыт']);
    for (const person of people) {
      expect(person).toMatchObject({ status: 'draft', live_revision: null, version: 1 });
      const revisions = await db.query(`SELECT number, content FROM content_revisions WHERE record_type = 'person' AND record_id = $1`, [person.id]);
      expect(revisions).toHaveLength(1);
      expect(revisions[0].content.slug).toBe(person.slug);
      // The studio reads them as it reads any person; visitors do not see them.
      const studio = await as.curatorKz.get(`/api/studio/countries/${kz}/people/${person.id}`);
      expect(studio.status).toBe(200);
      await as.anonymous.get(`/api/public/countries/kazakhstan/people/${person.slug}`).expect(404);
    }
    expect(people[0].content).toMatchObject({
      surname: 'Жумабаев',
      birth: { date: '1915' },
      rank: { ru: 'сержант', en: 'Sergeant' },
      fate: 'killed',
      memorials: [{ memorialId, role: 'burial', plot: 'ряд 2' }],
      title: { kk: text('Жумабаев Канат') },
    });
    expect(people[1].content).toMatchObject({ birth: { date: '1920', circa: true }, death: { date: '1942-08' }, memorials: [{ memorialId, role: 'commemorated' }] });
    expect(await imports()).toBe(1);
    const [entry] = await db.query(`SELECT actor_email, country_id, entity_type, details FROM audit_log WHERE action = 'import' AND entity_id = $1`, [memorialId]);
    expect(entry).toMatchObject({ actor_email: 'curator.kz@vitrina.test', country_id: kz, entity_type: 'memorial', details: { created: 2, updated: 0, rows: 2 } });

    // The same file again updates by external id: no one twice, a second revision each.
    const again = await send(as.curatorKz, url(false), file.replace('310-я', '314-я'));
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({ created: 0, updated: 2 });
    const after = await linked();
    expect(after).toHaveLength(2);
    expect(after.map((person) => person.version)).toEqual([2, 2]);
    expect(after[0].content.unit).toBe('314-я стрелковая дивизия');
    expect(after.map((person) => person.slug)).toEqual(people.map((person) => person.slug));
  });

  it('reads a Windows-1251 file with Cyrillic names', async () => {
    const file = cp1251('name,death,fate,rank_ru\r\nЁлкин Фёдор Ильич,1944,killed,ефрейтор\r\nЩукина Анна,1943,died-of-wounds,\r\n');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(file)).toThrow();
    const dry = await send(as.curatorKz, url(true), file);
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toMatchObject({ encoding: 'windows-1251', rows: 2, validRows: 2, created: 2 });
    const real = await send(as.moderatorKz, url(false), file);
    expect(real.status, JSON.stringify(real.body)).toBe(200);
    const names = (await linked()).map((person) => person.content.name);
    expect(names).toEqual(expect.arrayContaining(['Ёлкин Фёдор Ильич', 'Щукина Анна']));
    const elkin = (await linked()).find((person) => person.content.name === 'Ёлкин Фёдор Ильич')!;
    expect(elkin.content.rank).toEqual({ ru: 'ефрейтор' });
  });

  it("refuses another country's curator, and an unknown memorial", async () => {
    const file = 'name\nЧужой Человек\n';
    await send(as.curatorAm, url(true), file).expect(403);
    await send(as.curatorAm, url(false), file).expect(403);
    await send(as.anonymous, url(false), file).expect(401);
    await send(as.curatorKz, url(true, kz, '6f0f5a4c-59f3-4d44-8d3b-5b7c7ad3b0ff'), file).expect(404);
    expect((await linked()).map((person) => person.content.name)).not.toContain('Чужой Человек');
  });

  it('answers a file of more rows than the limit with 413, and reads `;`-separated files and escaped formulas', async () => {
    const tooMany = `name\n${'Иванов\n'.repeat(IMPORT_NAMES_MAX_ROWS + 1)}`;
    const refused = await send(as.curatorKz, url(true), tooMany);
    expect(refused.status).toBe(413);
    expect(refused.body.message).toContain('import.too_many_rows');
    const semicolons = await send(as.curatorKz, url(true), "name;unit\nБеков Аман;'=314-я дивизия\n");
    expect(semicolons.status, JSON.stringify(semicolons.body)).toBe(200);
    expect(semicolons.body).toMatchObject({ rows: 1, validRows: 1, issueCount: 0 });
  });

  it('reads a CSV body for the import only, and never from a client with no session', async () => {
    // Refused before the body is read: nobody makes the API hold a spreadsheet for a route that would refuse it.
    const elsewhere = await as.curatorKz.request('post', `/api/studio/countries/${kz}/items`).set('content-type', 'text/csv').send('name\nX\n');
    expect(elsewhere.status).toBe(415);
    expect((await send(as.anonymous, url(true), Buffer.alloc(1024 * 1024, 'a'))).status).toBe(401);
    // Without even a CSRF token: refused as the access guard would refuse it, in its order.
    expect((await testApp.client().request('post', url(true)).set('content-type', 'text/csv').send('name\nX\n')).status).toBe(403);
  });

  it('answers a file over the size limit with 413', async () => {
    const header = 'name\n';
    const big = Buffer.alloc(IMPORT_NAMES_MAX_BYTES + 1, 'a');
    big.write(header);
    const response = await send(as.curatorKz, url(true), big);
    expect(response.status).toBe(413);
  });
});
