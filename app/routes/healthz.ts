import { sql } from 'drizzle-orm'
import { getDb } from '../../db/client.server'

/** Liveness and database check for load balancers and the start-up script. */
export async function loader() {
  try {
    getDb().get<{ ok: number }>(sql`select 1 as ok`)
    return Response.json({ status: 'ok', database: 'ok' }, { headers: { 'Cache-Control': 'no-store' } })
  } catch (error) {
    console.error('healthz: database check failed', error)
    return Response.json({ status: 'error', database: 'unavailable' }, { status: 503 })
  }
}
