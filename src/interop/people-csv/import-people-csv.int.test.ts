// Bulk enrolment from messy CSV exports, on both engines: a byte-order mark, CRLF, Windows-1252
// names, Excel and DD/MM dates, trailing spaces, blank and total rows; rows rejected one by one
// with the field named; a dry run that writes nothing; broken quoting and a database failure that
// write nothing; one audit row of counts without personal data; a user of another organisation refused.
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Database, Queryable } from '../../platform/db/database';
import type { Actor } from '../../platform/auth/actor';
import { buildOrganization, buildUser } from '../../../test/support/factories';
import { buildPerson, buildProgram } from '../../../test/support/people-factories';
import { describeEachEngine } from '../../../test/support/harness';
import { importPeopleCsv, type PeopleCsvReport } from '.';

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);
const system = (db: Database) => ({ db, actor: 'system' as const });

/** A holder of its own per test (the fixtures' MRNs repeat), with a program and two people on record. */
async function holderWorld(db: Database) {
  const holder = await buildOrganization(db, { kind: 'health_system' });
  const program = await buildProgram(db, holder.id, 'Enhanced care');
  const esther = await buildPerson(db, {
    holderOrganizationId: holder.id,
    body: { givenName: 'Esther', familyName: 'Existing', birthDate: '1961-04-09', identifiers: [{ kind: 'mrn', value: 'EX-1' }] },
  });
  const kwame = await buildPerson(db, {
    holderOrganizationId: holder.id,
    body: {
      givenName: 'Kwame',
      familyName: 'Known',
      birthDate: '1950-01-01',
      phone: '410-555-0100',
      identifiers: [{ kind: 'mrn', value: 'HU-0001' }],
    },
  });
  return { holder, program, esther, kwame };
}

const holderCounts = async (db: Database, holderId: string) =>
  (
    await db.query<{ counts: string }>(
      `SELECT concat_ws(',', (SELECT count(*) FROM people WHERE holder_organization_id = $1),
              (SELECT count(*) FROM person_identifiers WHERE holder_organization_id = $1),
              (SELECT count(*) FROM person_enrolments e JOIN people p ON p.id = e.person_id WHERE p.holder_organization_id = $1),
              (SELECT count(*) FROM audit_log WHERE action = 'person.import' AND record_organization_id = $1)) AS counts`,
      [holderId],
    )
  )[0]!.counts;

const byLine = (report: PeopleCsvReport) => new Map(report.rows.map((row) => [row.line, row]));

