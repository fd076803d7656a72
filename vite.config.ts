/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'
import { pwaOptions } from './pwa.config.ts'
import packageJson from './package.json' with { type: 'json' }

/**
 * The built app's Content-Security-Policy: no inline script, no remote origin. Only for the
 * build: the dev server injects styles inline.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ')

function contentSecurityPolicy(): Plugin {
  return {
    name: 'isms:csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  }
}

export default defineConfig({
  plugins: [vue(), VitePWA(pwaOptions), contentSecurityPolicy()],
  define: { __APP_VERSION__: JSON.stringify(packageJson.version) },
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    target: 'es2022',
    // Inlined assets would be data: URLs in CSS; keep files so the CSP stays simple.
    assetsInlineLimit: 0,
  },
  preview: { host: '127.0.0.1' },
  test: {
    setupFiles: ['tests/setup.ts'],
    // Vitest keeps a core free by default, which on a two-core machine is one file at a time;
    // two at a time takes the unit tests from about 105 s to 70 s there.
    maxWorkers: 2,
    // The domain, the database and the reports need no DOM: they run in Node, which starts in a
    // fraction of the time a DOM environment takes for each file. Components get happy-dom.
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/unit/{domain,db,reports,import}/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.ts'],
          exclude: ['tests/unit/{domain,db,reports,import}/**'],
        },
      },
    ],
  },
})
