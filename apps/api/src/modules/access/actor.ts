import type { Role } from '@vitrina/contracts';

/** Who is making a request, as loaded from their session on every request. */
export interface Actor {
  userId: string;
  email: string;
  displayName: string;
  isAdmin: boolean;
  memberships: { countryId: string; countrySlug: string; role: Role }[];
  sessionId: string;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor | null;
  }
}
