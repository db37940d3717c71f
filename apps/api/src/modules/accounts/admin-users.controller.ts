import { Audited } from '../audit/audited.decorator';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { User, UserList } from '@vitrina/contracts';
import { RequireInstallation } from '../access/access.decorators';
import { CreateUserDto, GrantMembershipDto, MembershipParams, UpdateUserDto, UserIdParams } from './dto';
import { UsersService } from './users.service';

@ApiTags('admin')
@Controller('admin/users')
@RequireInstallation('users.manage')
export class AdminUsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  async list(): Promise<UserList> {
    return { items: await this.users.list() };
  }

  @Audited({ action: 'user.create', entityType: 'user', entityId: 'response.id' })
  @Post()
  create(@Body() body: CreateUserDto): Promise<User> {
    return this.users.create(body);
  }

  @Get(':id')
  get(@Param() params: UserIdParams): Promise<User> {
    return this.users.get(params.id);
  }

  @Audited({ action: 'user.update', entityType: 'user', entityId: 'params.id' })
  @Patch(':id')
  update(@Param() params: UserIdParams, @Body() body: UpdateUserDto): Promise<User> {
    return this.users.update(params.id, body);
  }

  @Audited({ action: 'membership.grant', entityType: 'user', entityId: 'params.id', countryId: 'body.countryId' })
  @Post(':id/memberships')
  grant(@Param() params: UserIdParams, @Body() body: GrantMembershipDto): Promise<User> {
    return this.users.grantMembership(params.id, body);
  }

  @Audited({ action: 'membership.revoke', entityType: 'user', entityId: 'params.id', countryId: 'params.countryId' })
  @Delete(':id/memberships/:countryId')
  @HttpCode(204)
  async revoke(@Param() params: MembershipParams): Promise<void> {
    await this.users.revokeMembership(params.id, params.countryId);
  }
}
