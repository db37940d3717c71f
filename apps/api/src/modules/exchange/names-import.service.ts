import { randomUUID } from 'node:crypto';
import { BadRequestException, ConflictException, Injectable, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IMPORT_NAMES_MAX_ISSUES, type ImportIssue, type ImportNamesParams, type ImportNamesReport, type MediaTexts, personInputSchema } from '@vitrina/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../access/actor';
import { AuditLog } from '../audit/audit-log.service';
import { CountriesService } from '../countries/countries.service';
import { personKind } from '../content/kinds/person.kind';
import type { PersonContent } from '../content/kinds/person.entity';
import { referencedMediaIds } from '../content/media-references';
import { snapshotMediaTexts } from '../content/media-texts';
import { type FileEncoding, type NamesContext, NamesFileError, NamesReader, type NamesRow, decodeNamesFile, namesRecords, slugFor } from './names-file';

/** Rows written per statement: one JSON parameter each, well under PostgreSQL's limits, few round trips. */
const CHUNK = 1_000;
const UNIQUE_VIOLATION = '23505';

/** A person the file's `external_id` names, as stored. */
interface Existing {
  id: string;
  externalId: string;
  slug: string;
  version: number;
  mergedInto: string | null;
  content: PersonContent;
}

/** A row ready to write: a new person, or the next revision of one found by external id. */
interface Planned {
  row: NamesRow;
  slug: string;
  document: PersonContent;
  existing: Existing | null;
}

/** The answer: the report, and 422 when a real run found invalid rows and wrote nothing. */
export interface ImportOutcome {
  status: 200 | 422;
  report: ImportNamesReport;
}

/**
 * The names on one memorial from a CSV file, as draft people linked to it
 * (issue 15, first slice). Every row is checked with the person schema first;
 * a real run writes all rows or none, in one transaction: each person a draft
 * with its revision (as a studio save makes them), one audit entry for the file.
 */
