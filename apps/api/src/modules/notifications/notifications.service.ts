import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AppNotification, COLLECTIONS, type Collection, type NotificationKind, type NotificationList, type RecordType } from '@vitrina/contracts';
import { type DataSource, type EntityManager, In, IsNull, type Repository } from 'typeorm';
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

  async list(userId: string): Promise<NotificationList> {
    const [rows, unread] = await Promise.all([
      this.notifications.find({ where: { userId }, order: { createdAt: 'DESC' }, take: SHOWN }),
      this.notifications.countBy({ userId, readAt: IsNull() }),
    ]);
    return { items: rows.map(toNotification), unread };
  }

  /** Marks the given notifications (or all) of this user as read; others' are never touched. */
  async markRead(userId: string, ids?: string[]): Promise<NotificationList> {
    await this.notifications.update({ userId, readAt: IsNull(), ...(ids ? { id: In(ids) } : {}) }, { readAt: new Date() });
    return this.list(userId);
  }
}
