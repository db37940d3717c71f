/**
 * How long a test waits for something that should happen (a process to start,
 * a job to finish, a server to come back) before calling it stuck. A ceiling
 * for a hang, never a budget: waits poll for the thing itself and return as
 * soon as it is there, so a quiet machine is not slowed, and a 2-core machine
 * under heavy load (several times slower) still passes.
 */
export const PATIENCE_MS = 5 * 60_000;

/**
 * Retries a check until it passes, for a state reached on its own (a
 * connection cut or made again): bounded by a count of tries, not by a
 * budget of time, with a ceiling of minutes for a busy machine.
 */
export async function eventually(check: () => Promise<void> | void, tries = 2400, pauseMs = 50): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await check();
    } catch (error) {
      if (attempt >= tries) throw error;
      await new Promise((done) => setTimeout(done, pauseMs));
    }
  }
}
