import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BinariesUser, binariesUser, checkBinariesCanReach } from './embedded-postgres';

/**
 * The up-front check that the user PostgreSQL's programs run as can reach them
 * and the data folder, on a real folder tree. Run as root, the check asks as
 * the `postgres` user embedded-postgres would run them as; otherwise as this
 * process's user, for whom a folder without its owner's x bit is closed.
 */
describe('checkBinariesCanReach', () => {
  let base: string;
  let user: BinariesUser;
  /** A mode that shuts the user the check asks for out of a folder this process owns. */
  let closedMode: number;
  let bin: string;
  let data: string;

  beforeAll(async () => {
    user = await binariesUser();
    // mktemp -d makes a 0700 folder: closed to anyone but its owner, as /root is.
    closedMode = user.kind === 'self' ? 0o600 : 0o700;
    base = mkdtempSync(join(tmpdir(), 'vitrina-reach-'));
    chmodSync(base, 0o755);
    bin = join(base, 'checkout', 'node_modules', 'pg', 'native', 'bin');
    data = join(base, 'checkout', '.data', 'postgres');
    mkdirSync(bin, { recursive: true, mode: 0o755 });
    mkdirSync(join(base, 'checkout', '.data'), { recursive: true, mode: 0o755 });
  });

  afterAll(() => {
    for (const folder of [base, join(base, 'checkout'), join(base, 'checkout', '.data')]) chmodSync(folder, 0o755);
    rmSync(base, { recursive: true, force: true });
  });

  it('fails fast, naming the closed folder and the fix, when a folder above the programs is closed', async () => {
    chmodSync(base, closedMode);
    try {
      const check = checkBinariesCanReach({ binaries: bin, dataDir: data }, user);
      await expect(check).rejects.toThrow(`may not enter ${base} `);
      await expect(check).rejects.toThrow(`chmod o+x ${base}`);
      await expect(check).rejects.toThrow(`its programs at ${bin}`);
    } finally {
      chmodSync(base, 0o755);
    }
  });

  it('names a closed folder above the data folder too', async () => {
    chmodSync(join(base, 'checkout', '.data'), closedMode);
    try {
      await expect(checkBinariesCanReach({ binaries: bin, dataDir: data }, user)).rejects.toThrow(
        `may not enter ${join(base, 'checkout', '.data')} `,
      );
    } finally {
      chmodSync(join(base, 'checkout', '.data'), 0o755);
    }
  });

  it('passes when every folder on the way may be entered, the data folder not made yet', async () => {
    await expect(checkBinariesCanReach({ binaries: bin, dataDir: data }, user)).resolves.toBeUndefined();
  });

  it('counts only the bits for others for a postgres user still to be created', async () => {
    const toBeCreated: BinariesUser = { kind: 'postgres-to-be-created' };
    chmodSync(join(base, 'checkout'), 0o750);
    try {
      await expect(checkBinariesCanReach({ binaries: bin, dataDir: data }, toBeCreated)).rejects.toThrow(`chmod o+x ${join(base, 'checkout')}`);
      chmodSync(join(base, 'checkout'), 0o751);
      await expect(checkBinariesCanReach({ binaries: bin, dataDir: data }, toBeCreated)).resolves.toBeUndefined();
    } finally {
      chmodSync(join(base, 'checkout'), 0o755);
    }
  });
});
