// The `kith` command line: `npx kith <command>` or `npm run kith -- <command>`.
import { Command, Option } from 'commander';
import { config } from './config';
import { roles, type Role } from './platform/auth/actor';
import { AppError } from './platform/http/app-error';
import { DatabaseStartError, openDatabase } from './platform/db/open';
import { grantAppRole, migrateKeepingAppRoles } from './platform/db/app-role';
import type { Database } from './platform/db/database';
import type { UseCaseContext } from './platform/context';
import {
  createApiToken,
  createOrganization,
  createUser,
  CreateOrganizationBody,
  CreateUserBody,
  findOrganization,
  findOrganizationByName,
  findUserByEmail,
  listOrganizations,
  listUsers,
  organizationKinds,
  updateUser,
  type OrganizationKind,
} from './domains/identity';
import { networkIsEmpty, seedDemo } from './demo';
import { createCareProgram, CreateProgramBody } from './domains/people';
import { PortUnavailableError, printDemoLogins, serve } from './serve';
import { progressBar } from './cli/progress';
import { backupDatabase, restoreDatabase } from './cli/backup';
import { exportHsds, summaryLine } from './interop/hsds/export/export-hsds';
import { formatReport, ImportFailedError, importHsds } from './interop/hsds/import';
import { readFileSync, writeFileSync } from 'node:fs';
import { formatPeopleReport, importPeopleCsv, parseMapFlag, readMappingFile } from './interop/people-csv';
import { checkQuestionnaire, importQuestionnaire } from './domains/screening';
import { visible } from './platform/http/text';

// Everything the CLI prints goes through `visible`: names and reasons come from the database or
// from imported files, and a control character in them must not rewrite the operator's terminal.
const say = (text: string) => console.log(visible(text));
const complain = (text: string) => console.error(visible(text));

/** Opens and migrates the configured database, runs `work`, closes it. */
async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(config());
  try {
    await migrateKeepingAppRoles(db);
    return await work(db);
  } finally {
    await db.close();
  }
}

const system = (db: Database): UseCaseContext => ({ db, actor: 'system' });

async function organizationByIdOrName(db: Database, idOrName: string) {
  if (/^[0-9a-f-]{36}$/i.test(idOrName)) {
    const found = await findOrganization(db, idOrName);
    if (found) return found;
  }
  const found = await findOrganizationByName(db, idOrName);
  if (!found) throw AppError.field('org', `no organisation named or numbered "${idOrName}"`, 'not_found');
  return found;
}

const program = new Command()
  .name('kith')
  .description('Kith: referrals, partners and coalitions for a complex-care program.')
  .showHelpAfterError();

program
  .command('serve')
  .description('start Kith (migrates first; fills an empty database with the demo network unless KITH_DEMO=false)')
  .action(async () => serve(config()));

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const db = await openDatabase(config());
    try {
      const { applied, granted } = await migrateKeepingAppRoles(db);
      say(applied.length ? `Applied ${applied.join(', ')}` : 'The database is up to date.');
      for (const role of granted) say(`Granted ${role} again what Kith needs, the tables and columns of these migrations too.`);
    } finally {
      await db.close();
    }
  });

const database = program
  .command('db')
  .description('database administration on a PostgreSQL server (run as the owner of the tables)');
database
  .command('grant-app-role')
  .description(
    'give a role exactly what `kith serve` needs, so Kith can connect as it instead of the owner: read and write the data, only read and append to the audit log, own only the search index it rebuilds (migrates first; safe to run again; run it again after a restore)',
  )
  .argument(
    '<role>',
    'the role Kith will connect as (it must exist, without SUPERUSER or CREATEROLE, and the owner must be a member of it)',
  )
  .action(async (role: string) =>
    withDatabase(async (db) => {
      const granted = await grantAppRole(db, role);
      say(
        [
          `Granted ${granted.role} what Kith needs on ${db.location}:`,
          `  read and write ${granted.readWrite.length} tables and use ${granted.sequences} sequences;`,
          `  read and append to ${granted.appendOnly.join(', ')} (never update, delete, or set a row's id or time);`,
          `  read ${granted.readOnly.join(', ')};`,
          `  own ${granted.owned.join(', ')} (the search index it rebuilds), and create tables in schema public for that;`,
          `  read and write the tables ${granted.owner}'s later migrations add (\`kith migrate\` grants this role again after migrating).`,
          `Now connect Kith as ${granted.role}: DATABASE_URL=postgres://${granted.role}:…@…`,
        ].join('\n'),
      );
    }),
  );

