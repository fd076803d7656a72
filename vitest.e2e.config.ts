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
    // Two files at a time (one browser each) on two cores: about a fifth faster than one at a
    // time. Every wait is generous so that this load, or any other, cannot fail a test.
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll gives up after 1 s by default: far too little for a loaded machine.
    expect: { poll: { timeout: 15_000 } },
  },
})
