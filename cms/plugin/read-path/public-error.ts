/** An error the public endpoints answer with its status and message (4xx), instead of letting Payload turn it into a 500. */
export class PublicError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers?: Record<string, string>,
  ) {
    super(message)
    this.name = 'PublicError'
  }
}
