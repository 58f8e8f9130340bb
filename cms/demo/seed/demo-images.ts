// Demo cover images, drawn locally: a gradient, a faint logistics network and an isometric stack of
// plastic pallets. Pure shapes, no text, so the result never depends on installed fonts.
import sharp from 'sharp'

export const COVER_WIDTH = 1600
export const COVER_HEIGHT = 1000

interface Palette {
  from: string
  to: string
  pallet: string
  box: string
  glow: string
}

const PALETTES: Palette[] = [
  { from: '#0b3d5c', to: '#1c7c8c', pallet: '#2f8cf0', box: '#d9b27c', glow: '#7fe3d6' },
  { from: '#14213d', to: '#2f4f82', pallet: '#f4a024', box: '#cfd8e6', glow: '#ffd38a' },
  { from: '#123d2f', to: '#2f8a66', pallet: '#2b2f36', box: '#e6c48e', glow: '#b9f0c9' },
  { from: '#2a1f4a', to: '#5a4fa3', pallet: '#39c0ba', box: '#e9d3b0', glow: '#b8b0ff' },
  { from: '#3b2a20', to: '#8a5a3c', pallet: '#3d7be0', box: '#f0ddbf', glow: '#ffc49a' },
  { from: '#1d2b36', to: '#48667a', pallet: '#59b25f', box: '#d8c39a', glow: '#a8dcff' },
]

/** Deterministic PRNG so a slug always yields the same picture. */
const random = (seed: string) => {
  let h = 2166136261
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619)
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507)
    h = Math.imul(h ^ (h >>> 13), 3266489909)
    return ((h ^= h >>> 16) >>> 0) / 4294967296
  }
}

const shade = (hex: string, factor: number) => {
  const n = Number.parseInt(hex.slice(1), 16)
  const channel = (shift: number) => {
    const c = (n >> shift) & 255
    const v = factor < 0 ? c * (1 + factor) : c + (255 - c) * factor
    return Math.round(Math.max(0, Math.min(255, v)))
      .toString(16)
      .padStart(2, '0')
  }
  return `#${channel(16)}${channel(8)}${channel(0)}`
}

type Point = [number, number]
const COS30 = Math.cos(Math.PI / 6)
const SIN30 = 0.5

/** Isometric projection around an origin on the canvas; units are millimetres scaled by `scale`. */
const iso =
  (ox: number, oy: number, scale: number) =>
  (x: number, y: number, z: number): Point => [ox + (x - y) * COS30 * scale, oy + (x + y) * SIN30 * scale - z * scale]

const poly = (points: Point[], fill: string, extra = '') =>
  `<polygon points="${points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')}" fill="${fill}"${extra}/>`

type Project = ReturnType<typeof iso>

/** A 1200×1000 pallet, 150 high, standing at height z: slatted deck and two fork openings per side. */
const pallet = (P: Project, z: number, colour: string): string => {
  const W = 1200
  const D = 1000
  const H = 150
  const deck = 30
  const base = 22
  const top = shade(colour, 0.12)
  const right = shade(colour, -0.18)
  const front = shade(colour, -0.35)
  const hole = shade(colour, -0.72)
  const parts = [
    poly([P(0, 0, z + H), P(W, 0, z + H), P(W, D, z + H), P(0, D, z + H)], top),
    poly([P(W, 0, z + H), P(W, D, z + H), P(W, D, z), P(W, 0, z)], right),
    poly([P(0, D, z + H), P(W, D, z + H), P(W, D, z), P(0, D, z)], front),
  ]
  // Gaps between deck boards.
  for (let i = 1; i < 7; i++) {
    const y = (D / 7) * i
    parts.push(poly([P(0, y - 6, z + H), P(W, y - 6, z + H), P(W, y + 6, z + H), P(0, y + 6, z + H)], shade(colour, -0.1)))
  }
  // Fork openings between the three blocks on each visible side.
  const openings = (length: number, block: number) => [
    [block, length / 2 - block / 2],
    [length / 2 + block / 2, length - block],
  ]
  for (const [a, b] of openings(D, 170)) {
    parts.push(poly([P(W, a, z + H - deck), P(W, b, z + H - deck), P(W, b, z + base), P(W, a, z + base)], hole))
  }
  for (const [a, b] of openings(W, 190)) {
    parts.push(poly([P(a, D, z + H - deck), P(b, D, z + H - deck), P(b, D, z + base), P(a, D, z + base)], hole))
  }
  return parts.join('')
}

