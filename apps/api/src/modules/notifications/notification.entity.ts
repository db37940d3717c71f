import type { NotificationKind, RecordType } from '@vitrina/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../accounts/user.entity';

/** An in-app message to one user about one record's review. */
@Entity({ name: 'notifications' })
@Index('ix_notifications_user_created', ['userId', 'createdAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user: UserEntity;

  @Column({ type: 'text' })
  kind: NotificationKind;

  @Column({ name: 'country_id', type: 'uuid' })
  countryId: string;

  @Column({ name: 'record_type', type: 'text' })
  recordType: RecordType;

  @Column({ name: 'record_id', type: 'uuid' })
  recordId: string;

  /** The record's title when the message was written. */
  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'actor_name', type: 'text', nullable: true })
  actorName: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
