// @ts-check
// Makes sure LibreOffice Calc is installed for the spreadsheet tests, which open the CSV and XLSX
// exports as a client's spreadsheet would (tests/unit/reports/libreoffice.test.ts). On
// Debian/Ubuntu as root it installs Debian's libreoffice-calc-nogui package when no soffice is
// found; elsewhere it stops with instructions. It never lets those tests be skipped silently.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { delimiter, join } from 'node:path'

/** The soffice to use: SOFFICE_PATH, else the first on PATH, else null. */
function findSoffice() {
  const configured = process.env.SOFFICE_PATH
  if (configured) return existsSync(configured) ? configured : null
  const onPath = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'soffice'))
  return (
    [...onPath, '/Applications/LibreOffice.app/Contents/MacOS/soffice'].find(existsSync) ?? null
  )
}

const found = findSoffice()
if (found) {
  console.log(`Spreadsheet tests will use ${found}`)
  process.exit(0)
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
const hasApt = process.platform === 'linux' && existsSync('/usr/bin/apt-get')

if (isRoot && hasApt && !process.env.SOFFICE_PATH) {
  console.log("No LibreOffice found: installing Debian's libreoffice-calc-nogui package (apt-get)…")
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env })
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'libreoffice-calc-nogui'], {
    stdio: 'inherit',
    env,
  })
  const installed = findSoffice()
  if (installed) {
    console.log(`Installed ${installed}`)
    process.exit(0)
  }
}

console.error(
  [
    'The spreadsheet tests need LibreOffice Calc (soffice), and none was found.',
    process.env.SOFFICE_PATH ? `SOFFICE_PATH=${process.env.SOFFICE_PATH} does not exist.` : '',
    'Install it, then run the tests again:',
    '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y libreoffice-calc-nogui',
    '  macOS:          install LibreOffice from https://www.libreoffice.org/',
    'Or point SOFFICE_PATH at an installed soffice executable.',
  ]
    .filter(Boolean)
    .join('\n'),
)
process.exit(1)