@Injectable()
export class NamesImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly countries: CountriesService,
    private readonly audit: AuditLog,
  ) {}

  async importNames(actor: Actor, params: ImportNamesParams, dryRun: boolean, body: unknown): Promise<ImportOutcome> {
    const country = await this.countries.findEntity(params.countryId);
    const [memorial] = (await this.db.query(`SELECT id FROM memorials WHERE id = $1 AND country_id = $2`, [params.memorialId, params.countryId])) as { id: string }[];
    if (!memorial) throw new NotFoundException('No such memorial');
    if (!Buffer.isBuffer(body) || body.length === 0) throw new BadRequestException({ message: 'import.empty_file: send the CSV file as a text/csv body', issues: [{ path: '(body)', message: 'import.empty_file' }] });
    const { utf8, encoding } = decodeNamesFile(body);
    const context = { memorialId: params.memorialId, languages: country.languages, defaultLanguage: country.defaultLanguage };
    try {
      if (dryRun) return await this.run(this.db.manager, actor, params, context, utf8, encoding, false);
      return await this.db.transaction((tx) => this.run(tx, actor, params, context, utf8, encoding, true));
    } catch (error) {
      // A real run that found invalid rows rolled back whatever it had written: the report, 422.
      if (error instanceof InvalidFile) return error.outcome;
      if (error instanceof NamesFileError) throw httpRefusal(error);
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new ConflictException('import.slug_taken: a slug of the file was taken meanwhile; try again');
      throw error;
    }
  }

  /**
   * One pass over the file as the parser streams it: each row checked, the
   * valid ones gathered a chunk at a time, matched by external id and (on a
   * real run, while no row has failed) written. Memory holds one chunk, the
   * file's bytes, its keys (external ids, slugs) and the first issues, never all rows.
   */
  private async run(
    tx: EntityManager,
    actor: Actor,
    params: ImportNamesParams,
    context: NamesContext,
    utf8: Buffer,
    encoding: FileEncoding,
    write: boolean,
  ): Promise<ImportOutcome> {
    const tally = { total: 0, invalid: 0, issueCount: 0, created: 0, updated: 0 };
    const issues: ImportIssue[] = [];
    const fail = (list: ImportIssue[]) => {
      if (list.length === 0) return;
      tally.invalid++;
      tally.issueCount += list.length;
      issues.push(...list.slice(0, Math.max(0, IMPORT_NAMES_MAX_ISSUES - issues.length)));
    };
    const seenExternal = new Set<string>();
    const seenSlugs = new Set<string>();
    let reader: NamesReader | null = null;
    let chunk: NamesRow[] = [];

    const flush = async () => {
      if (chunk.length === 0) return;
      const rows = chunk;
      chunk = [];
      const existing = await this.existing(tx, params.countryId, rows, write);
      const planned: Planned[] = [];
      for (const row of rows) {
        const entry = this.planRow(row, existing, reader!.fields, params.memorialId, context.defaultLanguage, seenSlugs);
        if ('issues' in entry) fail(entry.issues);
        else planned.push(entry);
      }
      const asked = planned.filter((entry) => !entry.existing && entry.row.slug);
      if (asked.length > 0) {
        const taken = new Set(
          ((await tx.query(`SELECT slug FROM people WHERE country_id = $1 AND slug = ANY($2::text[])`, [params.countryId, asked.map((entry) => entry.slug)])) as { slug: string }[]).map((row) => row.slug),
        );
        for (const entry of asked) {
          if (!taken.has(entry.slug)) continue;
          fail([{ row: entry.row.line, column: 'slug', message: 'import.slug_taken' }]);
          planned.splice(planned.indexOf(entry), 1);
        }
      }
      const fresh = planned.filter((entry) => !entry.existing);
      tally.created += fresh.length;
      tally.updated += planned.length - fresh.length;
      if (!write || tally.issueCount > 0) return;
      await this.insertNew(tx, params.countryId, actor.userId, fresh);
      await this.updateExisting(tx, params.countryId, actor.userId, planned.filter((entry) => entry.existing));
    };

    for await (const cells of namesRecords(utf8)) {
      if (!reader) {
        reader = new NamesReader(cells, context);
        continue;
      }
      const { row, issues: found } = reader.read(cells, tally.total++);
      fail(found);
      if (!row) continue;
      if (row.externalId !== null) {
        if (seenExternal.has(row.externalId)) {
          fail([{ row: row.line, column: 'external_id', message: 'import.duplicate_in_file' }]);
          continue;
        }
        seenExternal.add(row.externalId);
      }
      chunk.push(row);
      if (chunk.length >= CHUNK) await flush();
    }
    if (!reader) throw new NamesFileError('import.empty_file', {});
    await flush();

    const report: ImportNamesReport = {
      dryRun: !write,
      encoding,
      rows: tally.total,
      validRows: tally.total - tally.invalid,
      invalidRows: tally.invalid,
      created: write && tally.issueCount > 0 ? 0 : tally.created,
      updated: write && tally.issueCount > 0 ? 0 : tally.updated,
      issueCount: tally.issueCount,
      issues: issues.sort((a, b) => a.row - b.row),
    };
    if (write && tally.issueCount > 0) throw new InvalidFile({ status: 422, report });
    if (write) {
      await this.audit.record(
        {
          action: 'import',
          actor,
          countryId: params.countryId,
          entityType: 'memorial',
          entityId: params.memorialId,
          toState: 'draft',
          details: { collection: 'people', rows: tally.total, created: tally.created, updated: tally.updated, encoding },
        },
        tx,
      );
    }
    return { status: 200, report };
  }

  /** What a valid row becomes: a new person, or the next revision of the one its external id names; or why neither. */
  private planRow(
    row: NamesRow,
    existing: Map<string, Existing>,
    fields: Set<string>,
    memorialId: string,
    defaultLanguage: string,
    seenSlugs: Set<string>,
  ): Planned | { issues: ImportIssue[] } {
    const found = row.externalId !== null ? (existing.get(row.externalId) ?? null) : null;
    if (found?.mergedInto) return { issues: [{ row: row.line, column: 'external_id', message: 'import.merged_person' }] };
    const slug = found?.slug ?? row.slug ?? slugFor(row.document.name, `${memorialId}\n${row.externalId ?? `${row.line}\n${randomUUID()}`}`);
    if (seenSlugs.has(slug)) return { issues: [{ row: row.line, column: row.slug ? 'slug' : 'external_id', message: 'import.duplicate_in_file' }] };
    seenSlugs.add(slug);
    if (!found) return { row, slug, document: row.document as PersonContent, existing: null };
    const merged = mergeInto(found.content, row, fields, memorialId, defaultLanguage);
    const valid = personInputSchema.safeParse({ ...merged, slug });
    if (!valid.success) return { issues: valid.error.issues.map((issue) => ({ row: row.line, column: null, message: `import.invalid_merged:${issue.path.join('.')}` })) };
    const { slug: _kept, ...document } = valid.data;
    return { row, slug, document: document as PersonContent, existing: found };
  }

  /** The country's people the file's external ids name (locked until the end of a real run). */
  private async existing(tx: EntityManager, countryId: string, rows: NamesRow[], lock: boolean): Promise<Map<string, Existing>> {
    const ids = [...new Set(rows.flatMap((row) => (row.externalId ? [row.externalId] : [])))];
    const found = new Map<string, Existing>();
    if (ids.length === 0) return found;
    for (let start = 0; start < ids.length; start += CHUNK * 10) {
      const found_: { id: string; external_id: string; slug: string; version: number; merged_into: string | null; content: PersonContent }[] = await tx.query(
        `SELECT id, external_id, slug, version, merged_into, content FROM people
          WHERE country_id = $1 AND external_id = ANY($2::text[]) ORDER BY id ${lock ? 'FOR UPDATE' : ''}`,
        [countryId, ids.slice(start, start + CHUNK * 10)],
      );
      for (const row of found_) found.set(row.external_id, { id: row.id, externalId: row.external_id, slug: row.slug, version: row.version, mergedInto: row.merged_into, content: row.content });
    }
    return found;
  }

  /** New people as drafts at revision 1, a statement per chunk for the rows and one for their revisions. */
  private async insertNew(tx: EntityManager, countryId: string, authorId: string, entries: Planned[]): Promise<void> {
    for (let start = 0; start < entries.length; start += CHUNK) {
      const chunk = entries.slice(start, start + CHUNK).map((entry) => {
        const columns = personKind.toColumns({ ...entry.document, slug: entry.slug });
        return { slug: entry.slug, kind: columns.kind, content: columns.content, keys: columns.nameKeys, external_id: entry.row.externalId };
      });
      const inserted: { id: string; slug: string }[] = await tx.query(
        `INSERT INTO people (country_id, slug, kind, content, name_keys, media_ids, external_id, created_by, updated_by)
         SELECT $1, r.slug, r.kind, r.content, ARRAY(SELECT jsonb_array_elements_text(r.keys)), '{}', r.external_id, $2, $2
           FROM jsonb_to_recordset($3::jsonb) AS r(slug text, kind text, content jsonb, keys jsonb, external_id text)
         RETURNING id, slug`,
        [countryId, authorId, JSON.stringify(chunk)],
      );
      const ids = new Map(inserted.map((row) => [row.slug, row.id]));
      const revisions = chunk.map((row) => ({ id: ids.get(row.slug), number: 1, content: { ...row.content, slug: row.slug }, media_texts: {} }));
      await insertRevisions(tx, countryId, authorId, revisions);
    }
  }

  /** People found by external id: the next revision, a draft again (what is live stays live until a moderator approves). */
  private async updateExisting(tx: EntityManager, countryId: string, authorId: string, entries: Planned[]): Promise<void> {
    for (let start = 0; start < entries.length; start += CHUNK) {
      const chunk = await Promise.all(
        entries.slice(start, start + CHUNK).map(async (entry) => {
          const columns = personKind.toColumns({ ...entry.document, slug: entry.slug });
          const media = referencedMediaIds(entry.document);
          const mediaTexts: Record<string, MediaTexts> = media.length > 0 ? await snapshotMediaTexts(tx, countryId, media) : {};
          return { id: entry.existing!.id, number: entry.existing!.version + 1, kind: columns.kind, content: columns.content, keys: columns.nameKeys, media, slug: entry.slug, media_texts: mediaTexts };
        }),
      );
      await tx.query(
        `UPDATE people p
            SET kind = r.kind, content = r.content, name_keys = ARRAY(SELECT jsonb_array_elements_text(r.keys)),
                media_ids = ARRAY(SELECT jsonb_array_elements_text(r.media))::uuid[], status = 'draft', version = r.number,
                updated_by = $2, updated_at = now()
           FROM jsonb_to_recordset($3::jsonb) AS r(id uuid, number int, kind text, content jsonb, keys jsonb, media jsonb)
          WHERE p.id = r.id AND p.country_id = $1`,
        [countryId, authorId, JSON.stringify(chunk)],
      );
      await insertRevisions(
        tx,
        countryId,
        authorId,
        chunk.map((row) => ({ id: row.id, number: row.number, content: { ...row.content, slug: row.slug }, media_texts: row.media_texts })),
      );
    }
  }
}

