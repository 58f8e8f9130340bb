import { pngFile } from './fixtures'

export interface HttpReply {
  status: number
  headers: Headers
  text: string
  json: any
}

/** Payload's REST API over real HTTP (a started server), as the holder of `token` or anonymously. */
export const httpRest = async (
  baseUrl: string,
  method: string,
  path: string,
  { token, body, headers = {} }: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<HttpReply> => {
  const init: RequestInit = { method, headers: { ...headers, ...(token ? { Authorization: `JWT ${token}` } : {}) } }
  if (body instanceof FormData || typeof body === 'string') init.body = body
  else if (body !== undefined) {
    init.body = JSON.stringify(body)
    ;(init.headers as Record<string, string>)['Content-Type'] = 'application/json'
  }
  const response = await fetch(`${baseUrl}${path}`, init)
  const text = await response.text()
  let json: any
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  return { status: response.status, headers: response.headers, text, json }
}

export const httpLogin = async (baseUrl: string, email: string, password: string): Promise<string> => {
  const { status, json } = await httpRest(baseUrl, 'POST', '/api/users/login', { body: { email, password } })
  if (status !== 200 || !json?.token) throw new Error(`login failed for ${email}: ${status}`)
  return json.token as string
}

/** On an empty database (SEED_ON_EMPTY=false), Payload's first-register creates the first user; here an admin. */
export const registerFirstAdmin = async (baseUrl: string, email: string, password: string): Promise<string> => {
  const { status, json, text } = await httpRest(baseUrl, 'POST', '/api/users/first-register', { body: { email, password, roles: ['admin'] } })
  if (status !== 200 || !json?.token) throw new Error(`first-register failed: ${status} ${text.slice(0, 200)}`)
  return json.token as string
}

/** Creates a document and returns it, failing loudly on anything but 201. */
export const httpCreate = async (baseUrl: string, token: string, collection: string, data: unknown, query = '') => {
  const { status, json, text } = await httpRest(baseUrl, 'POST', `/api/${collection}${query}`, { token, body: data })
  if (status !== 201) throw new Error(`create ${collection} failed: ${status} ${text.slice(0, 300)}`)
  return json.doc as { id: number | string } & Record<string, any>
}

/** Uploads a generated PNG to media. */
export const httpUpload = async (baseUrl: string, token: string, name: string, alt: string, color?: string) => {
  const file = await pngFile(name, color)
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file.data)], { type: 'image/png' }), file.name)
  form.append('_payload', JSON.stringify({ alt }))
  const { status, json, text } = await httpRest(baseUrl, 'POST', '/api/media', { token, body: form })
  if (status !== 201) throw new Error(`upload failed: ${status} ${text.slice(0, 300)}`)
  return json.doc as { id: number | string; filename: string; sizes?: Record<string, { filename?: string | null }> } & Record<string, any>
}
