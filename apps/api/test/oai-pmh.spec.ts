import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { type ActorsApp, startWithActors } from './support/actors';
import { type HeritageFixture, publishHeritageFixture } from './support/heritage-fixture';
import { oaiSchemaErrors } from './support/oai/oai-schema';
import { publishDirectly, unpublishDirectly } from './support/publish';

const OAI = 'http://www.openarchives.org/OAI/2.0/';
const DC = 'http://purl.org/dc/elements/1.1/';
const EDM = 'http://www.europeana.eu/schemas/edm/';
const REPOSITORY = 'museum.test';
const PAGE = 7;

/** What the tests read of an element of a parsed answer (xmlbuilder2's DOM). */
interface Element {
  localName: string;
  namespaceURI: string | null;
  textContent: string | null;
  getAttribute(name: string): string | null;
  getAttributeNS(namespace: string, name: string): string | null;
}

/** Elements of `ns` and `name` in `root` and below, in document order. */
function elementsOf(root: XMLBuilder, ns: string, name: string): Element[] {
  const matches = (builder: XMLBuilder) => {
    const node = builder.node as unknown as Element;
    return node.localName === name && node.namespaceURI === ns;
  };
  return root.filter(matches, true, true).map((builder) => builder.node as unknown as Element);
}

/** An OAI-PMH answer, read as a harvester reads it. */
class Answer {
  private readonly root: XMLBuilder;
  constructor(readonly xml: string) {
    this.root = create(xml).root();
  }
  all(ns: string, name: string): Element[] {
    return elementsOf(this.root, ns, name);
  }
  texts(ns: string, name: string): string[] {
    return this.all(ns, name).map((element) => element.textContent ?? '');
  }
  get error(): string | null {
    return this.all(OAI, 'error')[0]?.getAttribute('code') ?? null;
  }
  get token(): string | null {
    const [token] = this.all(OAI, 'resumptionToken');
    return token ? (token.textContent ?? '') : null;
  }
  /** Each header's identifier and whether it says deleted. */
  get headers(): { identifier: string; deleted: boolean; datestamp: string; sets: string[] }[] {
    return this.root
      .filter((builder) => (builder.node as unknown as Element).localName === 'header', true, true)
      .map((header) => ({
        identifier: elementsOf(header, OAI, 'identifier')[0].textContent!,
        datestamp: elementsOf(header, OAI, 'datestamp')[0].textContent!,
        deleted: (header.node as unknown as Element).getAttribute('status') === 'deleted',
        sets: elementsOf(header, OAI, 'setSpec').map((set) => set.textContent!),
      }));
  }
}

