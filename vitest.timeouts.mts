/**
 * Time limits shared by every vitest project. They are ceilings for a test
 * that has hung, never budgets a test must meet: a 2-core machine running
 * other work (load average 5 to 8) makes everything several times slower, and
 * a test must still pass there. Waits inside tests poll for readiness instead.
 */
export const GENEROUS_TIMEOUTS = {
  testTimeout: 10 * 60_000,
  hookTimeout: 10 * 60_000,
  teardownTimeout: 5 * 60_000,
  /** expect.poll and vi.waitFor give up after one second by default. */
  expect: { poll: { timeout: 3 * 60_000, interval: 100 } },
} as const;

/** For waits inside tests (page.waitFor, testing-library's findBy…): as generous as the rest. */
export const GENEROUS_WAIT_MS = 3 * 60_000;
