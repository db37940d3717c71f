import { BadRequestException, ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ContentStatus, type MediaTexts, type MergePeopleInput, type PersonDocument, type PersonMergeResult, personInputSchema } from '@vitrina/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { rowValues } from '../../infra/database/row-values';
import type { Actor } from '../access/actor';
import { AuditLog } from '../audit/audit-log.service';
import { insertRevision } from '../content/content-store';
import { PersonEntity } from '../content/kinds/person.entity';
import { personKind } from '../content/kinds/person.kind';
import { referencedMediaIds } from '../content/media-references';
import { publishRevision } from '../content/publish';
import { RECORD_KINDS } from '../content/record-kinds';
import { SearchIndex } from '../search/search-index.service';
import { type United, unitePeople } from './person-union';
import { PeopleRepository } from './people.repository';

const KIND = RECORD_KINDS.person;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The union must still be a valid person (lists have maxima): 422 naming what overflows, never a 500. */
function valid(united: United, copy: string): PersonDocument {
  const parsed = personInputSchema.safeParse(united.document);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || '(document)', message: issue.message }));
  throw new UnprocessableEntityException({
    message: `The two ${copy} copies together do not fit one person: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}; trim one of them first`,
    issues,
  });
}

/**
 * Merging a duplicate person into another (issue 14), a moderator's act: in
 * one transaction on both rows, locked in id order, the survivor's draft
 * becomes the union of both drafts and, when anything of the duplicate was
 * live, its live copy the union of the approved copies only (a new revision,
 * published through the one write path); the duplicate is retired, not
 * deleted (`merged_into`, archived, out of lists and search, its revisions
 * kept and listed in the survivor's history, its address redirecting); both
 * get an audit entry.
 */
