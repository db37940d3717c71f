import { Inject, Injectable } from '@nestjs/common';
import { CSRF_COOKIE, SESSION_COOKIE } from '@vitrina/contracts';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';
import type { NewSession } from './sessions.service';

/** Writes the session cookie (HttpOnly) and the CSRF cookie the web app echoes in a header. */
@Injectable()
export class SessionCookies {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  setSession(reply: FastifyReply, session: NewSession): void {
    void reply.setCookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.cookies.secure,
      path: '/',
      expires: session.expiresAt,
    });
    this.setCsrf(reply, session.csrfToken);
  }

  setCsrf(reply: FastifyReply, token: string): void {
    // Readable by the page on purpose: the double-submit pattern needs the script to copy it into a header.
    void reply.setCookie(CSRF_COOKIE, token, {
      httpOnly: false,
      sameSite: 'strict',
      secure: this.config.cookies.secure,
      path: '/',
    });
  }

  clearSession(reply: FastifyReply): void {
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }
}
