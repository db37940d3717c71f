import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { hashPassword } from './password-hasher';
import { UserEntity } from './user.entity';

/** Makes sure a production installation can be signed into: its first administrator, from configuration. */
@Injectable()
export class AdminBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The first administrator of a production installation, from BOOTSTRAP_ADMIN_*; only while there is none. */
  async bootstrapAdmin(email: string, password: string): Promise<void> {
    const admins = await this.db.getRepository(UserEntity).countBy({ isAdmin: true });
    if (admins > 0) return;
    await this.db
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values({ email, displayName: 'Administrator', passwordHash: await hashPassword(password), isAdmin: true })
      .orUpdate(['is_admin', 'password_hash'], ['email'])
      .execute();
    this.logger.log(`created the first administrator ${email}`);
  }
}
