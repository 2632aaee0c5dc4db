// TEMPORARY scaffold, replaced by the real generator (being written in parallel).
import type { Database } from '../platform/db/database';

export interface DemoLogin {
  role: string;
  email: string;
  organization: string;
}

export async function networkIsEmpty(db: Database): Promise<boolean> {
  const rows = await db.query<{ n: number }>('SELECT count(*) AS n FROM organizations');
  return rows[0]!.n === 0;
}

export async function seedDemo(
  _db: Database,
  _options: { seed: number; onProgress?: (done: number, total: number) => void },
): Promise<{ logins: DemoLogin[] }> {
  throw new Error('demo generator not written yet');
}
