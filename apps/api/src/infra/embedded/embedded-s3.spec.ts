import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedS3Handle, startEmbeddedS3 } from './embedded-s3';

/** One GET on the agent; says whether it went over a socket kept from an earlier request. */
function reusedSocket(agent: Agent, url: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const request = get(url, { agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(request.reusedSocket));
    });
    request.on('error', reject);
  });
}

describe('the embedded S3 store', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vitrina-embedded-s3-'));
  let s3: EmbeddedS3Handle;

  beforeAll(async () => {
    s3 = await startEmbeddedS3({ dataDir, port: 0, bucket: 'idle-sockets' });
  });
  afterAll(async () => {
    await s3.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  // Node's default keep-alive (5 s on both sides) let a request race the
  // server closing its socket: "socket hang up" in the backup spec.
  it('keeps an idle connection open past the 5 s after which clients let theirs go', async () => {
    const agent = new Agent({ keepAlive: true, timeout: 60_000, maxSockets: 1 });
    try {
      const url = `${s3.endpoint}/idle-sockets`;
      expect(await reusedSocket(agent, url)).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      expect(await reusedSocket(agent, url)).toBe(true);
    } finally {
      agent.destroy();
    }
  });
});
