import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type ApproveInput,
  type Collection,
  type ContentStatus,
  type LocalizedText,
  type ModerationInput,
  type PublishBlocker,
  type ReviewAction,
  SUBMITTABLE_STATUSES,
  type SendBackInput,
} from '@vitrina/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../access/actor';
import { AuditLog } from '../audit/audit-log.service';
import type { ContentRecordEntity } from '../content/content-record.entity';
import { type NotificationMessage, NotificationsService } from '../notifications/notifications.service';
import { SearchIndex } from '../search/search-index.service';
import { NeedsAnotherModerator, needsAnotherModerator } from './four-eyes';
import { publishBlockers } from './publish-gates';
import { ReviewRepository } from './review.repository';
import { clearLiveSide, moveRecord, publishRevision } from '../content/publish';
import { type RecordKind, kindOf } from '../content/record-kinds';


export class PublishBlocked extends UnprocessableEntityException {
  constructor(readonly blockers: PublishBlocker[]) {
    super({ message: `This revision cannot be published yet: ${blockers.map((b) => b.message).join('; ')}`, blockers });
  }
}

type Record = ContentRecordEntity<object>;
interface Step {
  kind: RecordKind;
  record: Record;
  tx: EntityManager;
}

function titleOf(record: Record): string {
  const title = (record.content as { title?: LocalizedText }).title ?? {};
  return Object.values(title).find((entry) => entry?.text)?.text ?? record.slug;
}

/**
 * Moves records through review: submit, withdraw, approve, request changes,
 * reject, unpublish, archive. Each transition runs in one transaction on the
 * record's locked row and checks the state it starts from, so of two
 * moderators acting at once one wins and the other gets 409; decisions name
 * the revision they were made on, so an edit saved meanwhile is never
 * published unreviewed.
 */
