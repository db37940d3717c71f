import { defineConfig } from 'vitest/config';
import { GENEROUS_TIMEOUTS } from '../../vitest.timeouts.mts';
import { apiResolve } from './vite.shared.mts';

export default defineConfig({
  root: import.meta.dirname,
  resolve: apiResolve,
  test: {
    name: 'api',
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    ...GENEROUS_TIMEOUTS,
  },
});
