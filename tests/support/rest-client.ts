import { handleEndpoints } from 'payload'
import type { BootedPayload } from './boot-payload'

export interface RestOptions {
  body?: unknown
  token?: string
  headers?: Record<string, string>
}

/**
 * Payload's REST API as HTTP: a real Request through Payload's own router (what Next's route handler calls),
 * on the instance the test booted.
 */
export const rest = async (booted: BootedPayload, method: string, path: string, options: RestOptions = {}) => {
  const headers: Record<string, string> = { ...options.headers }
  if (options.token) headers.Authorization = `JWT ${options.token}`
  let body: BodyInit | undefined
  if (options.body instanceof FormData) body = options.body
  else if (options.body !== undefined) {
    headers['Content-Type'] ??= 'application/json'
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
  }
  const response = await handleEndpoints({
    config: booted.payload.config,
    payloadInstanceCacheKey: booted.database.url,
    request: new Request(`http://localhost${path}`, { method, headers, body }),
  })
  const text = await response.text()
  let json: any
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  return { status: response.status, headers: response.headers, text, json }
}

/** Logs a user in through REST and returns the JWT. */
export const login = async (booted: BootedPayload, email: string, password: string, collection = 'users') => {
  const { status, json } = await rest(booted, 'POST', `/api/${collection}/login`, { body: { email, password } })
  if (status !== 200 || !json?.token) throw new Error(`login failed for ${email}: ${status}`)
  return json.token as string
}
