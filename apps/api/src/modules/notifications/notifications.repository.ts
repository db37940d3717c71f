import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, type FindOptionsWhere, In, IsNull, Not, type Repository } from 'typeorm';
import { NotificationEntity } from './notification.entity';

/** A new notification's columns; the id, the time and the read mark are the database's. */
export type NewNotification = Omit<NotificationEntity, 'id' | 'user' | 'createdAt' | 'readAt'>;

/**
 * Which of a user's notifications they may see: every one (an admin), or
 * submissions in the countries they may review and the rest in those they may read.
 */
export type NotificationAudience = { userId: string; all: true } | { userId: string; all: false; reviewCountryIds: string[]; readCountryIds: string[] };

function whereVisible(audience: NotificationAudience): FindOptionsWhere<NotificationEntity>[] {
  if (audience.all) return [{ userId: audience.userId }];
  return [
    { userId: audience.userId, kind: 'submitted', countryId: In(audience.reviewCountryIds) },
    { userId: audience.userId, kind: Not('submitted'), countryId: In(audience.readCountryIds) },
  ];
}

/** Each condition of `where` narrowed by `extra` (TypeORM ORs the array's entries). */
const narrowed = (where: FindOptionsWhere<NotificationEntity>[], extra: FindOptionsWhere<NotificationEntity>) => where.map((w) => ({ ...w, ...extra }));

/** The notifications' data access, and who is to hear of a submission. */
@Injectable()
export class NotificationsRepository {
  private readonly notifications: Repository<NotificationEntity>;

  constructor(@InjectDataSource() db: DataSource) {
    this.notifications = db.getRepository(NotificationEntity);
  }

  async insert(manager: EntityManager, rows: NewNotification[]): Promise<void> {
    await manager.getRepository(NotificationEntity).insert(rows);
  }

  /** The ids of a country's moderators whose accounts are enabled. */
  async moderatorIds(manager: EntityManager, countryId: string): Promise<string[]> {
    const rows: { user_id: string }[] = await manager.query(
      `SELECT m.user_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.country_id = $1 AND m.role = 'moderator' AND u.disabled_at IS NULL`,
      [countryId],
    );
    return rows.map((row) => row.user_id);
  }

  /** The latest `take` notifications the audience may see, newest first. */
  latest(audience: NotificationAudience, take: number): Promise<NotificationEntity[]> {
    return this.notifications.find({ where: whereVisible(audience), order: { createdAt: 'DESC' }, take });
  }

  countUnread(audience: NotificationAudience): Promise<number> {
    return this.notifications.countBy(narrowed(whereVisible(audience), { readAt: IsNull() }));
  }

  findVisible(audience: NotificationAudience, id: string): Promise<NotificationEntity | null> {
    return this.notifications.findOneBy(narrowed(whereVisible(audience), { id }));
  }

  /** Marks read those of the given notifications (or all) the audience may see and has not read yet. */
  async markRead(audience: NotificationAudience, ids?: string[]): Promise<void> {
    const ownUnread = narrowed(whereVisible(audience), { readAt: IsNull(), ...(ids ? { id: In(ids) } : {}) });
    const targets = await this.notifications.find({ select: { id: true }, where: ownUnread });
    if (targets.length > 0) await this.notifications.update({ id: In(targets.map((t) => t.id)) }, { readAt: new Date() });
  }
}
