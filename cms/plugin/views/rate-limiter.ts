/** Fixed-window counter per client, in memory (per instance): cheap protection for the view endpoint. */
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>()

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Seconds to wait, or 0 when the request may proceed. */
  take(client: string, now = Date.now()): number {
    if (this.windows.size > 50_000) this.sweep(now)
    const window = this.windows.get(client)
    if (!window || now - window.start >= this.windowMs) {
      this.windows.set(client, { start: now, count: 1 })
      return 0
    }
    window.count++
    return window.count > this.limit ? Math.ceil((window.start + this.windowMs - now) / 1000) : 0
  }

  private sweep(now: number) {
    for (const [client, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(client)
  }
}
