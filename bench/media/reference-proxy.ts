/**
 * For reference only, run by upload.ts in its own process: the least a Node
 * process between client and store can do with an upload — pipe the request
 * body into the presigned PUT named by the x-target header — in two flavours
 * chosen by the x-mode header:
 *
 * - `sha`: hashes every chunk with SHA-256 on the way, as the API does;
 * - `api-stream`: passes the body through the API's own upload-stream code
 *   (readHead of 512 KiB, then UploadMeter in a pipeline), as MediaService
 *   does, without Fastify, Nest or the database around it.
 *
 *   node --import tsx bench/media/reference-proxy.ts   (prints "READY <port>")
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UploadMeter, readHead } from '../../apps/api/src/modules/media/upload-stream';

// MediaService's IMAGE_HEADER_BYTES.
const HEAD_BYTES = 512 * 1024;

function put(target: string, size: number, body: Readable): Promise<number> {
  return new Promise((done, fail) => {
    const out = http.request(target, { method: 'PUT', headers: { 'content-length': String(size), 'content-type': 'video/mp4' } }, (answer) => {
      answer.resume();
      answer.on('end', () => done(answer.statusCode ?? 0));
    });
    out.on('error', fail);
    pipeline(body, out).catch(fail);
  });
}

async function handle(request: http.IncomingMessage): Promise<{ status: number; sha256: string }> {
  const target = String(request.headers['x-target']);
  const size = Number(request.headers['content-length']);
  if (request.headers['x-mode'] === 'api-stream') {
    const { body } = await readHead(request, HEAD_BYTES);
    const meter = new UploadMeter(size);
    const [status] = await Promise.all([put(target, size, meter), pipeline(body, meter)]);
    return { status, sha256: meter.digest() };
  }
  const hash = createHash('sha256');
  request.on('data', (chunk: Buffer) => hash.update(chunk));
  const status = await put(target, size, request);
  return { status, sha256: hash.digest('hex') };
}

const server = http.createServer((request, response) => {
  handle(request).then(
    (result) => {
      response.writeHead(result.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(result));
    },
    (error: Error) => {
      response.writeHead(502);
      response.end(error.message);
    },
  );
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`READY ${(server.address() as AddressInfo).port}\n`));
process.on('SIGTERM', () => process.exit(0));
// The benchmark died: do not linger.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