@Injectable()
export class WorkflowService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: ReviewRepository,
    private readonly audit: AuditLog,
    private readonly notifications: NotificationsService,
    private readonly search: SearchIndex,
  ) {}

  async submit(countryId: string, collection: Collection, id: string, actor: Actor, version: number): Promise<void> {
    await this.step(countryId, collection, id, async ({ kind, record, tx }) => {
      if (record.version !== version) throw new ConflictException(`Revision ${record.version} was saved after the one you submit (${version}); review it first`);
      if (record.status === 'in_review') throw new ConflictException('This is already awaiting review');
      if (!SUBMITTABLE_STATUSES.includes(record.status)) throw new ConflictException('Nothing to submit: the latest revision is already live');
      await moveRecord(tx, kind, record.id, 'in_review', { submittedAt: new Date(), submittedBy: actor.userId });
      await this.log(tx, kind, record, actor, 'submit', 'in_review');
      await this.tell(tx, await this.notifications.moderatorsOf(tx, countryId), kind, record, actor, 'submitted');
    });
  }

  async withdraw(countryId: string, collection: Collection, id: string, actor: Actor): Promise<void> {
    await this.step(countryId, collection, id, async ({ kind, record, tx }) => {
      if (record.status !== 'in_review') throw new ConflictException(`Only a submission awaiting review can be withdrawn; this is ${record.status}`);
      await moveRecord(tx, kind, record.id, 'draft', { submittedAt: null, submittedBy: null });
      await this.log(tx, kind, record, actor, 'withdraw', 'draft');
    });
  }

  async approve(countryId: string, collection: Collection, id: string, actor: Actor, input: ApproveInput): Promise<void> {
    await this.step(countryId, collection, id, async ({ kind, record, tx }) => {
      // Approving what is already live is harmless: a double click, or two moderators agreeing.
      if (record.liveRevision === input.revision && record.version === input.revision && record.status === 'published') return;
      this.assertDecidable(record, input.revision);
      const revision = await this.repository.revisionIn(tx, kind, record.id, record.version);
      const country = await this.repository.country(tx, countryId);
      if (needsAnotherModerator(country.fourEyes, actor, record, revision)) throw new NeedsAnotherModerator();
      const assets = await this.repository.assetsIn(tx, countryId, record.mediaIds);
      const blockers = publishBlockers({ type: kind.contract.type, document: revision.content, mediaIds: record.mediaIds, mediaTexts: revision.mediaTexts, assets });
      if (blockers.length > 0) throw new PublishBlocked(blockers);
      const live = await publishRevision(tx, kind, record, revision, { reviewComment: input.comment ?? null });
      await this.search.index(tx, kind.contract.type, { ...record, ...live }, revision.content);
      await this.log(tx, kind, record, actor, 'approve', 'published', input.comment);
      await this.tell(tx, this.curatorsOf(record), kind, record, actor, 'approved', input.comment);
    });
  }

  async requestChanges(countryId: string, collection: Collection, id: string, actor: Actor, input: SendBackInput): Promise<void> {
    await this.sendBack(countryId, collection, id, actor, input, 'changes_requested');
  }

  async reject(countryId: string, collection: Collection, id: string, actor: Actor, input: SendBackInput): Promise<void> {
    await this.sendBack(countryId, collection, id, actor, input, 'rejected');
  }

  async unpublish(countryId: string, collection: Collection, id: string, actor: Actor, input: ModerationInput): Promise<void> {
    await this.takeDown(countryId, collection, id, actor, input, 'unpublish');
  }

  async archive(countryId: string, collection: Collection, id: string, actor: Actor, input: ModerationInput): Promise<void> {
    await this.takeDown(countryId, collection, id, actor, input, 'archive');
  }

  private async sendBack(countryId: string, collection: Collection, id: string, actor: Actor, input: SendBackInput, to: 'changes_requested' | 'rejected') {
    await this.step(countryId, collection, id, async ({ kind, record, tx }) => {
      this.assertDecidable(record, input.revision);
      await moveRecord(tx, kind, record.id, to, { reviewComment: input.comment });
      const action = to === 'rejected' ? 'reject' : 'request-changes';
      await this.log(tx, kind, record, actor, action, to, input.comment);
      await this.tell(tx, this.curatorsOf(record), kind, record, actor, to === 'rejected' ? 'rejected' : 'changes-requested', input.comment);
    });
  }

  private async takeDown(countryId: string, collection: Collection, id: string, actor: Actor, input: ModerationInput, action: 'unpublish' | 'archive') {
    await this.step(countryId, collection, id, async ({ kind, record, tx }) => {
      if (action === 'unpublish' && record.liveRevision === null) throw new ConflictException('Nothing of this is published');
      if (action === 'archive' && record.status === 'archived') throw new ConflictException('This is already archived');
      // Unpublishing keeps a pending edit pending; archiving puts the whole record away.
      const to: ContentStatus = action === 'archive' ? 'archived' : record.status === 'published' ? 'unpublished' : record.status;
      await clearLiveSide(tx, kind, record, to, input.comment ?? null);
      await this.search.remove(tx, record.id);
      await this.log(tx, kind, record, actor, action, to, input.comment);
      if (action === 'unpublish') await this.tell(tx, this.curatorsOf(record), kind, record, actor, 'unpublished', input.comment);
    });
  }

  private assertDecidable(record: Record, revision: number): void {
    if (record.status !== 'in_review') throw new ConflictException(`This is not awaiting review (it is ${record.status}); someone may have decided already`);
    if (record.version !== revision) {
      throw new ConflictException(`Revision ${record.version} was saved after the one you reviewed (${revision}); review the new one`);
    }
  }

  private async step(countryId: string, collection: Collection, id: string, run: (step: Step) => Promise<void>): Promise<void> {
    const kind = kindOf(collection);
    await this.db.transaction(async (tx) => {
      const record = await this.repository.lockedRecord(tx, kind, countryId, id);
      if (!record) throw notFound(kind);
      // A person merged into another moves no more: their survivor does.
      const retired = (kind.retired as ((row: Record) => string | null) | undefined)?.(record);
      if (retired) throw new ConflictException(retired);
      await run({ kind, record, tx });
    });
  }

  private log(tx: EntityManager, kind: RecordKind, record: Record, actor: Actor, action: ReviewAction, to: ContentStatus, comment?: string) {
    return this.audit.record(
      {
        action,
        actor,
        countryId: record.countryId,
        entityType: kind.contract.type,
        entityId: record.id,
        fromState: record.status,
        toState: to,
        details: { revision: record.version, ...(comment ? { comment } : {}) },
      },
      tx,
    );
  }

  private curatorsOf(record: Record): string[] {
    return [record.submittedBy, record.updatedBy, record.createdBy].filter((id): id is string => Boolean(id));
  }

  private tell(tx: EntityManager, userIds: string[], kind: RecordKind, record: Record, actor: Actor, what: NotificationMessage['kind'], comment?: string) {
    const recipients = userIds.filter((userId) => userId !== actor.userId);
    return this.notifications.notify(tx, recipients, {
      kind: what,
      countryId: record.countryId,
      recordType: kind.contract.type,
      recordId: record.id,
      title: titleOf(record),
      comment: comment ?? null,
      actorName: actor.displayName,
    });
  }
}

function notFound(kind: RecordKind) {
  return new NotFoundException(`No such ${kind.contract.type}`);
}
