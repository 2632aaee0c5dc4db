// Runs a suite once per engine against a real database and a real HTTP server on a free port.
// On a machine without a PostgreSQL server the server half is skipped with one line saying why;
// under CI=true nothing may be skipped.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe } from 'vitest';
import { buildApp } from '../../src/app';
import type { Database, Engine } from '../../src/platform/db/database';
import { engines, openTestDatabase, serverUnavailableReason, testDatabaseUrl } from './engines';

export interface EngineContext {
  engine: Engine;
  db: Database;
  app: FastifyInstance;
  baseUrl: string;
}

const serverReason = await serverUnavailableReason();
if (serverReason && process.env.CI === 'true') {
  throw new Error(`CI=true but no PostgreSQL server answers at ${testDatabaseUrl} (${serverReason}).`);
}

let warned = false;

export function describeEachEngine(name: string, suite: (context: () => EngineContext) => void): void {
  for (const engine of engines) {
    if (engine === 'postgres' && serverReason) {
      if (!warned) {
        console.warn(
          `PostgreSQL-server tests skipped: nothing answers at ${testDatabaseUrl} (${serverReason}); start PostgreSQL or set TEST_DATABASE_URL.`,
        );
        warned = true;
      }
      describe.skip(`${name} [${engine}]`, () => suite(() => ({}) as EngineContext));
      continue;
    }
    describe(`${name} [${engine}]`, () => {
      let context: EngineContext | undefined;
      beforeAll(async () => {
        const db = await openTestDatabase(engine);
        const app = await buildApp({ db, serveWeb: false });
        await app.listen({ port: 0, host: '127.0.0.1' });
        const address = app.server.address();
        const port = typeof address === 'object' && address ? address.port : 0;
        context = { engine, db, app, baseUrl: `http://127.0.0.1:${port}` };
      });
      afterAll(async () => {
        await context?.app.close();
        await context?.db.close();
      });
      suite(() => {
        if (!context) throw new Error('the engine context is not ready yet');
        return context;
      });
    });
  }
}
