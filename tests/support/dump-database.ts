import type { Payload } from 'payload'

type Row = Record<string, unknown>

interface MongoDb {
  listCollections: () => { toArray: () => Promise<{ name: string }[]> }
  collection: (name: string) => { find: () => { toArray: () => Promise<Row[]> } }
}

/** Every row of every table (or document of every collection), by name: to check what is, and is not, stored. */
export const dumpDatabase = async (payload: Payload): Promise<Record<string, Row[]>> => {
  const db = payload.db as unknown as {
    name: string
    pool?: { query: (sql: string) => Promise<{ rows: Row[] }> }
    client?: { execute: (sql: string) => Promise<{ rows: Row[] }> }
    connection?: { db?: MongoDb }
  }
  const mongo = db.connection?.db
  if (mongo) {
    const dump: Record<string, Row[]> = {}
    for (const { name } of await mongo.listCollections().toArray()) dump[name] = await mongo.collection(name).find().toArray()
    return dump
  }
  const query = async (sql: string): Promise<Row[]> => {
    if (db.pool) return (await db.pool.query(sql)).rows
    if (db.client) return (await db.client.execute(sql)).rows.map((row) => ({ ...row }))
    throw new Error(`cannot dump a ${db.name} database`)
  }
  const tables = db.pool
    ? (await query(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`)).map((r) => String(r.name))
    : (await query(`SELECT name FROM sqlite_master WHERE type = 'table'`)).map((r) => String(r.name))
  const dump: Record<string, Row[]> = {}
  for (const table of tables) dump[table] = await query(`SELECT * FROM "${table.replace(/"/g, '""')}"`)
  return dump
}
