import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CSRF_COOKIE, type CsrfResponse, type MeResponse } from '@vitrina/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PublicRoute, SignedIn } from '../access/access.decorators';
import { CurrentActor } from '../access/current-actor.decorator';
import type { Actor } from '../access/actor';
import { AuthService } from './auth.service';
import { clientInfo } from './client-info';
import { ChangePasswordDto, LoginDto } from './dto';
import { SessionCookies } from './session-cookies';
import { SessionsService } from './sessions.service';
import { newToken } from './tokens';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly cookies: SessionCookies,
  ) {}

  /** Hands an anonymous client the CSRF token it must echo when it logs in. */
  @PublicRoute()
  @Get('csrf')
  csrf(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): CsrfResponse {
    const csrfToken = request.actor?.csrfToken ?? request.cookies[CSRF_COOKIE] ?? newToken(24);
    this.cookies.setCsrf(reply, csrfToken);
    return { csrfToken };
  }

  @PublicRoute()
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeResponse> {
    const { session } = await this.auth.login(body, clientInfo(request));
    this.cookies.setSession(reply, session);
    const actor = await this.sessions.resolve(session.token);
    return this.auth.me(actor!);
  }

  @SignedIn()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(actor);
    this.cookies.clearSession(reply);
  }

  @SignedIn()
  @Get('me')
  me(@CurrentActor() actor: Actor): MeResponse {
    return this.auth.me(actor);
  }

  @SignedIn()
  @Post('password')
  @HttpCode(200)
  async changePassword(
    @CurrentActor() actor: Actor,
    @Body() body: ChangePasswordDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeResponse> {
    const session = await this.auth.changePassword(actor, body, clientInfo(request));
    this.cookies.setSession(reply, session);
    return this.auth.me((await this.sessions.resolve(session.token))!);
  }
}
