/**
 * A request refused with a 4xx (or a deliberate 5xx): answered as `{ errors: [{ message }] }` with its status and
 * headers, by the front server before any framework code runs and by the public endpoints inside Payload alike.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

/** Shortens user input quoted in a message (never echo kilobytes back). */
export const quote = (value: string, max = 40) => JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value)