describe('OAI-PMH 2.0 over the live records, every answer valid against the OAI-PMH schema', () => {
  let ctx: ActorsApp;
  let fixture: HeritageFixture;
  const id = (collection: string, record: string) => `oai:${REPOSITORY}:${collection}/${record}`;

  async function oai(query: string, metadata: 'oai_dc' | 'edm' = 'oai_dc'): Promise<Answer> {
    const response = await ctx.as.anonymous.get(`/api/oai?${query}`).set('host', REPOSITORY);
    expect(response.status, query).toBe(200);
    expect(response.headers['content-type']).toContain('text/xml');
    expect(await oaiSchemaErrors(response.text, metadata), query).toEqual([]);
    return new Answer(response.text);
  }

  /** Every header of a list, following resumption tokens; bounded by count. */
  async function everyHeader(query: string): Promise<{ headers: Answer['headers']; pages: number }> {
    const headers: Answer['headers'] = [];
    let next = query;
    for (let page = 1; page <= 50; page++) {
      const answer = await oai(next);
      expect(answer.error, next).toBeNull();
      headers.push(...answer.headers);
      if (!answer.token) return { headers, pages: page };
      next = `verb=ListIdentifiers&resumptionToken=${encodeURIComponent(answer.token)}`;
    }
    throw new Error('more than 50 pages');
  }

  beforeAll(async () => {
    // Small pages, so the demo records and the fixture's take several.
    ctx = await startWithActors({ OAI_PAGE_SIZE: String(PAGE) });
    fixture = await publishHeritageFixture(ctx);
  });

  afterAll(() => ctx?.testApp.close());

  it('identifies the repository and lists its formats and sets', async () => {
    const identify = await oai('verb=Identify');
    expect(identify.texts(OAI, 'baseURL')).toEqual([`http://${REPOSITORY}/api/oai`]);
    expect(identify.texts(OAI, 'protocolVersion')).toEqual(['2.0']);
    expect(identify.texts(OAI, 'deletedRecord')).toEqual(['transient']);
    expect(identify.texts(OAI, 'granularity')).toEqual(['YYYY-MM-DDThh:mm:ssZ']);
    expect(identify.texts(OAI, 'earliestDatestamp')[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);

    const formats = await oai('verb=ListMetadataFormats');
    expect(formats.texts(OAI, 'metadataPrefix')).toEqual(['oai_dc', 'edm']);
    // A person is not a heritage object: Dublin Core only.
    expect((await oai(`verb=ListMetadataFormats&identifier=${id('people', fixture.ids.person)}`)).texts(OAI, 'metadataPrefix')).toEqual(['oai_dc']);

    const sets = (await oai('verb=ListSets')).texts(OAI, 'setSpec');
    expect(sets).toEqual(expect.arrayContaining(['kazakhstan', 'kazakhstan:items', 'kazakhstan:memorials', 'kazakhstan:people', 'armenia:exhibitions']));
  });

  it('gives a record in Dublin Core, approved texts in their languages, rights in their canonical form', async () => {
    const answer = await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${id('items', fixture.ids.item)}`);
    expect(answer.headers).toEqual([{ identifier: id('items', fixture.ids.item), deleted: false, datestamp: expect.stringMatching(/Z$/), sets: ['kazakhstan', 'kazakhstan:items'] }]);
    const titles = answer.all(DC, 'title').map((title) => [title.getAttribute('xml:lang'), title.textContent]);
    expect(titles).toEqual(expect.arrayContaining([['ru', 'Карта фронта'], ['en', 'A front-line map']]));
    // The English description is a machine draft: never given.
    expect(answer.texts(DC, 'description')).toEqual(['Карта штаба, 1941–1943']);
    expect(answer.texts(DC, 'rights')).toEqual(['http://creativecommons.org/licenses/by/4.0/']);
    expect(answer.texts(DC, 'date')).toEqual(['1941/1943']);
    expect(answer.texts(DC, 'identifier')[0]).toMatch(/\/kazakhstan\/items\/fx-[0-9a-f]{8}$/);
    expect(answer.texts(DC, 'relation')[0]).toContain(`/iiif/manifests/items/${fixture.ids.item}`);
  });

  it('gives items and memorials in the Europeana Data Model, valid against its schema, with their IIIF services', async () => {
    const item = await oai(`verb=GetRecord&metadataPrefix=edm&identifier=${id('items', fixture.ids.item)}`, 'edm');
    expect(item.texts(EDM, 'type')).toEqual(['IMAGE']);
    expect(item.all(EDM, 'rights').map((rights) => rights.getAttributeNS('http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'resource'))).toContain('http://creativecommons.org/licenses/by/4.0/');
    expect(item.all(EDM, 'WebResource')).toHaveLength(2);
    expect(item.xml).toContain(`/iiif/3/${fixture.large}`);
    const memorial = await oai(`verb=GetRecord&metadataPrefix=edm&identifier=${id('memorials', fixture.ids.memorial)}`, 'edm');
    expect(memorial.all(EDM, 'ProvidedCHO')).toHaveLength(1);
    // A record without a rights statement is told as not evaluated, never guessed.
    const bare = await oai(`verb=GetRecord&metadataPrefix=edm&identifier=${id('items', fixture.ids.bare)}`, 'edm');
    expect(bare.xml).toContain('http://rightsstatements.org/vocab/CNE/1.0/');
    expect(bare.texts(EDM, 'type')).toEqual(['TEXT']);
    expect((await oai(`verb=GetRecord&metadataPrefix=edm&identifier=${id('people', fixture.ids.person)}`)).error).toBe('cannotDisseminateFormat');
  });

  it('lists a set a page at a time with resumption tokens, and reports a person privacy hides as deleted', async () => {
    const { headers, pages } = await everyHeader('verb=ListIdentifiers&metadataPrefix=oai_dc');
    const identifiers = headers.map((header) => header.identifier);
    expect(new Set(identifiers).size, 'no record twice across pages').toBe(identifiers.length);
    expect(identifiers).toEqual(expect.arrayContaining(Object.entries({ items: fixture.ids.item, memorials: fixture.ids.memorial, exhibitions: fixture.ids.exhibition }).map(([c, r]) => id(c, r))));
    expect(headers.find((header) => header.identifier === id('people', fixture.ids.hidden))).toMatchObject({ deleted: true });
    expect(headers.find((header) => header.identifier === id('people', fixture.ids.person))).toMatchObject({ deleted: false });
    // In datestamp order, as harvesters resume by date.
    expect(headers.map((header) => header.datestamp)).toEqual([...headers.map((header) => header.datestamp)].sort());
    const live = Number((await ctx.db.query(`SELECT (SELECT count(*) FROM items WHERE live_revision IS NOT NULL) + (SELECT count(*) FROM memorials WHERE live_revision IS NOT NULL)
      + (SELECT count(*) FROM exhibitions WHERE live_revision IS NOT NULL) + (SELECT count(*) FROM people WHERE live_revision IS NOT NULL) AS n`))[0].n);
    expect(headers.length).toBe(live);
    expect(pages, `${live} records at ${PAGE} a page`).toBe(Math.ceil(live / PAGE));
    expect(pages).toBeGreaterThan(3);

    const kazakhItems = await everyHeader('verb=ListIdentifiers&metadataPrefix=oai_dc&set=kazakhstan:items');
    expect(kazakhItems.headers.every((header) => header.sets.includes('kazakhstan:items'))).toBe(true);
    expect(kazakhItems.headers.map((header) => header.identifier)).toContain(id('items', fixture.ids.bare));
    // EDM lists heritage objects only.
    const edm = await oai('verb=ListRecords&metadataPrefix=edm&set=kazakhstan:people');
    expect(edm.error).toBe('noRecordsMatch');
  });

  it('reports a record that left the live side as deleted from then on, and live again once approved again', async () => {
    const before = new Date(Date.now() - 1000).toISOString().slice(0, 19) + 'Z';
    await unpublishDirectly(ctx.db, 'memorials', fixture.ids.memorial);
    const since = await oai(`verb=ListIdentifiers&metadataPrefix=oai_dc&from=${before}`);
    expect(since.headers.find((header) => header.identifier === id('memorials', fixture.ids.memorial))).toMatchObject({ deleted: true });
    const record = await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${id('memorials', fixture.ids.memorial)}`);
    expect(record.headers[0].deleted).toBe(true);
    expect(record.all(OAI, 'metadata')).toHaveLength(0);

    await publishDirectly(ctx.db, 'memorials', fixture.ids.memorial);
    const again = await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${id('memorials', fixture.ids.memorial)}`);
    expect(again.headers[0].deleted).toBe(false);
    expect((await ctx.db.query('SELECT count(*)::int AS n FROM record_tombstones WHERE record_id = $1', [fixture.ids.memorial]))[0].n).toBe(0);
  });

  it('harvests selectively by date, at either granularity', async () => {
    const future = await oai('verb=ListIdentifiers&metadataPrefix=oai_dc&from=2999-01-01');
    expect(future.error).toBe('noRecordsMatch');
    const today = new Date().toISOString().slice(0, 10);
    const upToToday = await oai(`verb=ListIdentifiers&metadataPrefix=oai_dc&until=${today}&set=kazakhstan:memorials`);
    expect(upToToday.headers.map((header) => header.identifier)).toContain(id('memorials', fixture.ids.memorial));
    const past = await oai('verb=ListIdentifiers&metadataPrefix=oai_dc&until=2000-01-01T00:00:00Z');
    expect(past.error).toBe('noRecordsMatch');
  });

  it('answers every bad request with the protocol’s error, valid XML and HTTP 200, never a 500', async () => {
    const cases: [string, string][] = [
      ['', 'badVerb'],
      ['verb=Harvest', 'badVerb'],
      ['verb=Identify&verb=Identify', 'badVerb'],
      ['verb=Identify&extra=1', 'badArgument'],
      ['verb=ListRecords', 'badArgument'],
      ['verb=ListRecords&metadataPrefix=oai_dc&from=2024-13-01', 'badArgument'],
      ['verb=ListRecords&metadataPrefix=oai_dc&from=2024-02-30', 'badArgument'],
      ['verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01&until=2024-02-01T00:00:00Z', 'badArgument'],
      ['verb=ListRecords&metadataPrefix=oai_dc&set=kazakhstan:paintings', 'badArgument'],
      ['verb=ListRecords&metadataPrefix=marc21', 'cannotDisseminateFormat'],
      ['verb=ListRecords&metadataPrefix=oai_dc&set=atlantis', 'noRecordsMatch'],
      ['verb=ListRecords&resumptionToken=not-a-token', 'badResumptionToken'],
      ['verb=ListRecords&resumptionToken=abc&metadataPrefix=oai_dc', 'badArgument'],
      ['verb=ListSets&resumptionToken=abc', 'badResumptionToken'],
      [`verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:elsewhere.org:items/${fixture.ids.item}`, 'idDoesNotExist'],
      ['verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:museum.test:items/00000000-0000-4000-8000-000000000000', 'idDoesNotExist'],
      ['verb=GetRecord&metadataPrefix=oai_dc&identifier=%3Cscript%3E', 'idDoesNotExist'],
      ['verb=GetRecord&metadataPrefix=oai_dc', 'badArgument'],
    ];
    for (const [query, code] of cases) expect((await oai(query)).error, query).toBe(code);
    // A token edited by hand is refused, not trusted.
    const first = await oai('verb=ListIdentifiers&metadataPrefix=oai_dc');
    const token = first.token!;
    const edited = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(token, 'base64url').toString()), cursor: -5 })).toString('base64url');
    expect((await oai(`verb=ListIdentifiers&resumptionToken=${edited}`)).error).toBe('badResumptionToken');
  });
});
