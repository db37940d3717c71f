import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AppNotification, COLLECTIONS, type Collection, type NotificationKind, type NotificationList, type RecordType } from '@vitrina/contracts';
import { type DataSource, type EntityManager, type FindOptionsWhere, In, IsNull, Not, type Repository } from 'typeorm';
import type { Actor } from '../access/actor';
import { isAllowed } from '../access/permissions';
import { NotificationEntity } from './notification.entity';

const SHOWN = 50;
const COLLECTION_OF = Object.fromEntries(Object.entries(COLLECTIONS).map(([collection, type]) => [type, collection])) as Record<RecordType, Collection>;

export interface NotificationMessage {
  kind: NotificationKind;
  countryId: string;
  recordType: RecordType;
  recordId: string;
  title: string;
  comment?: string | null;
  actorName: string | null;
}

function toNotification(row: NotificationEntity): AppNotification {
  return {
    id: row.id,
    kind: row.kind,
    countryId: row.countryId,
    type: row.recordType,
    collection: COLLECTION_OF[row.recordType],
    recordId: row.recordId,
    title: row.title,
    comment: row.comment,
    actorName: row.actorName,
    createdAt: row.createdAt.toISOString(),
    read: row.readAt !== null,
  };
}

/**
 * The notifications of this actor that their access today lets them see:
 * a submission only in a country they still moderate, a decision (with its
 * comment) only in a country they are still a member of. Decided at read
 * time from the memberships loaded with the session, so a revoked curator
 * sees none at once and a re-granted one gets them back; nothing is deleted.
 */
function visibleTo(actor: Actor): FindOptionsWhere<NotificationEntity>[] {
  if (actor.isAdmin) return [{ userId: actor.userId }];
  const countries = (permission: 'content.read' | 'content.review') =>
    actor.memberships.filter((m) => isAllowed(actor, permission, m.countryId)).map((m) => m.countryId);
  return [
    { userId: actor.userId, kind: 'submitted', countryId: In(countries('content.review')) },
    { userId: actor.userId, kind: Not('submitted'), countryId: In(countries('content.read')) },
  ];
}

/** Each condition of `where` narrowed by `extra` (TypeORM ORs the array's entries). */
const narrowed = (where: FindOptionsWhere<NotificationEntity>[], extra: FindOptionsWhere<NotificationEntity>) => where.map((w) => ({ ...w, ...extra }));

/** In-app messages: curators hear what was decided, moderators what awaits them. */
@Injectable()
export class NotificationsService {
  private readonly notifications: Repository<NotificationEntity>;

  constructor(@InjectDataSource() db: DataSource) {
    this.notifications = db.getRepository(NotificationEntity);
  }

  /** Written in the transaction of the decision, so nobody hears of one that did not happen. */
  async notify(manager: EntityManager, userIds: Iterable<string>, message: NotificationMessage): Promise<void> {
    const recipients = [...new Set(userIds)];
    if (recipients.length === 0) return;
    await manager.getRepository(NotificationEntity).insert(recipients.map((userId) => ({ ...message, comment: message.comment ?? null, userId })));
  }

  /** The moderators of a country (admins see every queue in the review desk anyway). */
  async moderatorsOf(manager: EntityManager, countryId: string): Promise<string[]> {
    const rows: { user_id: string }[] = await manager.query(
      `SELECT m.user_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.country_id = $1 AND m.role = 'moderator' AND u.disabled_at IS NULL`,
      [countryId],
    );
    return rows.map((row) => row.user_id);
  }

  async list(actor: Actor): Promise<NotificationList> {
    const visible = visibleTo(actor);
    const [rows, unread] = await Promise.all([
      this.notifications.find({ where: visible, order: { createdAt: 'DESC' }, take: SHOWN }),
      this.notifications.countBy(narrowed(visible, { readAt: IsNull() })),
    ]);
    return { items: rows.map(toNotification), unread };
  }

  /** One notification the actor may see; 404 for another's, or one about a country they no longer may see. */
  async get(actor: Actor, id: string): Promise<AppNotification> {
    const row = await this.notifications.findOneBy(narrowed(visibleTo(actor), { id }));
    if (!row) throw new NotFoundException('No such notification');
    return toNotification(row);
  }

  /** Marks the given notifications (or all) that this actor may see as read; others' are never touched. */
  async markRead(actor: Actor, ids?: string[]): Promise<NotificationList> {
    const ownUnread = narrowed(visibleTo(actor), { readAt: IsNull(), ...(ids ? { id: In(ids) } : {}) });
    const targets = await this.notifications.find({ select: { id: true }, where: ownUnread });
    if (targets.length > 0) await this.notifications.update({ id: In(targets.map((t) => t.id)) }, { readAt: new Date() });
    return this.list(actor);
  }
}