@Injectable()
export class PersonMergeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly people: PeopleRepository,
    private readonly audit: AuditLog,
    private readonly search: SearchIndex,
  ) {}

  async merge(countryId: string, survivorId: string, actor: Actor, input: MergePeopleInput): Promise<PersonMergeResult> {
    if (input.duplicateId === survivorId) throw new BadRequestException('A person cannot be merged into themselves');
    return this.db.transaction(async (tx) => {
      await this.people.lockPair(tx, countryId, [survivorId, input.duplicateId]);
      const rows = tx.getRepository(PersonEntity);
      const survivor = await rows.findOneBy({ id: survivorId, countryId });
      if (!survivor) throw new NotFoundException('No such person');
      const duplicate = await rows.findOneBy({ id: input.duplicateId, countryId });
      if (!duplicate) throw new NotFoundException('No such person in this country to merge');
      if (survivor.mergedInto) throw new ConflictException('This person was merged into another; merge into that record instead');
      if (duplicate.mergedInto) throw new ConflictException('That person was already merged into another');
      if (survivor.version !== input.version || duplicate.version !== input.duplicateVersion) {
        throw new ConflictException(
          `One of the two was changed since you looked (now versions ${survivor.version} and ${duplicate.version}, you saw ${input.version} and ${input.duplicateVersion}); reload and check again`,
        );
      }
      const draft = unitePeople({ ...survivor.content, slug: survivor.slug }, { ...duplicate.content, slug: duplicate.slug }, 'draft');
      const draftDocument = valid(draft, 'draft');
      const live = this.liveUnion(survivor, duplicate);
      const liveDocument = live && valid(live.united, 'live');
      // Where the survivor answers once a live copy is published: its live address, else its own.
      const address = survivor.liveSlug ?? survivor.slug;

      await this.retire(tx, duplicate, survivor, liveDocument ? address : null);
      let number = survivor.version;
      let liveRevision = survivor.liveRevision;
      if (liveDocument && live) {
        number += 1;
        liveRevision = number;
        const document = { ...liveDocument, slug: address };
        const mediaIds = referencedMediaIds(document);
        await insertRevision(tx, 'person', { countryId, recordId: survivor.id, number, input: document, authorId: actor.userId, mediaTexts: live.mediaTexts });
        const published = await publishRevision(
          tx,
          KIND,
          { ...survivor, version: number, slug: address, mediaIds },
          { content: document, mediaTexts: live.mediaTexts },
          { reviewComment: survivor.reviewComment },
        );
        await this.search.index(tx, 'person', { ...survivor, ...published, mediaIds }, document);
      }
      // The united drafts, as the latest revision, unless they are the very copy just published.
      const draftIsLive = liveDocument !== null && same(draftDocument, { ...liveDocument, slug: address });
      const status: ContentStatus = draftIsLive ? 'published' : 'draft';
      if (!draftIsLive) {
        number += 1;
        await insertRevision(tx, 'person', { countryId, recordId: survivor.id, number, input: draftDocument, authorId: actor.userId });
      }
      await rows.update(
        { id: survivor.id },
        rowValues<PersonEntity>({ ...personKind.toColumns(draftDocument), mediaIds: referencedMediaIds(draftDocument), version: number, status, updatedBy: actor.userId, submittedAt: null, submittedBy: null }),
      );
      await this.search.remove(tx, duplicate.id);
      const outcome = live?.outcome ?? 'unchanged';
      const conflicts = [...draft.conflicts, ...(live?.united.conflicts ?? [])];
      await this.log(tx, actor, survivor, status, { duplicateId: duplicate.id, revision: number, live: outcome, conflicts: conflicts.length });
      await this.log(tx, actor, duplicate, 'archived', { mergedInto: survivor.id, revision: duplicate.version });
      return {
        survivor: { id: survivor.id, slug: survivor.slug, version: number, liveRevision, status },
        duplicate: { id: duplicate.id, mergedInto: survivor.id },
        live: outcome,
        conflicts,
      };
    });
  }

  /**
   * The survivor's new live copy, of approved content only: both live, the
   * union of the two approved copies; only the duplicate live, its approved
   * copy at the survivor's address; otherwise none (what is live stays).
   */
  private liveUnion(survivor: PersonEntity, duplicate: PersonEntity): { united: United; mediaTexts: Record<string, MediaTexts>; outcome: 'united' | 'from-duplicate' } | null {
    if (duplicate.liveRevision === null || !duplicate.liveContent) return null;
    const theirs = duplicate.liveContent as unknown as PersonDocument;
    if (survivor.liveRevision !== null && survivor.liveContent) {
      const united = unitePeople(survivor.liveContent as unknown as PersonDocument, theirs, 'live');
      // The survivor's approved texts of a file both show win, as its values do.
      return { united, mediaTexts: { ...duplicate.liveMediaTexts, ...survivor.liveMediaTexts }, outcome: 'united' };
    }
    return { united: { document: { ...theirs, slug: survivor.slug }, conflicts: [] }, mediaTexts: duplicate.liveMediaTexts, outcome: 'from-duplicate' };
  }

  /**
   * The duplicate leaves lists, search and the public site; its rows and
   * revisions stay. Its last live address stays on it (reserved, and
   * redirecting to the survivor) unless the survivor now answers there.
   */
  private async retire(tx: EntityManager, duplicate: PersonEntity, survivor: PersonEntity, survivorLiveSlug: string | null): Promise<void> {
    const keepsAddress = duplicate.liveSlug !== null && duplicate.liveSlug !== survivorLiveSlug;
    await tx.getRepository(PersonEntity).update(
      { id: duplicate.id },
      rowValues<PersonEntity>({
        mergedInto: survivor.id,
        status: 'archived',
        liveRevision: null,
        liveContent: null,
        liveSlug: keepsAddress ? duplicate.liveSlug : null,
        liveMediaIds: [],
        liveMediaTexts: {},
        submittedAt: null,
        submittedBy: null,
        updatedAt: () => 'updated_at',
      }),
    );
  }

  private log(tx: EntityManager, actor: Actor, record: PersonEntity, to: ContentStatus, details: Record<string, unknown>) {
    return this.audit.record(
      { action: 'merge', actor, countryId: record.countryId, entityType: 'person', entityId: record.id, fromState: record.status, toState: to, details },
      tx,
    );
  }
}
