import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { GENEROUS_TIMEOUTS } from '../vitest.timeouts.mts';

export default defineConfig({
  root: import.meta.dirname,
  resolve: { alias: { '@vitrina/contracts': resolve(import.meta.dirname, '../libs/contracts/src/index.ts') } },
  test: {
    name: 'e2e',
    include: ['specs/**/*.spec.ts'],
    globalSetup: ['support/global-setup.ts'],
    fileParallelism: false,
    ...GENEROUS_TIMEOUTS,
  },
});
