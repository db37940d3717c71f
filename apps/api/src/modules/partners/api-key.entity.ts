import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A partner's API key. Only its SHA-256 is kept (the key is 32 random bytes,
 * so no slow hash is needed): the key itself is shown once, at creation.
 * Revoked keys stay, for the audit trail and the list.
 */
@Entity({ name: 'api_keys' })
@Index('uq_api_keys_key_hash', ['keyHash'], { unique: true })
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_api_keys' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  contact: string | null;

  /** Hex SHA-256 of the key. */
  @Column({ name: 'key_hash', type: 'text' })
  keyHash: string;

  /** The key's first characters, to recognise it in the list. */
  @Column({ name: 'key_prefix', type: 'text' })
  keyPrefix: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  /** The administrator's email as it was then. */
  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
