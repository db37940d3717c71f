import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'contracts', root: __dirname, include: ['src/**/*.spec.ts'] },
});
