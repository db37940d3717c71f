/**
 * How long a test waits for something that should happen (a process to start,
 * a job to finish, a server to come back) before calling it stuck. A ceiling
 * for a hang, never a budget: waits poll for the thing itself and return as
 * soon as it is there, so a quiet machine is not slowed, and a 2-core machine
 * under heavy load (several times slower) still passes.
 */
export const PATIENCE_MS = 5 * 60_000;