program
  .command('seed')
  .description('fill an empty database with generated data')
  .requiredOption('--demo', 'the generated demo network (a fictional county)')
  .option('--seed <number>', 'seed of the generator: the same seed gives the same network', (v) => Number.parseInt(v, 10))
  .action(async (options: { seed?: number }) =>
    withDatabase(async (db) => {
      if (!(await networkIsEmpty(db))) {
        throw new AppError('conflict', 'The database already holds organisations; the demo fills only an empty one.');
      }
      const bar = progressBar('demo network');
      const { logins } = await seedDemo(db, { seed: options.seed ?? config().KITH_DEMO_SEED, onProgress: bar.update });
      bar.stop();
      printDemoLogins(logins);
    }),
  );

const org = program.command('org').description('organisations of the network');
org
  .command('add')
  .description('add an organisation')
  .requiredOption('--name <name>', 'its name')
  .addOption(new Option('--kind <kind>', 'its kind').choices(organizationKinds).makeOptionMandatory())
  .option('--host', 'it hosts the network (the first organisation usually does)')
  .option('--description <text>', 'one or two sentences about it')
  .action(async (options: { name: string; kind: OrganizationKind; host?: boolean; description?: string }) =>
    withDatabase(async (db) => {
      const body = CreateOrganizationBody.parse({ name: options.name, kind: options.kind, description: options.description });
      const created = await createOrganization(system(db), { body, isHost: options.host ?? false });
      say(`Added ${created.name} (${created.kind}${created.is_host ? ', host' : ''}): ${created.id}`);
    }),
  );
org
  .command('list')
  .description('list organisations')
  .action(async () =>
    withDatabase(async (db) => {
      for (const row of await listOrganizations(db, { limit: 10_000 })) {
        say(`${row.id}  ${row.kind.padEnd(24)} ${row.name}${row.is_host ? '  (host)' : ''}`);
      }
    }),
  );

const user = program.command('user').description('users and their roles');
user
  .command('add')
  .description('add a user to an organisation')
  .requiredOption('--email <email>', 'their email, used to sign in')
  .requiredOption('--name <name>', 'their display name')
  .requiredOption('--org <id-or-name>', 'their organisation')
  .addOption(new Option('--role <role...>', 'one or more roles').choices(roles).makeOptionMandatory())
  .option(
    '--password <password>',
    'a first password (at least 12 characters); better: set KITH_PASSWORD, which stays out of shell history',
  )
  .action(async (options: { email: string; name: string; org: string; role: Role[]; password?: string }) =>
    withDatabase(async (db) => {
      const password = options.password ?? process.env.KITH_PASSWORD;
      if (!password) throw AppError.field('password', 'give --password or set KITH_PASSWORD');
      const organization = await organizationByIdOrName(db, options.org);
      const body = CreateUserBody.parse({
        organizationId: organization.id,
        email: options.email,
        displayName: options.name,
        roles: options.role,
        password,
      });
      const created = await createUser(system(db), { body });
      say(`Added ${created.email} to ${organization.name} as ${created.roles.join(', ')}: ${created.id}`);
    }),
  );
user
  .command('list')
  .description('list users')
  .option('--org <id-or-name>', 'only this organisation')
  .action(async (options: { org?: string }) =>
    withDatabase(async (db) => {
      const organizationId = options.org ? (await organizationByIdOrName(db, options.org)).id : undefined;
      for (const row of await listUsers(db, { organizationId, limit: 100_000 })) {
        say(`${row.email.padEnd(40)} ${row.roles.join(',').padEnd(30)} ${row.disabled_at ? 'disabled' : 'active'}`);
      }
    }),
  );
user
  .command('disable')
  .description('disable a user and end their sessions')
  .argument('<email>', 'their email')
  .action(async (email: string) =>
    withDatabase(async (db) => {
      const found = await findUserByEmail(db, email.toLowerCase());
      if (!found) throw AppError.field('email', 'no user with this email', 'not_found');
      await updateUser(system(db), { userId: found.id, body: { disabled: true } });
      say(`Disabled ${found.email}.`);
    }),
  );

program
  .command('token')
  .description('API tokens for integrations')
  .command('create')
  .description('make an API token that acts as a user (printed once; keep it secret)')
  .requiredOption('--user <email>', 'the user the token acts as')
  .option('--name <name>', 'what the token is for', 'integration')
  .action(async (options: { user: string; name: string }) =>
    withDatabase(async (db) => {
      const found = await findUserByEmail(db, options.user.toLowerCase());
      if (!found) throw AppError.field('user', 'no user with this email', 'not_found');
      const { token } = await createApiToken(system(db), { userId: found.id, name: options.name });
      say(token);
    }),
  );

program
  .command('backup')
  .description('write the whole database to a file (restorable into either engine)')
  .argument('<file>', 'where to write it')
  .action(async (file: string) => withDatabase((db) => backupDatabase(db, file)));

