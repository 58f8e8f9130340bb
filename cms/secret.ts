import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export const SECRET_FILE = '.payload-secret'

/**
 * PAYLOAD_SECRET from the environment, else from the git-ignored secret file. Outside production a missing
 * file is generated; a production start with neither refuses (a guessable default would sign every session).
 */
export const resolveSecret = (root = process.cwd(), { generate = process.env.NODE_ENV !== 'production' } = {}): string => {
  const fromEnv = process.env.PAYLOAD_SECRET?.trim()
  if (fromEnv) return fromEnv
  const file = process.env.PAYLOAD_SECRET_FILE ?? path.join(root, SECRET_FILE)
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim()
    if (stored.length >= 32) return stored
  }
  if (!generate) {
    throw new Error(
      `PAYLOAD_SECRET is not set and ${file} does not exist. Set PAYLOAD_SECRET (32+ random characters) ` +
        'or start with `npm start`, which generates the file on first start.',
    )
  }
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, `${secret}\n`, { mode: 0o600 })
  return secret
}
