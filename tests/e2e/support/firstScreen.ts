import { gzipSync } from 'node:zlib'
import type { Browser } from 'playwright-core'
import { openApp } from './browser'

export interface LoadedFile {
  url: string
  type: 'script' | 'stylesheet'
  bytes: number
  gzipBytes: number
  text: string
}

export interface FirstScreen {
  files: LoadedFile[]
  jsGzip: number
  cssGzip: number
}

/**
 * Loads the start page in a fresh profile and measures every script and stylesheet it fetched,
 * gzip-compressed at level 9 as a server would send them.
 */
export async function measureFirstScreen(browser: Browser): Promise<FirstScreen> {
  const { context, page } = await openApp(browser)
  const pending: Promise<LoadedFile | null>[] = []
  page.on('response', (response) => {
    const type = response.request().resourceType()
    if (type !== 'script' && type !== 'stylesheet') return
    pending.push(
      response.body().then((body) => ({
        url: new URL(response.url()).pathname,
        type,
        bytes: body.length,
        gzipBytes: gzipSync(body, { level: 9 }).length,
        text: body.toString('utf8'),
      })),
    )
  })
  await page.goto('/')
  await page.getByRole('heading', { name: 'Assessments', level: 1 }).waitFor()
  await page.waitForLoadState('networkidle')
  const files = (await Promise.all(pending)).filter((f): f is LoadedFile => f !== null)
  await context.close()
  const sum = (type: LoadedFile['type']) =>
    files.filter((f) => f.type === type).reduce((total, f) => total + f.gzipBytes, 0)
  return { files, jsGzip: sum('script'), cssGzip: sum('stylesheet') }
}

export const FIRST_SCREEN_BUDGET = { jsGzip: 110 * 1024, cssGzip: 15 * 1024 } as const