program
  .command('restore')
  .description('replace the database with the contents of a backup file')
  .argument('<file>', 'a file written by `kith backup`')
  .option('--force', 'replace a database that already holds data')
  .action(async (file: string, options: { force?: boolean }) =>
    withDatabase((db) => restoreDatabase(db, file, { force: options.force ?? false })),
  );

program
  .command('export')
  .description('write public directory data to files')
  .command('hsds')
  .description('the directory as Open Referral HSDS 3.0.1 JSON: services, organizations, taxonomies, taxonomy terms')
  .argument('<folder>', 'where to write the files (made if missing; files of the same name are replaced)')
  .option('--ndjson', 'write .ndjson files (one object per line) instead of JSON arrays')
  .action(async (folder: string, options: { ndjson?: boolean }) =>
    withDatabase(async (db) => {
      const bar = progressBar('HSDS export');
      const summary = await exportHsds(db, { folder, ndjson: options.ndjson ?? false, onProgress: bar.update }).finally(bar.stop);
      say(summaryLine(summary, folder));
    }),
  );

program
  .command('program')
  .description("the organisation's care programs")
  .command('add')
  .description('add a care program, with its entry criteria in words')
  .requiredOption('--name <name>', 'the name of the program')
  .option('--criteria <text>', 'who may be enrolled, in words', '')
  .option('--org <name>', 'the organisation that runs it (default: the host)')
  .action(async (options: { name: string; criteria: string; org?: string }) =>
    withDatabase(async (db) => {
      const organization = options.org ? await organizationByIdOrName(db, options.org) : undefined;
      const created = await createCareProgram(system(db), {
        organizationId: organization?.id,
        body: CreateProgramBody.parse({ name: options.name, entryCriteria: options.criteria }),
      });
      say(`Added the program ${created.name}: ${created.id}`);
    }),
  );

const importCommand = program
  .command('import')
  .description('read data from files: the public directory, people to enrol, questionnaires');

importCommand
  .command('questionnaire')
  .description(
    'a FHIR R4 Questionnaire (JSON) for screenings: a new version is added beside the older ones, whose answers stay as given',
  )
  .argument('<file>', 'the Questionnaire JSON file')
  .action(async (file: string) => {
    // Read and checked before the database is opened: a bad file writes nothing.
    let resource: unknown;
    try {
      resource = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not JSON';
      throw AppError.field('file', `${file}: ${reason}`);
    }
    const parsed = checkQuestionnaire(resource, file);
    await withDatabase(async (db) => {
      const imported = await importQuestionnaire(system(db), { resource, source: file });
      const words = { created: 'Added', replaced: 'Replaced', unchanged: 'Already held' }[imported.outcome];
      say(
        `${words} ${imported.title} version ${imported.version} (${imported.questionCount} question${imported.questionCount === 1 ? '' : 's'}, ${imported.ruleCount} scoring rules, languages: ${parsed.languages.join(', ')}).`,
      );
    });
  });

importCommand
  .command('hsds')
  .description(
    'an Open Referral HSDS directory: HSDS 3.x JSON, CSV tables of HSDS 3.x, 2.x, 1.x or the older Ohana layout, or an HSDS 3 API (a feed) at a web address',
  )
  .argument('<source>', 'a file, a folder, or the web address of an HSDS 3 API (https://…, the root of its /services)')
  .option(
    '--dataset <name>',
    'the data set the records belong to (default: the file or folder name); ids that are not UUIDs are minted within it',
  )
  .option('--verbose', 'list every repaired and rejected record (the report shows the first 50 of each)')
  .option(
    '--rejections <file>',
    'also write every rejected record (path, object, id, reason), every repair and every warning to this JSON file',
  )
  .option(
    '--retire-missing',
    'the source is the whole data set: mark defunct its services that are not in it any more (for a feed: only when it was read whole)',
  )
  .option('--reread', 'read every record again, also those unchanged since the last import of the data set')
  .option(
    '--header <header>',
    'a header sent to a feed with every request, e.g. "Authorization: Bearer …" (default: $KITH_HSDS_FEED_HEADER, which keeps the key off the command line)',
  )
  .option('--timeout <seconds>', 'how long one request to a feed may take', '30')
  .action(
    async (
      source: string,
      options: {
        dataset?: string;
        verbose?: boolean;
        rejections?: string;
        retireMissing?: boolean;
        reread?: boolean;
        header?: string;
        timeout: string;
      },
    ) =>
      withDatabase(async (db) => {
        const timeout = Number(options.timeout);
        if (!Number.isFinite(timeout) || timeout <= 0 || timeout > 3600)
          throw AppError.field('timeout', 'must be a number of seconds, at most 3600');
        const bars = {
          reading: progressBar('HSDS reading'),
          writing: progressBar('HSDS writing'),
          indexing: progressBar('Search index'),
        };
        try {
          const report = await importHsds(db, source, {
            dataset: options.dataset,
            retireMissing: options.retireMissing,
            reread: options.reread,
            feed: { header: options.header ?? config().KITH_HSDS_FEED_HEADER, timeoutMs: timeout * 1000 },
            onProgress: ({ phase, done, total }) => {
              if (phase !== 'reading') bars.reading.stop();
              if (phase === 'indexing') bars.writing.stop();
              bars[phase].update(done, total);
            },
          }).finally(() => {
            for (const bar of Object.values(bars)) bar.stop();
          });
          say(formatReport(report, { limit: options.verbose ? Number.POSITIVE_INFINITY : 50 }));
          if (options.rejections) {
            writeFileSync(
              options.rejections,
              `${JSON.stringify({ rejections: report.rejections, repairs: report.repairs, warnings: report.warnings }, null, 2)}\n`,
            );
            say(`Rejected records written to ${options.rejections}.`);
          }
        } catch (error) {
          // The data was fine but the database refused the write: everything was rolled back.
          if (!(error instanceof ImportFailedError)) throw error;
          // A least-privilege app role (README) may not set the HSDS tables' indexes aside.
          const notOwner = (error.cause as { code?: string } | undefined)?.code === '42501';
          const hint = notOwner
            ? " (a first import into an empty directory sets the HSDS tables' indexes aside, which only their owner may do: run it as the owner, then `kith db grant-app-role` again)"
            : '';
          complain(`error: ${error.message}${hint}`);
          process.exitCode = 1;
        }
      }),
  );

