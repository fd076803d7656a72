import { createServer, type Server } from 'node:http'
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
}

export interface CopiedSite {
  url: string
  root: string
  close(): Promise<void>
}

/**
 * Serves a private copy of dist/ so a test can change files on disk (e.g. deploy a "new
 * version" of sw.js) without touching the build other tests use.
 */
export async function serveCopyOfDist(): Promise<CopiedSite> {
  const root = await mkdtemp(join(tmpdir(), 'isms-dist-'))
  await cp('dist', root, { recursive: true })
  const site = await serveDirectory(root)
  return {
    ...site,
    close: async () => {
      await site.close()
      await rm(root, { recursive: true, force: true })
    },
  }
}

/**
 * Serves a folder on a free localhost port. Unknown paths without an extension get
 * index.html, as a single-page app host does.
 */
export async function serveDirectory(root: string): Promise<CopiedSite> {
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname))
    const file = join(root, path === '/' || !extname(path) ? 'index.html' : path)
    if (!file.startsWith(root)) {
      response.writeHead(403).end()
      return
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-cache',
        })
        response.end(body)
      },
      () => response.writeHead(404).end('not found'),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('no address')
  return {
    url: `http://127.0.0.1:${address.port}`,
    root,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
