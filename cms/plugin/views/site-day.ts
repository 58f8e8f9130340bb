/**
 * Calendar days in the site's time zone (an IANA name, default Asia/Shanghai): a newsroom in China counts
 * "today" from its own midnight, not UTC's (08:00 there). Used by the once-per-day view rule and the daily stats.
 */
const DAY_MS = 86_400_000
const formatters = new Map<string, Intl.DateTimeFormat>()

const formatter = (timeZone: string) => {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
    formatters.set(timeZone, f)
  }
  return f
}

/** Throws a RangeError for a time zone the runtime does not know, so a typo fails at startup. */
export const assertTimeZone = (timeZone: string) => void formatter(timeZone).format(0)

/** Milliseconds the zone's wall clock is ahead of UTC at `now`. */
const offsetAt = (timeZone: string, now: number) => {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(now).map((p) => [p.type, p.value]))
  const wall = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!)
  return wall - Math.floor(now / 1000) * 1000
}

/** YYYY-MM-DD of `now` in the zone. */
export const siteDay = (timeZone: string, now: number) => new Date(now + offsetAt(timeZone, now)).toISOString().slice(0, 10)

/** The instant the zone's next day begins after `now` (for expiring the day's receipts). */
export const nextSiteMidnight = (timeZone: string, now: number) => {
  const offset = offsetAt(timeZone, now)
  return Math.floor((now + offset) / DAY_MS) * DAY_MS + DAY_MS - offset
}
