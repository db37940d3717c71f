import {
  changePasswordRequestSchema,
  createUserSchema,
  grantMembershipSchema,
  idParamsSchema,
  loginRequestSchema,
  membershipParamsSchema,
  updateUserSchema,
} from '@vitrina/contracts';
import { createZodDto } from 'nestjs-zod';

export class LoginDto extends createZodDto(loginRequestSchema) {}
export class ChangePasswordDto extends createZodDto(changePasswordRequestSchema) {}
export class CreateUserDto extends createZodDto(createUserSchema) {}
export class UpdateUserDto extends createZodDto(updateUserSchema) {}
export class GrantMembershipDto extends createZodDto(grantMembershipSchema) {}
export class UserIdParams extends createZodDto(idParamsSchema) {}
export class MembershipParams extends createZodDto(membershipParamsSchema) {}
