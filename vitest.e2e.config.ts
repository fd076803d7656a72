import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'

/** End-to-end tests: the built app in real headless Chromium (see tests/e2e/README.md). */
export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/support/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
