import type { FastifyReply } from 'fastify';
import { openToOtherSites } from '../../../bootstrap/security-headers';

/**
 * A IIIF Presentation answer: JSON-LD with the Presentation 3 profile, open
 * to every origin (viewers run on other sites), cached briefly so an
 * approval or a withdrawn file shows within minutes.
 */
export function presentationHeaders(reply: FastifyReply): void {
  void reply
    .type('application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"')
    .header('cache-control', 'public, max-age=300');
  openToOtherSites(reply);
}
