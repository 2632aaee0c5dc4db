// Runs PGlite in a worker thread and serves it over a Unix socket with the PostgreSQL wire protocol.
// PGlite executes queries as synchronous WASM: on the main thread it would block the event loop
// (health checks, other requests) for as long as a query runs. Behind a socket the app speaks `pg`
// to the embedded engine exactly as it does to a PostgreSQL server.
// Plain JavaScript on purpose: a worker does not inherit the TypeScript loader of its parent.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';

const { dataDir, socketPath, loadDataDir } = workerData;

let db;
let server;

async function start() {
  db = await PGlite.create({
    dataDir: dataDir ?? undefined,
    loadDataDir: loadDataDir ? new Blob([loadDataDir]) : undefined,
    extensions: { pg_trgm, unaccent, fuzzystrmatch, cube, earthdistance, btree_gin },
  });
  // The app's pool holds one connection; spare slots let a replacement connect while a
  // discarded one is still closing. The server's queue keeps a transaction on its connection.
  server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 4 });
  await server.start();
  parentPort.postMessage({ type: 'ready' });
}

parentPort.on('message', async (message) => {
  if (message.type === 'close') {
    try {
      await server?.stop();
      await db?.close();
    } finally {
      parentPort.postMessage({ type: 'closed' });
    }
  } else if (message.type === 'dump') {
    const blob = await db.dumpDataDir('none');
    const buffer = await blob.arrayBuffer();
    parentPort.postMessage({ type: 'dump', data: buffer }, [buffer]);
  }
});

start().catch((error) => {
  parentPort.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
});
