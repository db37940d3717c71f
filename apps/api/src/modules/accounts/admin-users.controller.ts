import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { LoginUnlock, User, UserList } from '@vitrina/contracts';
import { RequireInstallation } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { CurrentActor } from '../access/current-actor.decorator';
import { CreateUserDto, GrantMembershipDto, MembershipParams, UpdateUserDto, UserIdParams } from './dto';
import { UsersService } from './users.service';

/** User administration; UsersService writes every change's audit entry in the change's own transaction. */
@ApiTags('admin')
@Controller('admin/users')
@RequireInstallation('users.manage')
export class AdminUsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  async list(): Promise<UserList> {
    return { items: await this.users.list() };
  }

  @Post()
  create(@Body() body: CreateUserDto, @CurrentActor() actor: Actor): Promise<User> {
    return this.users.create(actor, body);
  }

  @Get(':id')
  get(@Param() params: UserIdParams): Promise<User> {
    return this.users.get(params.id);
  }

  @Patch(':id')
  update(@Param() params: UserIdParams, @Body() body: UpdateUserDto, @CurrentActor() actor: Actor): Promise<User> {
    return this.users.update(actor, params.id, body);
  }

  /** Lifts the login throttling of the user's account (after a guessing attack, say). */
  @Post(':id/unlock')
  @HttpCode(200)
  unlock(@Param() params: UserIdParams, @CurrentActor() actor: Actor): Promise<LoginUnlock> {
    return this.users.unlockLogin(actor, params.id);
  }

  @Post(':id/memberships')
  grant(@Param() params: UserIdParams, @Body() body: GrantMembershipDto, @CurrentActor() actor: Actor): Promise<User> {
    return this.users.grantMembership(actor, params.id, body);
  }

  @Delete(':id/memberships/:countryId')
  @HttpCode(204)
  async revoke(@Param() params: MembershipParams, @CurrentActor() actor: Actor): Promise<void> {
    await this.users.revokeMembership(actor, params.id, params.countryId);
  }
}
