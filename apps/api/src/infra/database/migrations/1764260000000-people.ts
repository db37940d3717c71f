import { randomUUID } from 'node:crypto';
import { slugify } from '@vitrina/contracts';
import type { MigrationInterface, QueryRunner } from 'typeorm';

type Document = Record<string, unknown>;

/** A name as memorials carried it before people were records. */
interface NamedRow {
  name: string;
  variants?: string[];
  birthYear?: number;
  deathYear?: number;
  rank?: Record<string, string>;
  unit?: string;
}

/** One person to make of a memorial's names: in its draft list, its live list, or both (the same row in each). */
interface Entry {
  row: NamedRow;
  inDraft: boolean;
  inLive: boolean;
}

const STATUSES = `'draft', 'in_review', 'changes_requested', 'rejected', 'published', 'unpublished', 'archived'`;
const BATCH = 200;
const FIRST_UUID = '00000000-0000-0000-0000-000000000000';
/** Above this many comparisons a memorial's differing middle is not matched up (each side's names become people of their own). */
const MATCH_LIMIT = 1_000_000;

/** JSON with keys sorted: two rows are the same name when these are equal (jsonb keeps no key order). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Document).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${canonical(child)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A memorial's draft and live lists as one sequence of people, each list's
 * own order kept within it, equal rows shared (a common prefix and suffix,
 * then the longest common subsequence of the middle). Ordering people by
 * this sequence gives back both lists exactly.
 */
