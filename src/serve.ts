// `kith serve`: open the database, migrate, fill an empty network with the demo, listen.
import { buildApp, loggerOptions, type AppOptions } from './app';
import type { Config } from './config';
import { migrateKeepingAppRoles } from './platform/db/app-role';
import type { Database } from './platform/db/database';
import { openDatabase } from './platform/db/open';
import net from 'node:net';
import { findDemoLogins, networkIsEmpty, seedDemo, type DemoLogin } from './demo';
import { DEMO_PASSWORD } from './platform/auth/passwords';
import { progressBar } from './cli/progress';

/** Thrown before anything is opened or written when Kith cannot listen where it was told to. */
export class PortUnavailableError extends Error {}

export async function serve(config: Config): Promise<void> {
  await checkPortIsFree(config.HOST, config.PORT);
  const db = await openDatabase(config);
  await migrateKeepingAppRoles(db);
  let logins: DemoLogin[] = [];
  if (config.KITH_DEMO && (await networkIsEmpty(db))) {
    console.log(`Filling the empty database with the demo network (seed ${config.KITH_DEMO_SEED})…`);
    const bar = progressBar('demo network');
    logins = (await seedDemo(db, { seed: config.KITH_DEMO_SEED, onProgress: bar.update })).logins;
    bar.stop();
  } else if (config.KITH_DEMO) {
    // Printed on every start of a demo network, for those of its logins that still work.
    logins = await findDemoLogins(db);
  }
  const app = await buildApp(appOptionsOf(config, db));
  await app.listen({ port: config.PORT, host: config.HOST });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const host = config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' ? 'localhost' : config.HOST;
  console.log(
    `\nKith is running on http://${host}:${port} (${db.engine === 'pglite' ? `embedded PostgreSQL in ${db.location}` : `PostgreSQL server ${db.location}`})`,
  );
  if (logins.length) printDemoLogins(logins);
  const shutdown = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

/** The app `kith serve` builds from the configuration (sessions last as KITH_SESSION_* say). */
export function appOptionsOf(config: Config, db: Database): AppOptions {
  return {
    db,
    logger: loggerOptions(config.LOG_LEVEL),
    logRequests: requestLogging(config.LOG_LEVEL, Boolean(process.stdout.isTTY)),
    secureCookies: config.KITH_SECURE_COOKIES,
    timing: { idleMinutes: config.KITH_SESSION_IDLE_MINUTES, maxHours: config.KITH_SESSION_MAX_HOURS },
    timeZone: config.KITH_TIMEZONE,
    network: {
      country: config.KITH_COUNTRY,
      mapTiles:
        config.KITH_MAP_TILES_URL === 'none'
          ? null
          : { urlTemplate: config.KITH_MAP_TILES_URL, attribution: config.KITH_MAP_TILES_ATTRIBUTION },
    },
  };
}

export function printDemoLogins(logins: DemoLogin[]): void {
  console.log(`\nDemo logins (password for all: ${DEMO_PASSWORD}):`);
  for (const login of logins) console.log(`  ${login.role.padEnd(18)} ${login.email.padEnd(34)} ${login.organization}`);
  console.log('');
}

/**
 * A line per request is for log files and for debugging: on a terminal at the default level it
 * would bury what Kith says (thousands of lines in a short session). Errors are logged either way.
 */
export function requestLogging(level: string, terminal: boolean): boolean {
  return !terminal || level === 'debug' || level === 'trace';
}

/** Fails with one plain sentence when another program already listens on the port. */
export async function checkPortIsFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      const where = `${host}:${port}`;
      if (error.code === 'EADDRINUSE')
        reject(
          new PortUnavailableError(
            `Port ${port} is already in use on ${host}: stop the program using it, or start Kith on another port with PORT=3001 npm start.`,
          ),
        );
      else if (error.code === 'EACCES')
        reject(
          new PortUnavailableError(
            `Kith may not listen on ${where} (permission denied): choose a port above 1023 with PORT=3001 npm start.`,
          ),
        );
      else reject(new PortUnavailableError(`Kith cannot listen on ${where}: ${error.message}`));
    });
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}
