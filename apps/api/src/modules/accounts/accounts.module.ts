import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminUsersController } from './admin-users.controller';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AccessGuard } from './access.guard';
import { AdminBootstrap } from './admin-bootstrap';
import { LoginThrottleService } from './login-throttle.service';
import { SessionCookies } from './session-cookies';
import { SessionsService } from './sessions.service';
import { UserEntity } from './user.entity';
import { UsersService } from './users.service';

/** Staff accounts, sessions, sign-in and the access guard every request passes. */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity])],
  controllers: [AuthController, AdminUsersController],
  providers: [
    AuthService,
    SessionsService,
    LoginThrottleService,
    SessionCookies,
    UsersService,
    AdminBootstrap,
    // Deny by default: every route is refused unless it declares who may use it.
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [SessionsService, AdminBootstrap],
})
export class AccountsModule {}