export function mergeLists(draft: NamedRow[], live: NamedRow[]): Entry[] {
  const d = draft.map(canonical);
  const l = live.map(canonical);
  let start = 0;
  while (start < d.length && start < l.length && d[start] === l[start]) start++;
  let end = 0;
  while (end < d.length - start && end < l.length - start && d[d.length - 1 - end] === l[l.length - 1 - end]) end++;
  const both = (i: number): Entry => ({ row: draft[i], inDraft: true, inLive: true });
  const head = draft.slice(0, start).map((_, i) => both(i));
  const tail = draft.slice(d.length - end).map((_, i) => both(d.length - end + i));
  const dm = d.slice(start, d.length - end);
  const lm = l.slice(start, l.length - end);
  const middle: Entry[] = [];
  if (dm.length * lm.length > MATCH_LIMIT) {
    dm.forEach((_, i) => middle.push({ row: draft[start + i], inDraft: true, inLive: false }));
    lm.forEach((_, j) => middle.push({ row: live[start + j], inDraft: false, inLive: true }));
  } else {
    // lcs[i][j]: the longest common subsequence of dm[i..] and lm[j..].
    const lcs = Array.from({ length: dm.length + 1 }, () => new Uint32Array(lm.length + 1));
    for (let i = dm.length - 1; i >= 0; i--) {
      for (let j = lm.length - 1; j >= 0; j--) lcs[i][j] = dm[i] === lm[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
    let i = 0;
    let j = 0;
    while (i < dm.length || j < lm.length) {
      if (i < dm.length && j < lm.length && dm[i] === lm[j]) {
        middle.push({ row: draft[start + i], inDraft: true, inLive: true });
        i++;
        j++;
      } else if (j >= lm.length || (i < dm.length && lcs[i + 1][j] >= lcs[i][j + 1])) middle.push({ row: draft[start + i++], inDraft: true, inLive: false });
      else middle.push({ row: live[start + j++], inDraft: false, inLive: true });
    }
  }
  return [...head, ...middle, ...tail];
}

/** A name row as a person's document (less its slug): nothing of the row lost, years as partial dates. */
export function personDocument(row: NamedRow, language: string, memorialId: string | null): Document {
  return {
    name: row.name,
    title: { [language]: { text: row.name, status: 'original' } },
    variants: row.variants ?? [],
    ...(row.birthYear !== undefined ? { birth: { date: String(row.birthYear).padStart(4, '0') } } : {}),
    ...(row.deathYear !== undefined ? { death: { date: String(row.deathYear).padStart(4, '0') } } : {}),
    ...(row.rank !== undefined ? { rank: row.rank } : {}),
    ...(row.unit !== undefined ? { unit: row.unit } : {}),
    fate: 'unknown',
    memorials: memorialId ? [{ memorialId, role: 'commemorated' }] : [],
    awards: [],
    sources: [],
    media: [],
    livingConsent: false,
  };
}

/** A person's document back as a memorial's name row (only what rows could hold). */
export function namedRow(doc: Document): NamedRow {
  const year = (date: unknown) => (date && typeof date === 'object' ? Number(String((date as Document).date).slice(0, 4)) : undefined);
  const birthYear = year(doc.birth);
  const deathYear = year(doc.death);
  return {
    name: doc.name as string,
    variants: (doc.variants as string[] | undefined) ?? [],
    ...(birthYear !== undefined ? { birthYear } : {}),
    ...(deathYear !== undefined ? { deathYear } : {}),
    ...(doc.rank !== undefined ? { rank: doc.rank as Record<string, string> } : {}),
    ...(doc.unit !== undefined ? { unit: doc.unit as string } : {}),
  };
}

interface MemorialRow {
  id: string;
  country_id: string;
  default_language: string;
  version: number;
  live_revision: number | null;
  published_at: Date | null;
  content: Document;
  live_content: Document | null;
}

/**
 * People become records (the `people` table, a kind of its own): every name
 * a memorial carried, in its draft and in its live revision, becomes a
 * person of the memorial's country linked to it (`commemorated`), with its
 * name, variants, years (as partial dates), rank and unit, and its display
 * name in the country's default language. A name live on a live memorial is
 * a live person (published at the memorial's approval, revision 1); a name
 * only in the draft is a draft; a name only in the live list (the draft took
 * it out) is live with a draft revision 2 that drops the link. Memorials'
 * draft and live documents, and the two revisions they are (latest and
 * live), lose `people`; older revisions keep theirs as history (restoring
 * one is refused, 422, as for any revision the rules no longer fit). People
 * are created in list order (created_at a microsecond apart), so `down`
 * folds them back into each list exactly. Search rows are dropped and
 * rebuilt at start.
 */
export class People1764260000000 implements MigrationInterface {
  name = 'People1764260000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "people" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "country_id" uuid NOT NULL, "slug" text NOT NULL, "kind" text NOT NULL, "status" text NOT NULL DEFAULT 'draft', "version" integer NOT NULL DEFAULT '1', "content" jsonb NOT NULL, "media_ids" uuid array NOT NULL DEFAULT '{}', "created_by" uuid, "updated_by" uuid, "published_at" TIMESTAMP WITH TIME ZONE, "live_revision" integer, "live_content" jsonb, "live_slug" text, "live_media_ids" uuid array NOT NULL DEFAULT '{}', "live_media_texts" jsonb NOT NULL DEFAULT '{}', "submitted_at" TIMESTAMP WITH TIME ZONE, "submitted_by" uuid, "review_comment" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_people_country_slug" UNIQUE ("country_id", "slug"), CONSTRAINT "ck_people_status" CHECK ("status" IN (${STATUSES})), CONSTRAINT "PK_people_id" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "people" ADD CONSTRAINT "FK_7ef36120ca2e0cf1d52780bb463" FOREIGN KEY ("country_id") REFERENCES "countries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE INDEX "ix_people_country_status_updated" ON "people" ("country_id", "status", "updated_at")`);
    await queryRunner.query(`CREATE INDEX "ix_people_country_updated" ON "people" ("country_id", "updated_at" DESC, "id")`);
    await queryRunner.query(`CREATE INDEX "ix_people_country_live_published" ON "people" ("country_id", "published_at" DESC, "id") WHERE "live_revision" IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_people_country_live_slug" ON "people" ("country_id", "live_slug") WHERE "live_slug" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_people_media_ids" ON "people" USING gin ("media_ids")`);
    await queryRunner.query(`CREATE INDEX "ix_people_live_media_ids" ON "people" USING gin ("live_media_ids")`);
    // A memorial's page lists the live people linked to it: `live_content->'memorials' @> '[{"memorialId": …}]'`.
    await queryRunner.query(`CREATE INDEX "ix_people_live_memorials" ON "people" USING gin (("live_content"->'memorials') jsonb_path_ops) WHERE "live_revision" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "content_revisions" DROP CONSTRAINT "ck_content_revisions_type"`);
    await queryRunner.query(`ALTER TABLE "content_revisions" ADD CONSTRAINT "ck_content_revisions_type" CHECK ("record_type" IN ('item', 'memorial', 'exhibition', 'person'))`);

    await movePeopleOut(queryRunner);

    // After the move: its rows need no notification (nothing was cached of a table that did not exist).
    await queryRunner.query(`CREATE TRIGGER "trg_people_public_inserts" AFTER INSERT ON "people" FOR EACH ROW WHEN (NEW."live_revision" IS NOT NULL) EXECUTE FUNCTION "notify_public_row_change"()`);
    await queryRunner.query(
      `CREATE TRIGGER "trg_people_public_updates" AFTER UPDATE ON "people" FOR EACH ROW WHEN (OLD."live_revision" IS DISTINCT FROM NEW."live_revision" OR OLD."live_slug" IS DISTINCT FROM NEW."live_slug" OR OLD."live_content" IS DISTINCT FROM NEW."live_content" OR OLD."live_media_ids" IS DISTINCT FROM NEW."live_media_ids" OR OLD."live_media_texts" IS DISTINCT FROM NEW."live_media_texts" OR OLD."published_at" IS DISTINCT FROM NEW."published_at" OR OLD."country_id" IS DISTINCT FROM NEW."country_id") EXECUTE FUNCTION "notify_public_row_change"()`,
    );
    await queryRunner.query(`CREATE TRIGGER "trg_people_public_deletes" AFTER DELETE ON "people" FOR EACH ROW WHEN (OLD."live_revision" IS NOT NULL) EXECUTE FUNCTION "notify_public_row_change"()`);
    await queryRunner.query(`CREATE TRIGGER "trg_people_public_truncates" AFTER TRUNCATE ON "people" FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changes"()`);
    await queryRunner.query(`DELETE FROM "search_documents"`);
  }

  /**
   * Each person goes back into the lists of the memorials they link to (in
   * their draft, the memorial's draft; live, the memorial's live list), in
   * the order people were created; a person linked to no memorial has no
   * list to go back to and is dropped with the table.
   */
  async down(queryRunner: QueryRunner): Promise<void> {
    await foldPeopleIn(queryRunner);
    await queryRunner.query(`DELETE FROM "notifications" WHERE "record_type" = 'person'`);
    await queryRunner.query(`DELETE FROM "content_revisions" WHERE "record_type" = 'person'`);
    await queryRunner.query(`ALTER TABLE "content_revisions" DROP CONSTRAINT "ck_content_revisions_type"`);
    await queryRunner.query(`ALTER TABLE "content_revisions" ADD CONSTRAINT "ck_content_revisions_type" CHECK ("record_type" IN ('item', 'memorial', 'exhibition'))`);
    await queryRunner.query(`DROP TABLE "people"`);
    await queryRunner.query(`DELETE FROM "search_documents"`);
  }
}

/** A unique address per country: the name's slug, `-2`, `-3`… on collision. */
function slugFor(used: Map<string, Set<string>>, countryId: string, name: string): string {
  let taken = used.get(countryId);
  if (!taken) used.set(countryId, (taken = new Set()));
  const base = slugify(name) || 'person';
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

async function movePeopleOut(queryRunner: QueryRunner): Promise<void> {
  const used = new Map<string, Set<string>>();
  let order = 0;
  for (let after = FIRST_UUID; ; ) {
    const memorials: MemorialRow[] = await queryRunner.query(
      `SELECT m.id, m.country_id, c.default_language, m.version, m.live_revision, m.published_at, m.content, m.live_content
         FROM "memorials" m JOIN "countries" c ON c.id = m.country_id
        WHERE m.id > $1 ORDER BY m.id LIMIT ${BATCH}`,
      [after],
    );
    if (memorials.length === 0) break;
    const people: Document[] = [];
    const revisions: Document[] = [];
    for (const memorial of memorials) {
      const draft = (memorial.content.people ?? []) as NamedRow[];
      const live = memorial.live_revision !== null ? ((memorial.live_content?.people ?? []) as NamedRow[]) : [];
      for (const entry of mergeLists(draft, live)) {
        const id = randomUUID();
        const slug = slugFor(used, memorial.country_id, entry.row.name);
        const linked = personDocument(entry.row, memorial.default_language, memorial.id);
        const content = entry.inDraft ? linked : { ...linked, memorials: [] };
        const version = entry.inLive && !entry.inDraft ? 2 : 1;
        const status = !entry.inLive ? 'draft' : version === 1 ? 'published' : 'draft';
        people.push({
          id,
          country_id: memorial.country_id,
          slug,
          status,
          version,
          content,
          live_revision: entry.inLive ? 1 : null,
          live_content: entry.inLive ? { slug, ...linked } : null,
          live_slug: entry.inLive ? slug : null,
          published_at: entry.inLive ? memorial.published_at : null,
          ord: order++,
        });
        revisions.push({ record_id: id, country_id: memorial.country_id, number: 1, content: { slug, ...(entry.inLive ? linked : content) } });
        if (version === 2) revisions.push({ record_id: id, country_id: memorial.country_id, number: 2, content: { slug, ...content } });
      }
    }
    await queryRunner.query(
      `INSERT INTO "people" ("id", "country_id", "slug", "kind", "status", "version", "content", "live_revision", "live_content", "live_slug", "published_at", "created_at", "updated_at")
       SELECT p.id, p.country_id, p.slug, 'unknown', p.status, p.version, p.content, p.live_revision, p.live_content, p.live_slug, p.published_at,
              now() + p.ord * interval '1 microsecond', now()
         FROM jsonb_to_recordset($1::jsonb) AS p("id" uuid, "country_id" uuid, "slug" text, "status" text, "version" integer, "content" jsonb,
              "live_revision" integer, "live_content" jsonb, "live_slug" text, "published_at" timestamptz, "ord" bigint)`,
      [JSON.stringify(people)],
    );
    await queryRunner.query(
      `INSERT INTO "content_revisions" ("record_type", "record_id", "country_id", "number", "content")
       SELECT 'person', r.record_id, r.country_id, r.number, r.content
         FROM jsonb_to_recordset($1::jsonb) AS r("record_id" uuid, "country_id" uuid, "number" integer, "content" jsonb)`,
      [JSON.stringify(revisions)],
    );
    const ids = memorials.map((memorial) => memorial.id);
    await queryRunner.query(
      `UPDATE "content_revisions" r SET "content" = r."content" - 'people' FROM "memorials" m
        WHERE r."record_type" = 'memorial' AND r."record_id" = m.id AND m.id = ANY($1::uuid[]) AND r."number" IN (m.version, m.live_revision)`,
      [ids],
    );
    await queryRunner.query(
      `UPDATE "memorials" SET "content" = "content" - 'people', "live_content" = "live_content" - 'people', "updated_at" = "updated_at" WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    after = memorials[memorials.length - 1].id;
  }
}

interface PersonRow {
  created_at: string;
  id: string;
  content: Document;
  live_content: Document | null;
}

async function foldPeopleIn(queryRunner: QueryRunner): Promise<void> {
  const lists = new Map<string, { draft: NamedRow[]; live: NamedRow[] }>();
  const listOf = (memorialId: string) => {
    let list = lists.get(memorialId);
    if (!list) lists.set(memorialId, (list = { draft: [], live: [] }));
    return list;
  };
  const linksOf = (doc: Document | null) => ((doc?.memorials ?? []) as { memorialId: string }[]).map((link) => link.memorialId);
  for (let after = { at: '-infinity', id: FIRST_UUID }; ; ) {
    const people: PersonRow[] = await queryRunner.query(
      `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS created_at, id, content,
              CASE WHEN live_revision IS NOT NULL THEN live_content END AS live_content
         FROM "people" WHERE (created_at, id) > ($1::timestamp AT TIME ZONE 'UTC', $2::uuid) ORDER BY created_at, id LIMIT ${BATCH * 5}`,
      [after.at, after.id],
    );
    if (people.length === 0) break;
    for (const person of people) {
      for (const memorialId of linksOf(person.content)) listOf(memorialId).draft.push(namedRow(person.content));
      if (person.live_content) for (const memorialId of linksOf(person.live_content)) listOf(memorialId).live.push(namedRow(person.live_content));
    }
    const last = people[people.length - 1];
    after = { at: last.created_at, id: last.id };
  }
  await queryRunner.query(
    `UPDATE "memorials" SET "content" = "content" || '{"people": []}', "live_content" = CASE WHEN "live_content" IS NULL THEN NULL ELSE "live_content" || '{"people": []}' END, "updated_at" = "updated_at"`,
  );
  const entries = [...lists].map(([id, list]) => ({ id, draft: list.draft, live: list.live }));
  for (let start = 0; start < entries.length; start += BATCH) {
    await queryRunner.query(
      `UPDATE "memorials" m SET "content" = m."content" || jsonb_build_object('people', v.draft),
              "live_content" = CASE WHEN m."live_content" IS NULL THEN NULL ELSE m."live_content" || jsonb_build_object('people', v.live) END,
              "updated_at" = m."updated_at"
         FROM jsonb_to_recordset($1::jsonb) AS v("id" uuid, "draft" jsonb, "live" jsonb) WHERE m.id = v.id`,
      [JSON.stringify(entries.slice(start, start + BATCH))],
    );
  }
  // The latest and live revisions get back the lists their documents hold (older revisions never lost theirs).
  await queryRunner.query(
    `UPDATE "content_revisions" r SET "content" = r."content" || jsonb_build_object('people', m."content"->'people') FROM "memorials" m
      WHERE r."record_type" = 'memorial' AND r."record_id" = m.id AND r."number" = m.version AND NOT r."content" ? 'people'`,
  );
  await queryRunner.query(
    `UPDATE "content_revisions" r SET "content" = r."content" || jsonb_build_object('people', m."live_content"->'people') FROM "memorials" m
      WHERE r."record_type" = 'memorial' AND r."record_id" = m.id AND r."number" = m.live_revision AND NOT r."content" ? 'people'`,
  );
}
