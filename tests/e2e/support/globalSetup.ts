import { existsSync } from 'node:fs'
import { preview, type PreviewServer } from 'vite'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
  }
}

let server: PreviewServer | undefined

/** Serves the production build (dist/) on a free localhost port for the browser tests. */
export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) {
    throw new Error('dist/ is missing: run `vite build` first (npm run test:e2e does).')
  }
  server = await preview({
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 4300, strictPort: false, open: false },
  })
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('The preview server did not report its address.')
  project.provide('baseURL', url.replace(/\/$/, ''))
  return async () => {
    await server?.close()
  }
}
