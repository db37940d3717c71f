import { NotFoundException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { ObjectStorage } from '../../infra/storage/object-storage.service';
import type { ServableAsset } from './media-access.service';
import { assetFolder } from './media-derivatives.worker';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const PRIVATE = 'private, no-store';

/**
 * Sends one stored derivative. Public answers may be cached for good (an
 * asset's bytes never change); answers for unpublished media are private and
 * uncacheable, so a CDN never holds a draft.
 */
export async function sendDerivative(
  storage: ObjectStorage,
  reply: FastifyReply,
  servable: ServableAsset,
  name: string,
  contentType: string,
  cors = false,
): Promise<FastifyReply> {
  const stream = await storage.getStream(`${assetFolder(servable.asset)}/${name}`);
  if (!stream) throw new NotFoundException('No such media');
  void reply
    .type(contentType)
    .header('cache-control', servable.isPublic ? IMMUTABLE : PRIVATE)
    .header('content-disposition', `inline; filename="${servable.asset.id}-${name.replace(/[^\w.-]/g, '_')}"`);
  if (cors && servable.isPublic) void reply.header('access-control-allow-origin', '*');
  return reply.send(stream);
}
