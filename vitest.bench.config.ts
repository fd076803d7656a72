import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'

/** `npm run bench`: measurements printed as figures, never asserted on time (see bench/README.md). */
export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  test: {
    environment: 'node',
    include: ['bench/**/*.measure.ts'],
    globalSetup: ['tests/e2e/support/globalSetup.ts'],
    fileParallelism: false,
    disableConsoleIntercept: true,
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
})
