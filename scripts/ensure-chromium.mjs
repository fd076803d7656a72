// @ts-check
// Makes sure a Chrome/Chromium is installed for the browser tests. On Debian/Ubuntu as root it
// installs Debian's chromium package when none is found; elsewhere it stops with instructions.
// It never lets the browser tests be skipped silently.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { findChromium } from './chromium-path.mjs'

const found = findChromium()
if (found) {
  console.log(`Browser tests will use ${found}`)
  process.exit(0)
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
const hasApt = process.platform === 'linux' && existsSync('/usr/bin/apt-get')

if (isRoot && hasApt) {
  console.log("No Chrome/Chromium found: installing Debian's chromium package (apt-get)…")
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env })
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env,
  })
  const installed = findChromium()
  if (installed) {
    console.log(`Installed ${installed}`)
    process.exit(0)
  }
}

console.error(
  [
    'The browser tests need Chrome or Chromium, and none was found.',
    process.env.CHROMIUM_PATH ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.` : '',
    'Install one, then run the tests again:',
    '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium',
    '  macOS:          install Google Chrome from https://www.google.com/chrome/',
    'Or point CHROMIUM_PATH at an installed Chrome/Chromium executable.',
  ]
    .filter(Boolean)
    .join('\n'),
)
process.exit(1)
