// A use case's own transaction, as the database of another domain's use case called inside it
// (a need following a referral): the other use case's `tx` runs in this one, so both commit or
// neither does.
import type { Db, Queryable } from '../../platform/db/database';

export function inThisTransaction(db: Db, q: Queryable): Db {
  return {
    engine: db.engine,
    query: <Row>(text: string, values?: readonly unknown[]) => q.query<Row>(text, values),
    tx: <T>(work: (inner: Queryable) => Promise<T>) => work(q),
  };
}
