import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard';
import { AdminBootstrap } from './admin-bootstrap';
import { AdminUsersController } from './admin-users.controller';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginFailuresRepository } from './login-failures.repository';
import { LoginThrottleService } from './login-throttle.service';
import { MembershipsRepository } from './memberships.repository';
import { SessionCookies } from './session-cookies';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** Staff accounts, sessions, sign-in and the access guard every request passes. */
@Module({
  controllers: [AuthController, AdminUsersController],
  providers: [
    AuthService,
    SessionsService,
    LoginThrottleService,
    SessionCookies,
    UsersService,
    AdminBootstrap,
    SessionsRepository,
    LoginFailuresRepository,
    UsersRepository,
    MembershipsRepository,
    // Deny by default: every route is refused unless it declares who may use it.
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [SessionsService, AdminBootstrap, UsersRepository, MembershipsRepository],
})
export class AccountsModule {}
