import { Client } from 'minio';
import { inject } from 'vitest';
import { TEST_BUCKET } from './test-infra';
import type { TestClient } from './test-app';
import { PATIENCE_MS } from './patience';

/** A client of the test run's S3-compatible store, to look behind the API. */
export function storeClient(): Client {
  const url = new URL(inject('s3Endpoint'));
  return new Client({ endPoint: url.hostname, port: Number(url.port), useSSL: false, accessKey: 'S3RVER', secretKey: 'S3RVER' });
}

export async function objectsOf(prefix: string): Promise<string[]> {
  const names: string[] = [];
  for await (const item of storeClient().listObjectsV2(TEST_BUCKET, prefix, true)) names.push(item.name as string);
  return names.sort();
}

export async function readObject(key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await storeClient().getObject(TEST_BUCKET, key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Polls a media asset until its derivatives job has finished one way or the other. */
export async function waitForMedia(client: TestClient, countryId: string, id: string) {
  const deadline = Date.now() + PATIENCE_MS;
  for (;;) {
    const asset = (await client.get(`/api/studio/countries/${countryId}/media/${id}`).expect(200)).body;
    if (asset.status !== 'processing' || Date.now() > deadline) return asset;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
