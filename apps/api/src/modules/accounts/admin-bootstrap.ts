import { Injectable, Logger } from '@nestjs/common';
import { hashPassword } from './password-hasher';
import { UsersRepository } from './users.repository';

/** Makes sure a production installation can be signed into: its first administrator, from configuration. */
@Injectable()
export class AdminBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(private readonly users: UsersRepository) {}

  /** The first administrator of a production installation, from BOOTSTRAP_ADMIN_*; only while there is none. */
  async bootstrapAdmin(email: string, password: string): Promise<void> {
    if ((await this.users.countAdministrators()) > 0) return;
    await this.users.upsertAdministrator({ email, displayName: 'Administrator', passwordHash: await hashPassword(password) });
    this.logger.log(`created the first administrator ${email}`);
  }
}
