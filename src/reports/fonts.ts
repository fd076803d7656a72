/**
 * The report font, fetched when a PDF is made (never on the first screen). The files are
 * precached by the service worker with the app (pwa.config.ts), so a PDF can be made offline.
 */
import regularUrl from './fonts/DejaVuSans-Report.ttf?url'
import boldUrl from './fonts/DejaVuSans-Bold-Report.ttf?url'
import type { ReportFonts } from './gapReportPdf'

/** Bytes as a binary string (one char per byte), the form jsPDF's font store takes. */
export function binaryString(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)
  let out = ''
  const chunk = 0x8000
  for (let i = 0; i < view.length; i += chunk) {
    out += String.fromCharCode(...view.subarray(i, i + chunk))
  }
  return out
}

let loaded: Promise<ReportFonts> | null = null

async function fetchFont(url: string): Promise<string> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`The report font could not be loaded (${response.status}).`)
  return binaryString(await response.arrayBuffer())
}

/** Both faces, fetched once per page load. A failed fetch is retried at the next export. */
export function loadReportFonts(): Promise<ReportFonts> {
  loaded ??= Promise.all([fetchFont(regularUrl), fetchFont(boldUrl)]).then(([regular, bold]) => ({
    regular,
    bold,
  }))
  loaded.catch(() => {
    loaded = null
  })
  return loaded
}