async function insertRevisions(tx: EntityManager, countryId: string, authorId: string, revisions: { id?: string; number: number; content: object; media_texts: object }[]): Promise<void> {
  await tx.query(
    `INSERT INTO content_revisions (record_type, record_id, country_id, number, content, media_texts, author_id)
     SELECT 'person', r.id, $1, r.number, r.content, r.media_texts, $2
       FROM jsonb_to_recordset($3::jsonb) AS r(id uuid, number int, content jsonb, media_texts jsonb)`,
    [countryId, authorId, JSON.stringify(revisions)],
  );
}

/** The whole file's refusal as an HTTP answer (400, or 413 for too many rows). */
function httpRefusal(error: NamesFileError): BadRequestException | PayloadTooLargeException {
  const named = Array.isArray(error.detail.columns) ? (error.detail.columns as string[]) : [];
  const body = {
    message: `${error.key}${named.length > 0 ? `: ${named.join(', ')}` : ''}${typeof error.detail.reason === 'string' ? `: ${error.detail.reason}` : ''}`,
    issues: named.length > 0 ? named.map((column) => ({ path: column, message: error.key })) : [{ path: '(body)', message: error.key }],
  };
  return error.status === 413 ? new PayloadTooLargeException(body) : new BadRequestException(body);
}

/** Thrown out of a real run's transaction to roll it back, carrying the report. */
class InvalidFile extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super('import.invalid_rows');
  }
}

/**
 * A re-imported row over the stored person: the fields the file's columns
 * fill are replaced, the rest kept; the link to this memorial replaced (or
 * added), other links kept. A title made from the old name follows the new one.
 */
function mergeInto(stored: PersonContent, row: NamesRow, fields: Set<string>, memorialId: string, defaultLanguage: string): PersonContent {
  const merged: Record<string, unknown> = { ...stored };
  const incoming = row.document as unknown as Record<string, unknown>;
  for (const field of fields) {
    if (incoming[field] === undefined) delete merged[field];
    else merged[field] = incoming[field];
  }
  const link = row.document.memorials.find((entry) => entry.memorialId === memorialId)!;
  merged.memorials = [...(stored.memorials ?? []).filter((entry) => entry.memorialId !== memorialId), link];
  const oldTitle = stored.title?.[defaultLanguage as keyof typeof stored.title];
  if (!fields.has('title') && fields.has('name') && oldTitle?.text === stored.name) {
    merged.title = { ...stored.title, [defaultLanguage]: { text: row.document.name, status: 'original' } };
  }
  return merged as unknown as PersonContent;
}
