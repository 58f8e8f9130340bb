import type { RegionEntry } from './region-model.js'

const rad = Math.PI / 180

/** Great-circle distance in km (haversine). */
export function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2
  return 12742 * Math.asin(Math.sqrt(a))
}

/** The entry whose coordinates are closest; entries without coordinates are skipped. */
export function nearestRegion(entries: RegionEntry[], lat: number, lng: number): RegionEntry | undefined {
  let best: RegionEntry | undefined
  let bestKm = Infinity
  for (const e of entries) {
    const { lat: la, lng: lo } = e.node
    if (la == null || lo == null) continue
    const km = distanceKm(lat, lng, la, lo)
    if (km < bestKm) [best, bestKm] = [e, km]
  }
  return best
}
