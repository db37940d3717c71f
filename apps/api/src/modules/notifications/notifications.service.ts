import { Injectable, NotFoundException } from '@nestjs/common';
import { type AppNotification, type NotificationKind, type NotificationList, RECORD_KINDS, type RecordType } from '@vitrina/contracts';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../access/actor';
import { isAllowed } from '../access/permissions';
import type { NotificationEntity } from './notification.entity';
import { type NotificationAudience, NotificationsRepository } from './notifications.repository';

const SHOWN = 50;

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
    collection: RECORD_KINDS[row.recordType].collection,
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
function visibleTo(actor: Actor): NotificationAudience {
  if (actor.isAdmin) return { userId: actor.userId, all: true };
  const countries = (permission: 'content.read' | 'content.review') =>
    actor.memberships.filter((m) => isAllowed(actor, permission, m.countryId)).map((m) => m.countryId);
  return { userId: actor.userId, all: false, reviewCountryIds: countries('content.review'), readCountryIds: countries('content.read') };
}

/** In-app messages: curators hear what was decided, moderators what awaits them. */
@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationsRepository) {}

  /** Written in the transaction of the decision, so nobody hears of one that did not happen. */
  async notify(manager: EntityManager, userIds: Iterable<string>, message: NotificationMessage): Promise<void> {
    const recipients = [...new Set(userIds)];
    if (recipients.length === 0) return;
    await this.notifications.insert(manager, recipients.map((userId) => ({ ...message, comment: message.comment ?? null, userId })));
  }

  /** The moderators of a country (admins see every queue in the review desk anyway). */
  moderatorsOf(manager: EntityManager, countryId: string): Promise<string[]> {
    return this.notifications.moderatorIds(manager, countryId);
  }

  async list(actor: Actor): Promise<NotificationList> {
    const visible = visibleTo(actor);
    const [rows, unread] = await Promise.all([this.notifications.latest(visible, SHOWN), this.notifications.countUnread(visible)]);
    return { items: rows.map(toNotification), unread };
  }

  /** One notification the actor may see; 404 for another's, or one about a country they no longer may see. */
  async get(actor: Actor, id: string): Promise<AppNotification> {
    const row = await this.notifications.findVisible(visibleTo(actor), id);
    if (!row) throw new NotFoundException('No such notification');
    return toNotification(row);
  }

  /** Marks the given notifications (or all) that this actor may see as read; others' are never touched. */
  async markRead(actor: Actor, ids?: string[]): Promise<NotificationList> {
    await this.notifications.markRead(visibleTo(actor), ids);
    return this.list(actor);
  }
}
