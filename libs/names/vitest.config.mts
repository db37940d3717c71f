import { defineConfig } from 'vitest/config';
import { GENEROUS_TIMEOUTS } from '../../vitest.timeouts.mts';

export default defineConfig({
  test: { name: 'names', root: import.meta.dirname, include: ['src/**/*.spec.ts'], ...GENEROUS_TIMEOUTS },
});
