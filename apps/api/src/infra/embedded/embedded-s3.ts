import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';

export interface EmbeddedS3Handle {
  endpoint: string;
  stop(): Promise<void>;
}

const IDLE_SOCKET_MS = 65_000;

/**
 * A local S3-compatible store keeping objects on disk (s3rver). It accepts
 * the fixed credentials S3RVER/S3RVER and lacks multipart upload.
 */
export async function startEmbeddedS3(options: {
  dataDir: string;
  port: number;
  bucket: string;
}): Promise<EmbeddedS3Handle> {
  mkdirSync(options.dataDir, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port,
    directory: options.dataDir,
    silent: true,
    configureBuckets: [{ name: options.bucket }],
  });
  const address = (await server.run()) as AddressInfo;
  // Clients (Node's global agent, which the minio client uses) drop an idle
  // socket after 5 s, and so did this server: a request sent on a socket the
  // server was closing at that moment failed with "socket hang up". The
  // server waits longer than any client, so only clients end idle sockets.
  if (server.httpServer) server.httpServer.keepAliveTimeout = IDLE_SOCKET_MS;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    stop: () => server.close(),
  };
}
