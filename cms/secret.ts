import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export const SECRET_FILE = '.payload-secret'
export const MIN_SECRET_LENGTH = 32

/**
 * PAYLOAD_SECRET from the environment, else from the git-ignored secret file. Outside production a missing
 * file is generated; a production start with neither refuses (a guessable default would sign every session).
 */
export const resolveSecret = (root = process.cwd(), { generate = process.env.NODE_ENV !== 'production' } = {}): string => {
  const fromEnv = process.env.PAYLOAD_SECRET?.trim()
  // A short secret is a guessable one ("changeme", "secret"): it would sign every session.
  if (fromEnv && fromEnv.length < MIN_SECRET_LENGTH) {
    throw new Error(`PAYLOAD_SECRET is too short (${fromEnv.length} characters). Use ${MIN_SECRET_LENGTH}+ random characters, e.g. \`openssl rand -hex 32\`.`)
  }
  if (fromEnv) return fromEnv
  const file = process.env.PAYLOAD_SECRET_FILE ?? path.join(root, SECRET_FILE)
  // The secret file is read at run time, never bundled: the ignore comments keep Next from tracing the whole project.
  if (existsSync(/*turbopackIgnore: true*/ file)) {
    const stored = readFileSync(/*turbopackIgnore: true*/ file, 'utf8').trim()
    if (stored.length >= MIN_SECRET_LENGTH) return stored
  }
  if (!generate) {
    throw new Error(
      `PAYLOAD_SECRET is not set and ${file} does not exist. Set PAYLOAD_SECRET (${MIN_SECRET_LENGTH}+ random characters) ` +
        'or start with `npm start`, which generates the file on first start.',
    )
  }
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, `${secret}\n`, { mode: 0o600 })
  return secret
}
