/**
 * Fault injection for database tests: a Dexie DBCore middleware that counts writes and can make
 * the k-th one fail, to prove an operation is all or nothing (see RELIABILITY.md).
 */
import type { DBCore, Middleware } from 'dexie'
import { db } from '@/db/database'

const MIDDLEWARE_NAME = 'count-writes'

async function withMiddleware<T>(
  middleware: Middleware<DBCore>,
  run: () => Promise<T>,
): Promise<T> {
  db.close()
  db.use(middleware)
  await db.open()
  try {
    return await run()
  } finally {
    db.close()
    db.unuse({ stack: 'dbcore', name: MIDDLEWARE_NAME })
    await db.open()
  }
}

function writeCounter(onWrite: (n: number) => void): Middleware<DBCore> {
  let writes = 0
  return {
    stack: 'dbcore',
    name: MIDDLEWARE_NAME,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name)
        return {
          ...table,
          mutate: (request) => {
            try {
              onWrite(++writes)
            } catch (error) {
              return Promise.reject(error)
            }
            return table.mutate(request)
          },
        }
      },
    }),
  }
}

export async function countWrites(run: () => Promise<unknown>): Promise<number> {
  let total = 0
  await withMiddleware(
    writeCounter((n) => (total = n)),
    run,
  )
  return total
}

export async function failingWrite(k: number, run: () => Promise<unknown>): Promise<unknown> {
  const fail = (n: number) => {
    if (n === k) throw new Error(`write ${k} failed`)
  }
  return withMiddleware(writeCounter(fail), run)
}