describeEachEngine('kith import people', (ctx) => {
  it('repairs, matches and rejects the rows of a messy export; a dry run shows the same and writes nothing', async () => {
    const { db } = ctx();
    const world = await holderWorld(db);
    const before = await holderCounts(db, world.holder.id);
    expect(before).toBe('2,2,0,0');

    const options = { programName: 'enhanced CARE', holderOrganizationId: world.holder.id };
    const dry = await importPeopleCsv(system(db), fixture('high-utilisation.csv'), { ...options, dryRun: true });
    expect(dry.dryRun).toBe(true);
    expect(dry.counts).toMatchObject({ created: 4, updated: 2, unchanged: 0, rejected: 4, skipped: 2 });
    expect(await holderCounts(db, world.holder.id)).toBe(before);

    const report = await importPeopleCsv(system(db), fixture('high-utilisation.csv'), { ...options, dryRun: false });
    expect(report.fileWarnings.map((warning) => warning.code)).toEqual(['byte_order_mark']);
    expect(report.columns).toEqual({ given: 'First Name', family: 'Last Name', dob: 'DOB', mrn: 'MRN', phone: 'Phone' });
    expect(report.counts).toEqual({ rows: 12, created: 4, updated: 2, unchanged: 0, rejected: 4, skipped: 2, warnings: 5 });
    // The dry run said exactly what the import did.
    expect(dry.rows.map((row) => [row.line, row.outcome])).toEqual(report.rows.map((row) => [row.line, row.outcome]));

    const rows = byLine(report);
    expect(rows.get(2)).toMatchObject({ outcome: 'created', warnings: [expect.objectContaining({ code: 'spaces_trimmed' })] });
    expect(rows.get(3)).toMatchObject({ outcome: 'created', warnings: [] });
    expect(rows.get(4)).toMatchObject({
      outcome: 'created',
      warnings: [expect.objectContaining({ code: 'excel_date', field: 'birthDate' })],
    });
    expect(rows.get(5)).toMatchObject({ outcome: 'created', warnings: [expect.objectContaining({ code: 'day_month_order' })] });
    expect(rows.get(6)).toMatchObject({
      outcome: 'rejected',
      errors: [{ field: 'birthDate', message: 'must not be in the future' }],
    });
    expect(rows.get(7)).toMatchObject({ outcome: 'rejected', errors: [expect.objectContaining({ field: 'mrn' })] });
    expect(rows.get(8)).toMatchObject({
      outcome: 'rejected',
      errors: [{ field: 'birthDate', message: expect.stringContaining('not a day the calendar has') }],
    });
    expect(rows.get(10)).toMatchObject({
      outcome: 'updated',
      personId: world.esther.id,
      matchedBy: 'duplicate_rule',
      enrolled: true,
      changedFields: [],
    });
    expect(rows.get(11)).toMatchObject({
      outcome: 'updated',
      personId: world.kwame.id,
      matchedBy: 'mrn',
      enrolled: true,
      changedFields: ['phone'],
    });
    expect(rows.get(12)).toMatchObject({ outcome: 'skipped', warnings: [expect.objectContaining({ code: 'blank_row' })] });
    expect(rows.get(13)).toMatchObject({ outcome: 'rejected', errors: [{ field: 'mrn', message: 'is the MRN of line 2 too' }] });
    expect(rows.get(14)).toMatchObject({ outcome: 'skipped', warnings: [expect.objectContaining({ code: 'total_row' })] });

    // The database: four new people, each whole (name, date, MRN, enrolment); the two matched enrolled, Kwame's phone changed.
    expect(await holderCounts(db, world.holder.id)).toBe('6,6,6,1');
    const people = await db.query<{
      given_name: string;
      family_name: string;
      birth_date: string;
      phone: string | null;
      mrns: string;
      enrolled: boolean;
    }>(
      `SELECT p.given_name, p.family_name, p.birth_date::text AS birth_date, p.phone,
              (SELECT string_agg(value, ',') FROM person_identifiers i WHERE i.person_id = p.id) AS mrns,
              EXISTS (SELECT 1 FROM person_enrolments e WHERE e.person_id = p.id AND e.program_id = $2 AND e.disenrolled_on IS NULL) AS enrolled
         FROM people p WHERE p.holder_organization_id = $1 ORDER BY p.family_name`,
      [world.holder.id, world.program.id],
    );
    expect(people).toEqual([
      {
        given_name: 'Renée',
        family_name: 'Baptiste',
        birth_date: '1958-05-25',
        phone: '410-555-0103',
        mrns: 'HU-1003',
        enrolled: true,
      },
      {
        given_name: 'Esther',
        family_name: 'Existing',
        birth_date: '1961-04-09',
        phone: '410-555-0100',
        mrns: 'EX-1',
        enrolled: true,
      },
      { given_name: 'Samir', family_name: 'Haddad', birth_date: '1960-03-25', phone: null, mrns: 'HU-1004', enrolled: true },
      {
        given_name: 'Kwame',
        family_name: 'Known',
        birth_date: '1950-01-01',
        phone: '410-555-0199',
        mrns: 'HU-0001',
        enrolled: true,
      },
      { given_name: 'Tomas', family_name: 'Lindqvist', birth_date: '1949-07-02', phone: null, mrns: 'HU-1002', enrolled: true },
      {
        given_name: 'Adaeze',
        family_name: 'Okafor',
        birth_date: '1956-03-14',
        phone: '410-555-0101',
        mrns: 'HU-1001',
        enrolled: true,
      },
    ]);

    // One audit row: counts, and no name, date or MRN of anyone.
    const [auditRow, ...more] = await db.query<{ details: Record<string, unknown>; person_id: string | null }>(
      `SELECT details, person_id FROM audit_log WHERE action = 'person.import' AND record_organization_id = $1`,
      [world.holder.id],
    );
    expect(more).toEqual([]);
    expect(auditRow).toMatchObject({ person_id: null, details: { rows: 12, created: 4, updated: 2, rejected: 4, skipped: 2 } });
    expect(JSON.stringify(auditRow!.details)).not.toMatch(/Okafor|Adaeze|HU-|1956|Peña/);

    // Again: nothing new; the matched are unchanged.
    const again = await importPeopleCsv(system(db), fixture('high-utilisation.csv'), { ...options, dryRun: false });
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 6, rejected: 4 });
    expect((await holderCounts(db, world.holder.id)).split(',').slice(0, 3)).toEqual(['6', '6', '6']);
  });

  it('reads a Windows-1252 export with a column mapping, with a warning', async () => {
    const { db } = ctx();
    const world = await holderWorld(db);
    const report = await importPeopleCsv(system(db), fixture('windows-1252.csv'), {
      programName: 'Enhanced care',
      holderOrganizationId: world.holder.id,
      mapping: { given: 'first', family: 'Last', dob: 'Birth Date', mrn: 'MRN' },
    });
    expect(report.fileWarnings.map((warning) => warning.code)).toEqual(['windows_1252']);
    expect(report.counts).toMatchObject({ created: 2, rejected: 0 });
    const names = await db.query<{ name: string; birth_date: string }>(
      `SELECT given_name || ' ' || family_name AS name, birth_date::text AS birth_date FROM people
        WHERE holder_organization_id = $1 AND id NOT IN ($2, $3) ORDER BY family_name`,
      [world.holder.id, world.esther.id, world.kwame.id],
    );
    expect(names).toEqual([
      { name: 'Inés Núñez', birth_date: '1970-10-31' },
      { name: 'José Peña', birth_date: '1962-07-04' },
    ]);
  });

  it('writes nothing for broken quoting (naming the line), a mapping that does not fit, an unknown program, or a database failure', async () => {
    const { db } = ctx();
    const world = await holderWorld(db);
    const before = await holderCounts(db, world.holder.id);
    const options = { programName: 'Enhanced care', holderOrganizationId: world.holder.id };

    await expect(importPeopleCsv(system(db), fixture('broken-quoting.csv'), options)).rejects.toThrow(
      /broken-quoting\.csv:\d+: the file cannot be read as CSV \(.*line 3.*\); nothing was imported/,
    );
    await expect(
      importPeopleCsv(system(db), fixture('windows-1252.csv'), { ...options, mapping: { given: 'Forename' } }),
    ).rejects.toMatchObject({ message: expect.stringContaining('no column "Forename"') });
    await expect(
      importPeopleCsv(system(db), fixture('windows-1252.csv'), { ...options, programName: 'Nope' }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });

    // The database refuses the third enrolment: the two people before it are rolled back too.
    let enrolments = 0;
    const failing = (q: Queryable): Queryable =>
      ({
        ...q,
        query: async (sql: string, values?: unknown[]) => {
          if (sql.includes('INSERT INTO person_enrolments') && ++enrolments === 3) throw new Error('the disk is full');
          return q.query(sql, values);
        },
      }) as Queryable;
    const flaky = Object.create(db, {
      tx: { value: (work: (q: Queryable) => Promise<unknown>) => db.tx((q) => work(failing(q))) },
    }) as Database;
    await expect(importPeopleCsv(system(flaky), fixture('high-utilisation.csv'), options)).rejects.toThrow('the disk is full');
    expect(enrolments).toBe(3);
    expect(await holderCounts(db, world.holder.id)).toBe(before);
  });

  it("refuses a user of another organisation, and the holder's partner staff, writing nothing", async () => {
    const { db } = ctx();
    const world = await holderWorld(db);
    const before = await holderCounts(db, world.holder.id);
    const other = await buildOrganization(db);
    const outsider = await buildUser(db, { organizationId: other.id, roles: ['admin'] });
    const partnerStaff = await buildUser(db, { organizationId: world.holder.id, roles: ['partner_staff'] });
    const actorOf = (user: { id: string }, roles: Actor['roles'], organizationId: string): Actor => ({
      via: 'session',
      userId: user.id,
      email: 'x@example.org',
      displayName: 'X',
      organizationId,
      organizationName: 'X',
      organizationIsHost: false,
      roles,
      unitIds: [],
    });
    // The outsider's import goes to their own organisation, which has no such program: not found.
    await expect(
      importPeopleCsv({ db, actor: actorOf(outsider, ['admin'], other.id) }, fixture('windows-1252.csv'), {
        programName: 'Enhanced care',
        holderOrganizationId: world.holder.id,
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      importPeopleCsv({ db, actor: actorOf(partnerStaff, ['partner_staff'], world.holder.id) }, fixture('windows-1252.csv'), {
        programName: 'Enhanced care',
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await holderCounts(db, world.holder.id)).toBe(before);
  });
});
