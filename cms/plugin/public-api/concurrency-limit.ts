/**
 * At most `limit` tasks at a time, the rest wait in order. Bursts (a thousand page views, a crawler walking the
 * sitemap) then queue here, in memory, instead of in the database pool, whose wait for a free connection times out.
 * A task that waited longer than `maxWaitMs` is not started: it fails with `onTimeout()` (the caller answers 503).
 */
export class ConcurrencyLimit {
  private active = 0
  private readonly waiting: { start: () => void; fail: () => void; since: number; cancelled: boolean }[] = []

  constructor(
    private readonly limit: number,
    private readonly maxWaitMs = Infinity,
    private readonly onTimeout: () => Error = () => new Error('Too busy'),
  ) {}

  get running() {
    return this.active
  }

  get queued() {
    return this.waiting.length
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await this.wait()
    else this.active++
    try {
      return await task()
    } finally {
      this.release()
    }
  }

  private wait() {
    return new Promise<void>((resolve, reject) => {
      const ticket = { start: resolve, fail: () => reject(this.onTimeout()), since: performance.now(), cancelled: false }
      this.waiting.push(ticket)
      if (this.maxWaitMs === Infinity) return
      const timer = setTimeout(() => {
        ticket.cancelled = true
        reject(this.onTimeout())
      }, this.maxWaitMs)
      timer.unref?.()
      ticket.start = () => {
        clearTimeout(timer)
        resolve()
      }
    })
  }

  private release() {
    for (let next = this.waiting.shift(); next; next = this.waiting.shift()) {
      if (next.cancelled) continue
      // Also checked here: a busy event loop (synchronous database calls) can delay the timer past the deadline.
      if (performance.now() - next.since > this.maxWaitMs) {
        next.cancelled = true
        next.fail()
        continue
      }
      // The slot passes to the next live waiter (active stays the same).
      return next.start()
    }
    this.active--
  }
}
