import { Module } from '@nestjs/common';
import { AdminUsersController } from './admin-users.controller';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { DemoAccountsSeeder } from './demo-accounts.seeder';
import { LoginFailuresRepository } from './login-failures.repository';
import { LoginThrottleService } from './login-throttle.service';
import { MembershipsRepository } from './memberships.repository';
import { SessionCookies } from './session-cookies';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  controllers: [AuthController, AdminUsersController],
  providers: [AuthService, SessionsService, LoginThrottleService, SessionCookies, DemoAccountsSeeder, UsersService, SessionsRepository, LoginFailuresRepository, UsersRepository, MembershipsRepository],
  exports: [SessionsService, DemoAccountsSeeder],
})
export class AccountsModule {}
