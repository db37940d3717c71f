import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminUsersController } from './admin-users.controller';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { DemoAccountsSeeder } from '../demo/demo-accounts.seeder';
import { LoginThrottleService } from './login-throttle.service';
import { SessionCookies } from './session-cookies';
import { SessionsService } from './sessions.service';
import { UserEntity } from './user.entity';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity])],
  controllers: [AuthController, AdminUsersController],
  providers: [AuthService, SessionsService, LoginThrottleService, SessionCookies, DemoAccountsSeeder, UsersService],
  exports: [SessionsService, DemoAccountsSeeder],
})
export class AccountsModule {}
