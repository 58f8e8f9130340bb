import type { TestProject } from 'vitest/node'
import { startMongoStandIn } from '../../scripts/mongodb-stand-in.mjs'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the MongoDB server the mongodb project runs against (suites add their own database name). */
    mongodbUrl: string
    /** True when that server is the in-process wire-compatible stand-in, not a real MongoDB. */
    mongodbStandIn: boolean
  }
}

/**
 * globalSetup of the mongodb project only, so the other projects never start it: MONGODB_URL when given (a real
 * server), else the in-process stand-in, stopped when the run ends.
 */
export default async function setup(project: TestProject) {
  if (process.env.MONGODB_URL) {
    project.provide('mongodbUrl', process.env.MONGODB_URL)
    project.provide('mongodbStandIn', false)
    return
  }
  const standIn = await startMongoStandIn()
  project.provide('mongodbUrl', standIn.url)
  project.provide('mongodbStandIn', true)
  return () => standIn.stop()
}
