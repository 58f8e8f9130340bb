/** A request the server refuses before any framework code runs: answered as `{ errors: [{ message }] }`. */
export class Rejection extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'Rejection'
  }
}

/** Shortens user input quoted in a message (never echo kilobytes back). */
export const quote = (value: string, max = 40) => JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value)
