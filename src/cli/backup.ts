// TEMPORARY scaffold, replaced by the real backup/restore (being written in parallel).
import type { Database } from '../platform/db/database';
export async function backupDatabase(_db: Database, _file: string): Promise<void> {
  throw new Error('backup not written yet');
}
export async function restoreDatabase(_db: Database, _file: string, _options: { force: boolean }): Promise<void> {
  throw new Error('restore not written yet');
}
