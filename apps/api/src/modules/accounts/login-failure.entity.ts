import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One failed login; counted per account and per address to throttle guessing. */
@Entity({ name: 'login_failures' })
@Index('ix_login_failures_account', ['account', 'failedAt'])
@Index('ix_login_failures_address', ['address', 'failedAt'])
export class LoginFailureEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  /** The normalised email as typed, whether or not such an account exists. */
  @Column({ type: 'text' })
  account: string;

  @Column({ type: 'text' })
  address: string;

  @Column({ name: 'failed_at', type: 'timestamptz', default: () => 'now()' })
  failedAt: Date;
}
