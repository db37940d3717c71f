import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Client } from 'minio';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import { withTimeout } from '../timeout';

const PRESIGNED_PUT_SECONDS = 60 * 60;

export interface StoredObject {
  key: string;
  lastModified: Date;
}

/** The store answered, but not with success: treated like an unreachable store. */
/** The store's answer for a key it does not hold (anything else means it could not be asked or refused). */
export function isMissingObject(error: unknown): boolean {
  return ['NoSuchKey', 'NotFound'].includes((error as { code?: string } | null)?.code ?? '');
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export class StoreRejected extends Error {
  readonly code = 'ESTOREREJECTED';
  constructor(readonly status: number) {
    super(`object store answered ${status}`);
  }
}

/** The one door to the object store (MinIO in production, s3rver when embedded). */
@Injectable()
export class ObjectStorage implements OnModuleInit {
  private readonly logger = new Logger(ObjectStorage.name);
  readonly client: Client;
  readonly bucket: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const url = new URL(config.storage.endpoint);
    this.bucket = config.storage.bucket;
    this.client = new Client({
      endPoint: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      useSSL: url.protocol === 'https:',
      accessKey: config.storage.accessKey,
      secretKey: config.storage.secretKey,
      region: config.storage.region,
      pathStyle: true,
    });
  }

  async onModuleInit(): Promise<void> {
    // Best effort: the API starts even while the store is down and reports it in /api/health.
    try {
      await this.ensureBucket();
    } catch (error) {
      this.logger.warn(`object store not reachable at start-up: ${(error as Error).message}`);
    }
  }

  async ensureBucket(): Promise<void> {
    const exists = await withTimeout(this.client.bucketExists(this.bucket), 3000, 'object store');
    if (!exists) await this.client.makeBucket(this.bucket);
  }

  /**
   * Streams `body` into the store as one object without holding it in memory.
   * A presigned PUT carries an unsigned payload, so nothing needs the whole
   * body to sign it; single PUTs work on s3rver (no multipart there) and on
   * MinIO up to 5 GiB.
   */
  async putStream(key: string, body: Readable, size: number, contentType: string): Promise<void> {
    const url = await this.client.presignedPutObject(this.bucket, key, PRESIGNED_PUT_SECONDS);
    const transport = url.startsWith('https:') ? https : http;
    await new Promise<void>((resolve, reject) => {
      const request = transport.request(
        url,
        { method: 'PUT', headers: { 'content-length': String(size), 'content-type': contentType } },
        (response) => {
          response.resume();
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) return resolve();
          reject(new StoreRejected(status));
          // A store that refuses early gets no more of the body.
          request.destroy();
        },
      );
      request.on('error', reject);
      pipeline(body, request).catch(reject);
    });
  }

  async putBuffer(key: string, data: Buffer, contentType: string): Promise<void> {
    await this.client.putObject(this.bucket, key, data, data.length, { 'Content-Type': contentType });
  }

  /** Reads a whole object; only for objects a worker must hold anyway (an image it decodes). */
  async getBuffer(key: string): Promise<Buffer> {
    return collect(await this.client.getObject(this.bucket, key));
  }

  /** The object as a stream, or null when it does not exist. */
  async getStream(key: string): Promise<Readable | null> {
    try {
      return await this.client.getObject(this.bucket, key);
    } catch (error) {
      if (isMissingObject(error)) return null;
      throw error;
    }
  }

  /** `length` bytes from `offset`, for HTTP range requests (seeking in a video). */
  async getRange(key: string, offset: number, length: number): Promise<Readable> {
    return this.client.getPartialObject(this.bucket, key, offset, length);
  }

  /** `length` bytes from `offset`, held in memory: for reading a few headers of a large object. */
  async getRangeBuffer(key: string, offset: number, length: number): Promise<Buffer> {
    return collect(await this.getRange(key, offset, length));
  }

  /** Every object under `prefix`, with when it was written. */
  async list(prefix: string): Promise<StoredObject[]> {
    const objects: StoredObject[] = [];
    for await (const entry of this.client.listObjectsV2(this.bucket, prefix, true)) {
      const object = entry as { name?: string; lastModified?: Date };
      if (object.name) objects.push({ key: object.name, lastModified: object.lastModified ?? new Date(0) });
    }
    return objects;
  }

  /**
   * The "folders" right under `prefix` (keys up to the next `/`), without the
   * objects inside them: one entry per asset however many tiles it has.
   */
  async *listFolders(prefix: string): AsyncGenerator<string> {
    for await (const entry of this.client.listObjectsV2(this.bucket, prefix, false)) {
      const folder = (entry as { prefix?: string }).prefix;
      if (folder) yield folder;
    }
  }

  async removeMany(keys: string[]): Promise<void> {
    if (keys.length > 0) await this.client.removeObjects(this.bucket, keys);
  }

  async remove(key: string): Promise<void> {
    await this.client.removeObject(this.bucket, key);
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.statObject(this.bucket, key);
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === 'NotFound') return false;
      throw error;
    }
  }

  async isUp(timeoutMs = 2000): Promise<boolean> {
    try {
      return await withTimeout(this.client.bucketExists(this.bucket), timeoutMs, 'object store');
    } catch {
      return false;
    }
  }
}
