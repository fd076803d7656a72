// @ts-check
// Draws the app icons (a white shield with a check mark on the theme colour) as PNG files in
// public/. Run once after changing the design: `node scripts/make-icons.mjs`. No image library
// is needed: the PNG is encoded by hand with zlib.
import { deflateSync } from 'node:zlib'
import { writeFileSync, mkdirSync } from 'node:fs'

const THEME = [0x1d, 0x4e, 0x89] // #1d4e89
const WHITE = [0xff, 0xff, 0xff]

/** @param {Buffer} buf */
function crc32(buf) {
  let c = ~0
  for (const byte of buf) {
    c ^= byte
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1
  }
  return ~c >>> 0
}

/** @param {string} type @param {Buffer} data */
function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

/** @param {number} size @param {(x: number, y: number) => number[]} pixel RGBA */
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5)
      raw.set([r ?? 0, g ?? 0, b ?? 0, a ?? 255], y * (size * 4 + 1) + 1 + x * 4)
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr[8] = 8
  ihdr[9] = 6
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([
    sig,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/**
 * Distance from point p to segment ab, all in unit coordinates.
 * @param {number} px @param {number} py @param {number} ax @param {number} ay
 * @param {number} bx @param {number} by
 */
function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax
  const dy = by - ay
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy))
}

/**
 * Shield with check mark in unit square coordinates, scaled by `k` around the centre.
 * @param {number} u @param {number} v @param {number} k
 */
function shieldPixel(u, v, k) {
  const x = (u - 0.5) / k + 0.5
  const y = (v - 0.5) / k + 0.5
  const halfWidth = y < 0.55 ? 0.3 : 0.3 * Math.max(0, (0.88 - y) / 0.33)
  const inShield = y > 0.14 && y < 0.88 && Math.abs(x - 0.5) < halfWidth
  if (!inShield) return null
  const check = Math.min(
    segDist(x, y, 0.36, 0.5, 0.46, 0.62),
    segDist(x, y, 0.46, 0.62, 0.65, 0.38),
  )
  return check < 0.045 ? THEME : WHITE
}

/** @param {number} size @param {{ maskable: boolean }} opts */
function icon(size, { maskable }) {
  return png(size, (px, py) => {
    const u = px / size
    const v = py / size
    // Maskable icons keep their drawing inside the central 80 % safe zone and fill the square.
    const k = maskable ? 0.72 : 1
    const r = maskable ? 0 : 0.18
    const cx = Math.min(Math.max(u, r), 1 - r)
    const cy = Math.min(Math.max(v, r), 1 - r)
    if (!maskable && Math.hypot(u - cx, v - cy) > r) return [0, 0, 0, 0]
    const s = shieldPixel(u, v, k)
    return [...(s ?? THEME), 255]
  })
}

mkdirSync('public', { recursive: true })
writeFileSync('public/pwa-192x192.png', icon(192, { maskable: false }))
writeFileSync('public/pwa-512x512.png', icon(512, { maskable: false }))
writeFileSync('public/maskable-512x512.png', icon(512, { maskable: true }))
writeFileSync('public/apple-touch-icon-180x180.png', icon(180, { maskable: true }))
writeFileSync('public/favicon-32x32.png', icon(32, { maskable: false }))
console.log('icons written to public/')
