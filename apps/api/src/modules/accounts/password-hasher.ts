import { type Algorithm, hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
// The enum is a const enum, which isolated modules cannot read at run time.
const ARGON2ID = 2 as Algorithm.Argon2id;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * A hash to verify against when no account matches, so that a login for an
 * unknown email costs as much time as one for a known email.
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('vitrina-no-such-account-placeholder');
  return dummyHash;
}
