/**
 * The part of the studio's drafts (pages/studio/draft-store) that signing in
 * and out needs, kept here so the visitor's code, which holds the sign-out
 * button, carries none of the studio's.
 */

/** The drafts' localStorage names start with it: `vitrina.draft:<shape>:<user>:<country>:<kind>:<record>`. */
export const DRAFT_PREFIX = 'vitrina.draft';

/**
 * Set when a person signs out on this device: their drafts are gone, and an editor still open (in this
 * tab, as it unmounts and writes what was pending, or in another tab) keeps nothing more until they sign
 * in again. A library computer's next user finds none of their words.
 */
const signedOutKey = (userId: string) => `${DRAFT_PREFIX}.signed-out:${userId}`;

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Whether the person signed out on this device since they last signed in here. */
export function signedOutHere(userId: string, store = storage()): boolean {
  return store?.getItem(signedOutKey(userId)) != null;
}

/** Everything kept for this person on this device goes, and nothing more is kept until `reopenDrafts`. */
export function dropDraftsOf(userId: string, store = storage()): void {
  if (!store) return;
  try {
    const mine = Array.from({ length: store.length }, (_, index) => store.key(index)).filter(
      (name): name is string => name !== null && name.startsWith(`${DRAFT_PREFIX}:`) && name.split(':')[2] === userId,
    );
    for (const name of mine) store.removeItem(name);
    store.setItem(signedOutKey(userId), new Date().toISOString());
  } catch {
    // Storage off: nothing was kept.
  }
}

/** The person signed in on this device: their drafts are kept again. */
export function reopenDrafts(userId: string, store = storage()): void {
  try {
    store?.removeItem(signedOutKey(userId));
  } catch {
    // Storage off: nothing to reopen.
  }
}
