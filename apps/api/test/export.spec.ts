import { parse } from 'csv-parse/sync';
import { type CellRichTextValue, Workbook } from 'exceljs';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActorName, startWithActors } from './support/actors';
import { publishDirectly } from './support/publish';
import type { TestApp, TestClient } from './support/test-app';

const text = (value: string, status = 'original') => ({ text: value, status });
const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';
const COLLECTIONS = ['items', 'memorials', 'exhibitions', 'people'] as const;
type Collection = (typeof COLLECTIONS)[number];

/** A sheet read back: its header and its rows as objects by column name, every value as text ('' for an empty cell). */
interface Sheet {
  header: string[];
  rows: Record<string, string>[];
}

const BOM = '\uFEFF';

function readCsv(body: Buffer): Sheet {
  const source = body.toString('utf8');
  expect(source.startsWith(BOM), 'a CSV starts with a byte order mark').toBe(true);
  const records: string[][] = parse(source.slice(1), { relax_column_count: false });
  const [header, ...rest] = records;
  return { header, rows: rest.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]]))) };
}

/** What a cell shows, as text; and whether any cell anywhere is a formula. */
async function readXlsx(body: Buffer): Promise<Sheet & { formulas: number; types: Set<string> }> {
  const workbook = new Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  expect(workbook.worksheets).toHaveLength(1);
  const sheet = workbook.worksheets[0];
  const values: string[][] = [];
  let formulas = 0;
  const types = new Set<string>();
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = row.getCell(c);
      const value = cell.value;
      if (cell.formula || (value && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value))) formulas++;
      if (value !== null && value !== undefined) types.add(typeof value === 'object' ? ('richText' in value ? 'richText' : 'object') : typeof value);
      cells.push(value === null || value === undefined ? '' : typeof value === 'object' && 'richText' in value ? (value as CellRichTextValue).richText.map((run) => run.text).join('') : String(value));
    }
    values.push(cells);
  });
  const [header, ...rest] = values;
  return { header, rows: rest.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]]))), formulas, types };
}

/** A binary body, whatever its type. */
function binary(request: ReturnType<TestClient['get']>) {
  return request.buffer(true).parse((response, callback) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => callback(null, Buffer.concat(chunks)));
  });
}

