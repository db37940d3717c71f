import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Store {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * s3rver in a Node process of its own (as bench/media/support.ts does): under
 * tsx's CommonJS loader koa's generator check fails, so it cannot run in this one.
 */
export async function startStore(root: string, bucket: string): Promise<Store> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vitrina-golden-s3-'));
  const script = `
    const S3rver = require('s3rver');
    const server = new S3rver({ address: '127.0.0.1', port: 0, directory: ${JSON.stringify(dataDir)}, silent: true,
      configureBuckets: [{ name: ${JSON.stringify(bucket)} }] });
    server.run().then((address) => process.stdout.write('READY ' + address.port + '\\n'), (error) => { console.error(error); process.exit(1); });
    const stop = () => server.close().finally(() => process.exit(0));
    process.on('SIGTERM', stop);
    process.stdin.on('end', stop); // the recorder died: do not linger
    process.stdin.resume();
  `;
  const child = spawn(process.execPath, ['-e', script], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  const port = await readyPort(child);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function readyPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk) => {
      seen += chunk;
      const match = /READY (\d+)/.exec(seen);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`s3rver exited (${code}) before it was ready`)));
  });
}
