import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What an entry says besides its columns, any JSON: the values of `unknown`,
 * spelled as its parts because TypeORM's insert type turns `unknown` into `{}`
 * and so would refuse a null.
 */
export type AuditDetails = Record<string, NonNullable<unknown> | null | undefined>;

/**
 * Who did what, when, from where. Append-only: a trigger made by the review
 * migration refuses UPDATE, DELETE and TRUNCATE, and no route writes here
 * except through AuditLog.record.
 */
@Entity({ name: 'audit_log' })
@Index('ix_audit_log_country_id', ['countryId', 'id'])
@Index('ix_audit_log_entity', ['entityId'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  /** Kept as written then: the account may later be renamed. */
  @Column({ name: 'actor_email', type: 'text', nullable: true })
  actorEmail: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'country_id', type: 'uuid', nullable: true })
  countryId: string | null;

  @Column({ name: 'entity_type', type: 'text', nullable: true })
  entityType: string | null;

  @Column({ name: 'entity_id', type: 'uuid', nullable: true })
  entityId: string | null;

  @Column({ name: 'from_state', type: 'text', nullable: true })
  fromState: string | null;

  @Column({ name: 'to_state', type: 'text', nullable: true })
  toState: string | null;

  @Column({ type: 'text', nullable: true })
  ip: string | null;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  details: AuditDetails;
}