describe('exports of a country collection, CSV and XLSX', () => {
  let testApp: TestApp;
  let db: DataSource;
  let as: Record<ActorName, TestClient>;
  let kz: string;
  let am: string;
  const made: Partial<Record<Collection, { id: string; slug: string }>> = {};
  const sheets = new Map<string, Sheet & { formulas?: number; types?: Set<string> }>();

  const exportUrl = (countryId: string, collection: string, format: string) => `/api/studio/countries/${countryId}/export/${collection}.${format}`;

  async function create(countryId: string, collection: Collection, document: object, client = as.curatorKz) {
    const created = await client.post(`/api/studio/countries/${countryId}/${collection}`, document);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body as { id: string; slug: string; version: number };
  }

  async function download(collection: Collection, format: 'csv' | 'xlsx', client = as.curatorKz) {
    const response = await binary(client.get(exportUrl(kz, collection, format)));
    expect(response.status, String(response.body)).toBe(200);
    return response;
  }

  beforeAll(async () => {
    ({ testApp, db, as, kz, am } = await startWithActors());
    // A live memorial, a person named on it (a draft), an item whose title looks like a formula, and an exhibition showing the item.
    const memorial = await create(kz, 'memorials', {
      slug: 'export-obelisk',
      kind: 'obelisk',
      title: { kk: text('Ескерткіш'), ru: text('Обелиск в Чимкенте'), en: text('Shymkent obelisk', 'machine') },
      rights: CC_BY,
      location: { lat: 42.3, lng: 69.6 },
      conditionSurveys: [
        { date: '2019-04-01', condition: 'poor' },
        { date: '2024-05-01', condition: 'good' },
      ],
      inscriptions: [{ original: 'Никто не забыт', originalLanguage: 'ru' }],
    });
    await publishDirectly(db, 'memorials', memorial.id);
    made.memorials = memorial;
    made.items = await create(kz, 'items', {
      slug: 'export-formula',
      kind: 'artefact',
      title: { ru: text('=HYPERLINK("http://evil.test","Нажми")'), en: text('+1 flask') },
      description: { ru: text('-2+3 и всё') },
      tags: [{ ru: 'фляга', en: 'flask' }, { ru: 'война' }],
      date: { earliest: 1941, latest: 1945, circa: true },
      location: { lat: 43.25, lng: -76.95 },
    });
    made.exhibitions = await create(kz, 'exhibitions', {
      slug: 'export-story',
      title: { ru: text('Выставка о флягах') },
      summary: { en: text('<p>Flasks <strong>of</strong> the war</p>') },
      coverItemId: made.items.id,
      sections: [
        {
          id: '6f0f5a4c-59f3-4d44-8d3b-5b7c7ad3b001',
          title: { en: text('First') },
          blocks: [{ id: '6f0f5a4c-59f3-4d44-8d3b-5b7c7ad3b002', type: 'map', itemIds: [made.items.id], memorialIds: [memorial.id] }],
        },
      ],
    });
    made.people = await create(kz, 'people', {
      slug: 'export-kasymov',
      name: 'Қасымов Ермек',
      surname: 'Қасымов',
      givenName: 'Ермек',
      variants: ['Касымов Ермек', 'Kassymov Yermek'],
      title: { ru: text('Касымов Ермек'), en: text('Kassymov Yermek') },
      birth: { date: '1915', circa: true },
      death: { date: '1943-02-14' },
      rank: { ru: 'сержант', en: 'Sergeant' },
      unit: '316-я стрелковая дивизия',
      fate: 'killed',
      memorials: [{ memorialId: memorial.id, role: 'burial', plot: 'ряд 3' }],
      awards: ['Медаль «За отвагу»'],
      sources: [{ title: 'Донесение о безвозвратных потерях', archive: 'ЦАМО', fond: '58', opis: '18001', delo: '123', identifiers: [{ scheme: 'obd-memorial', id: '51431517' }] }],
    });
    // Armenia's records must never appear in Kazakhstan's export.
    await create(am, 'items', { slug: 'export-armenian-item', kind: 'artefact', title: { hy: text('Հայկական') } }, as.admin);
    await create(am, 'people', { slug: 'export-armenian-person', name: 'Петросян Арам', title: { ru: text('Петросян Арам') } }, as.admin);

    for (const collection of COLLECTIONS) {
      sheets.set(`${collection}.csv`, readCsv((await download(collection, 'csv')).body));
      sheets.set(`${collection}.xlsx`, await readXlsx((await download(collection, 'xlsx')).body));
    }
  });

  afterAll(() => testApp?.close());

  const both = (collection: Collection) => [sheets.get(`${collection}.csv`)!, sheets.get(`${collection}.xlsx`)!];
  const rowOf = (sheet: Sheet, slug: string) => sheet.rows.find((row) => row.slug === slug);

  it('names the file after the country, the collection and the day, as an attachment of the right type', async () => {
    const csv = await download('items', 'csv');
    const day = new Date().toISOString().slice(0, 10);
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="kazakhstan-items-${day}.csv"`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['cache-control']).toBe('private, no-store');
    const xlsx = await download('people', 'xlsx');
    expect(xlsx.headers['content-disposition']).toBe(`attachment; filename="kazakhstan-people-${day}.xlsx"`);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.body.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('holds the same header and rows in both formats, every record of the country with its status, drafts included', async () => {
    const count = async (table: string) => Number((await db.query(`SELECT count(*) FROM ${table} WHERE country_id = $1${table === 'people' ? ' AND merged_into IS NULL' : ''}`, [kz]))[0].count);
    for (const collection of COLLECTIONS) {
      const [csv, xlsx] = both(collection);
      expect(xlsx.header).toEqual(csv.header);
      // The same values, but that CSV marks a text starting like a formula with an apostrophe where XLSX needs no mark.
      const unmarked = csv.rows.map((row) => Object.fromEntries(Object.entries(row).map(([name, value]) => [name, value.replace(/^'(?=[=+\-@\t\r])/, '')])));
      expect(xlsx.rows).toEqual(unmarked);
      expect(csv.rows).toHaveLength(await count(collection));
      expect(csv.header.slice(0, 4)).toEqual(['id', 'slug', 'status', 'live']);
      // By slug, as the database orders them (its collation), which is how the export pages through them.
      const slugs: { slug: string }[] = await db.query(`SELECT slug FROM ${collection} WHERE country_id = $1${collection === 'people' ? ' AND merged_into IS NULL' : ''} ORDER BY slug`, [kz]);
      expect(csv.rows.map((row) => row.slug)).toEqual(slugs.map((row) => row.slug));
      // Demo records are live; the ones made here are drafts (but the memorial).
      expect(csv.rows.some((row) => row.live === 'true' && row.status === 'published')).toBe(true);
      expect(rowOf(csv, made[collection]!.slug)).toMatchObject({ id: made[collection]!.id, revision: '1' });
    }
    expect(rowOf(both('items')[0], 'export-formula')).toMatchObject({ status: 'draft', live: 'false', live_revision: '', published_at: '' });
    expect(rowOf(both('memorials')[0], 'export-obelisk')).toMatchObject({ status: 'published', live: 'true', live_revision: '1' });
  });

  it('has a column per language of the country for every text, in its order, with Cyrillic and Kazakh letters intact', () => {
    for (const [csv] of [both('items'), both('memorials'), both('exhibitions'), both('people')]) {
      expect(csv.header).toEqual(expect.arrayContaining(['title_kk', 'title_ru', 'title_en']));
      expect(csv.header.indexOf('title_kk')).toBeLessThan(csv.header.indexOf('title_ru'));
      expect(csv.header).not.toContain('title_hy');
      expect(csv.header).not.toContain('external_id');
    }
    for (const sheet of both('memorials')) {
      expect(rowOf(sheet, 'export-obelisk')).toMatchObject({
        title_kk: 'Ескерткіш',
        title_ru: 'Обелиск в Чимкенте',
        title_en: 'Shymkent obelisk',
        machine_translated: 'title_en',
        condition: 'good',
        condition_date: '2024-05-01',
        inscriptions: '[ru] Никто не забыт',
        lat: '42.3',
        lng: '69.6',
      });
    }
  });

  it('writes the register of names: name parts, dates, rank, unit, fate, the memorials by slug and the sources', () => {
    for (const sheet of both('people')) {
      expect(rowOf(sheet, 'export-kasymov')).toMatchObject({
        status: 'draft',
        live: 'false',
        name: 'Қасымов Ермек',
        surname: 'Қасымов',
        given_name: 'Ермек',
        patronymic: '',
        variants: 'Касымов Ермек; Kassymov Yermek',
        title_ru: 'Касымов Ермек',
        title_en: 'Kassymov Yermek',
        birth_date: '1915',
        birth_circa: 'true',
        death_date: '1943-02-14',
        death_circa: 'false',
        rank_ru: 'сержант',
        rank_en: 'Sergeant',
        unit: '316-я стрелковая дивизия',
        fate: 'killed',
        memorials: 'export-obelisk',
        memorial_roles: 'export-obelisk: burial, ряд 3',
        awards: 'Медаль «За отвагу»',
        sources: 'Донесение о безвозвратных потерях, ЦАМО, fond 58, opis 18001, delo 123',
        identifiers: 'obd-memorial:51431517',
        living_consent: 'false',
      });
    }
  });

  it('lists what an exhibition shows by slug, and rich text as plain text', () => {
    for (const sheet of both('exhibitions')) {
      expect(rowOf(sheet, 'export-story')).toMatchObject({
        title_ru: 'Выставка о флягах',
        summary_en: 'Flasks of the war',
        cover_item: 'export-formula',
        sections: '1',
        section_titles_en: 'First',
        items: 'export-formula',
        memorials: 'export-obelisk',
      });
    }
  });

  it('never lets a text become a formula: prefixed with an apostrophe in CSV, an inline string in XLSX', () => {
    const [csv, xlsx] = both('items');
    expect(rowOf(csv, 'export-formula')).toMatchObject({
      title_ru: `'=HYPERLINK("http://evil.test","Нажми")`,
      title_en: `'+1 flask`,
      description_ru: `'-2+3 и всё`,
      tags_ru: 'фляга; война',
      tags_en: 'flask',
      date_earliest: '1941',
      date_circa: 'true',
      // A negative number stays a number.
      lng: '-76.95',
    });
    const xlsxSheet = xlsx as Sheet & { formulas: number; types: Set<string> };
    expect(rowOf(xlsx, 'export-formula')).toMatchObject({ title_ru: '=HYPERLINK("http://evil.test","Нажми")', title_en: '+1 flask', description_ru: '-2+3 и всё', lng: '-76.95' });
    expect(xlsxSheet.formulas).toBe(0);
    expect([...xlsxSheet.types].sort()).toEqual(['boolean', 'number', 'richText']);
  });

  it('leaves out other countries’ records', () => {
    for (const collection of COLLECTIONS) {
      for (const sheet of both(collection)) {
        expect(sheet.rows.some((row) => row.slug.startsWith('export-armenian'))).toBe(false);
      }
    }
  });

  it('records each export in the audit log: who took which collection in which format', async () => {
    const page = (await as.admin.get(`/api/audit?countryId=${kz}&action=export`).expect(200)).body;
    expect(page.items.length).toBeGreaterThanOrEqual(8);
    expect(page.items[0]).toMatchObject({ action: 'export', actorEmail: 'curator.kz@vitrina.test', countryId: kz, entityType: 'country', entityId: kz });
    const details = page.items.map((entry: { details: object }) => entry.details);
    expect(details).toEqual(expect.arrayContaining([{ collection: 'people', format: 'xlsx' }, { collection: 'items', format: 'csv' }]));
  });

  it('refuses an unknown collection or format, and other countries’ curators', async () => {
    await as.curatorKz.get(exportUrl(kz, 'users', 'csv')).expect(400);
    await as.curatorKz.get(exportUrl(kz, 'items', 'xls')).expect(400);
    await as.curatorKz.get(exportUrl(kz, 'items', 'json')).expect(400);
    await as.curatorKz.get(`/api/studio/countries/${kz}/export/items`).expect(404);
    await as.curatorKz.get(exportUrl('not-a-uuid', 'items', 'csv')).expect(403);
    await as.curatorAm.get(exportUrl(kz, 'people', 'csv')).expect(403);
    await as.anonymous.get(exportUrl(kz, 'people', 'xlsx')).expect(401);
    // Armenia's curator exports Armenia: its own records only, its languages.
    const armenian = readCsv((await binary(as.curatorAm.get(exportUrl(am, 'items', 'csv'))).expect(200)).body);
    expect(armenian.header).toEqual(expect.arrayContaining(['title_hy', 'title_ru', 'title_en']));
    expect(armenian.rows.map((row) => row.slug)).toContain('export-armenian-item');
    expect(armenian.rows.some((row) => row.slug === 'export-formula')).toBe(false);
  });

  it('streams a page at a time: an export larger than a page holds every record once', async () => {
    // 1 000 records are read per query; a few more than that many people cross pages.
    const existing = both('people')[0].rows.length;
    await db.query(
      `INSERT INTO people (country_id, slug, kind, status, version, content)
       SELECT $1, 'bulk-' || lpad(n::text, 5, '0'), 'unknown', 'draft', 1,
              jsonb_build_object('name', 'Иванов ' || n, 'title', jsonb_build_object('ru', jsonb_build_object('text', 'Иванов ' || n, 'status', 'original')), 'fate', 'unknown')
         FROM generate_series(1, 1100) AS n`,
      [kz],
    );
    for (const format of ['csv', 'xlsx'] as const) {
      const body = (await download('people', format)).body;
      const sheet = format === 'csv' ? readCsv(body) : await readXlsx(body);
      expect(sheet.rows).toHaveLength(existing + 1100);
      expect(new Set(sheet.rows.map((row) => row.id)).size).toBe(existing + 1100);
      expect(rowOf(sheet, 'bulk-01100')).toMatchObject({ name: 'Иванов 1100', title_ru: 'Иванов 1100' });
    }
  });
});
