import { readFileSync } from 'node:fs'
import { binaryString } from '@/reports/fonts'
import type { ReportFonts } from '@/reports/gapReportPdf'

/** The report font as the app fetches it, read from the files the build ships. */
export function testFonts(): ReportFonts {
  const read = (file: string) => binaryString(readFileSync(`src/reports/fonts/${file}`))
  return { regular: read('DejaVuSans-Report.ttf'), bold: read('DejaVuSans-Bold-Report.ttf') }
}
