// `npm run db:types`: migrates an empty in-memory database and writes src/platform/db/tables.generated.ts.
import { migrate } from '../src/platform/db/migrate';
import { openEmbeddedDatabase } from '../src/platform/db/open';
import { renderTableTypes, tableTypesFile, writeTableTypes } from '../src/platform/db/table-types';

const db = await openEmbeddedDatabase({});
try {
  await migrate(db);
  writeTableTypes(await renderTableTypes(db));
  console.log(`Wrote ${tableTypesFile}`);
} finally {
  await db.close();
}