/** A carton with a strip of tape, from (x, y, z) with sides w × d × h. */
const carton = (P: Project, x: number, y: number, z: number, w: number, d: number, h: number, colour: string): string => {
  const tape = shade(colour, -0.25)
  return [
    poly([P(x, y, z + h), P(x + w, y, z + h), P(x + w, y + d, z + h), P(x, y + d, z + h)], shade(colour, 0.15)),
    poly([P(x + w, y, z + h), P(x + w, y + d, z + h), P(x + w, y + d, z), P(x + w, y, z)], shade(colour, -0.12)),
    poly([P(x, y + d, z + h), P(x + w, y + d, z + h), P(x + w, y + d, z), P(x, y + d, z)], shade(colour, -0.28)),
    poly([P(x + w / 2 - 18, y, z + h), P(x + w / 2 + 18, y, z + h), P(x + w / 2 + 18, y + d, z + h), P(x + w / 2 - 18, y + d, z + h)], tape),
  ].join('')
}

/** A stack of pallets, optionally loaded with two layers of cartons. */
const stack = (P: Project, count: number, colour: string, loaded: boolean, boxColour: string): string => {
  let svg = ''
  for (let i = 0; i < count; i++) svg += pallet(P, i * 150, colour)
  if (loaded) {
    const z0 = count * 150
    // Back-to-front so nearer cartons overlap farther ones.
    for (let layer = 0; layer < 2; layer++) {
      for (const [x, y] of [
        [0, 0],
        [600, 0],
        [0, 500],
        [600, 500],
      ]) {
        svg += carton(P, x! + 10, y! + 10, z0 + layer * 270, 580, 480, 270, boxColour)
      }
    }
  }
  return svg
}

/** A faint network of routes: hubs joined by lines, the logistics backdrop. */
const network = (rand: () => number, colour: string): string => {
  const hubs: Point[] = Array.from({ length: 9 }, () => [80 + rand() * 1440, 60 + rand() * 880])
  let svg = ''
  hubs.forEach(([x, y], i) => {
    const [nx, ny] = hubs[(i + 1 + Math.floor(rand() * 3)) % hubs.length]!
    svg += `<line x1="${x.toFixed(0)}" y1="${y.toFixed(0)}" x2="${nx.toFixed(0)}" y2="${ny.toFixed(0)}" stroke="${colour}" stroke-opacity="0.22" stroke-width="2" stroke-dasharray="10 12"/>`
  })
  for (const [x, y] of hubs) {
    svg += `<circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="16" fill="${colour}" fill-opacity="0.12"/><circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="5" fill="${colour}" fill-opacity="0.55"/>`
  }
  return svg
}

/** The SVG of one cover; `seed` (the article slug) picks the arrangement and, unless given, the palette. */
export const coverSvg = (seed: string, paletteIndex?: number): string => {
  const rand = random(seed)
  const picked = Math.floor(rand() * PALETTES.length)
  const palette = PALETTES[(paletteIndex ?? picked) % PALETTES.length]!
  const mirrored = rand() < 0.5
  const count = 2 + Math.floor(rand() * 3)
  const loaded = rand() < 0.6
  const scale = 0.28 + rand() * 0.04
  // Footprint centre of the main stack, its floor at y = 820 so the tallest load still fits.
  const cx = mirrored ? 560 : 1040
  const floor = 820
  const main = iso(cx - 100 * COS30 * scale, floor - 1100 * SIN30 * scale, scale)
  const sideScale = scale * 0.75
  const sideX = cx + (mirrored ? 470 : -470)
  const side = iso(sideX - 100 * COS30 * sideScale, floor - 150 - 1100 * SIN30 * sideScale, sideScale)
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${COVER_WIDTH}" height="${COVER_HEIGHT}" viewBox="0 0 ${COVER_WIDTH} ${COVER_HEIGHT}">
<defs>
<linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${palette.from}"/><stop offset="1" stop-color="${palette.to}"/></linearGradient>
<radialGradient id="glow" cx="0.5" cy="0.5" r="0.5"><stop offset="0" stop-color="${palette.glow}" stop-opacity="0.35"/><stop offset="1" stop-color="${palette.glow}" stop-opacity="0"/></radialGradient>
</defs>
<rect width="100%" height="100%" fill="url(#bg)"/>
${network(rand, palette.glow)}
<circle cx="${cx}" cy="${floor - 260}" r="480" fill="url(#glow)"/>
<ellipse cx="${sideX}" cy="${floor - 150}" rx="${(560 * sideScale * 1.9).toFixed(0)}" ry="${(560 * sideScale * 0.62).toFixed(0)}" fill="#000" fill-opacity="0.14"/>
${stack(side, Math.max(1, count - 2), shade(palette.pallet, -0.08), false, palette.box)}
<ellipse cx="${cx}" cy="${floor}" rx="${(560 * scale * 1.9).toFixed(0)}" ry="${(560 * scale * 0.62).toFixed(0)}" fill="#000" fill-opacity="0.2"/>
${stack(main, count, palette.pallet, loaded, palette.box)}
</svg>`
}

/** A cover as a JPEG buffer, ready for an upload. */
export const renderCover = async (seed: string, paletteIndex?: number): Promise<Buffer> =>
  sharp(Buffer.from(coverSvg(seed, paletteIndex))).jpeg({ quality: 84, mozjpeg: true }).toBuffer()