importCommand
  .command('people')
  .description(
    "enrol people in a program from a CSV export of the organisation's own lists (e.g. a high-utilisation report): a person found by MRN, or by name and date of birth, is updated; anyone else is added. One transaction: a database failure writes nothing",
  )
  .argument('<csv>', 'the CSV file (UTF-8 or Windows-1252; a header row first)')
  .requiredOption('--program <name>', 'the active care program to enrol them in')
  .option(
    '--map <pairs>',
    'which column holds which field, e.g. given=First,family=Last,dob=DOB,mrn=MRN (fields: given, family, used, dob, mrn, member, sex, pronouns, language, phone, email, address, city, state, zip); usual headers are found without it',
  )
  .option('--mapping <file>', 'the same as a JSON file: {"given": "First", "family": "Last", …}')
  .option('--org <name>', 'the organisation that holds the records (default: the host)')
  .option('--dry-run', 'show what would be created, updated and rejected, and write nothing')
  .option('--report <file>', 'write the report of every row (line, outcome, person id, warnings, errors) to this JSON file')
  .option('--verbose', 'list every rejected and repaired row (otherwise the first 50 of each)')
  .action(
    async (
      file: string,
      options: {
        program: string;
        map?: string;
        mapping?: string;
        org?: string;
        dryRun?: boolean;
        report?: string;
        verbose?: boolean;
      },
    ) =>
      withDatabase(async (db) => {
        const mapping = {
          ...(options.mapping ? readMappingFile(options.mapping) : {}),
          ...(options.map ? parseMapFlag(options.map) : {}),
        };
        const holder = options.org ? await organizationByIdOrName(db, options.org) : undefined;
        const bar = progressBar('People import');
        // Without a terminal, a plain line at every tenth of the rows instead of a bar.
        let shown = 0;
        const onProgress = process.stdout.isTTY
          ? bar.update
          : (done: number, total: number) => {
              const tenth = Math.floor((done * 10) / total);
              if (tenth > shown || done === total) {
                shown = tenth;
                if (total >= 20 || done === total) say(`People import: ${done}/${total} rows`);
              }
            };
        const report = await importPeopleCsv(system(db), file, {
          programName: options.program,
          mapping,
          dryRun: options.dryRun ?? false,
          holderOrganizationId: holder?.id,
          onProgress,
        }).finally(bar.stop);
        say(formatPeopleReport(report, options.verbose ? Number.POSITIVE_INFINITY : 50));
        if (options.report) {
          writeFileSync(options.report, `${JSON.stringify(report, null, 2)}\n`);
          say(`The report of every row was written to ${options.report}.`);
        }
      }),
  );

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof DatabaseStartError || error instanceof PortUnavailableError) {
    complain(error.message);
    process.exit(1);
  }
  if (error instanceof AppError) {
    complain(`error: ${error.message}`);
    process.exit(2);
  }
  if (error instanceof Error && error.name === 'ZodError') {
    const issues = (error as unknown as { issues: { path: PropertyKey[]; message: string }[] }).issues;
    for (const issue of issues) complain(`error: ${issue.path.join('.')}: ${issue.message}`);
    process.exit(2);
  }
  throw error;
}
