// Importing HSDS into the database, on both engines. Stories: an admin imports a county's 1.1 CSV
// folder and a 211's 2.0 folder, then a page from an HSDS API; she re-runs an import and nothing
// changes; she imports files with mistakes and gets every bad record named with its place and
// reason while the good ones go in; and when a file cannot be read at all, or the database
// refuses the write, nothing at all is written.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../../test/support/harness';
import type { Database } from '../../../platform/db/database';
import { AppError } from '../../../platform/http/app-error';
import { searchDirectory } from '../../../domains/directory/index';
import { SearchQuery } from '../../../domains/directory';
import { importHsds, ImportFailedError } from './index';
import { formatReport } from './report';
import { hsdsExamples, standardsAvailable } from './standards-kit';

const fixtures = path.join(import.meta.dirname, 'fixtures');
const tables = [
  'organization',
  'program',
  'service',
  'location',
  'service_at_location',
  'address',
  'phone',
  'contact',
  'schedule',
  'taxonomy',
  'taxonomy_term',
  'attribute',
  'language',
];

async function rowCounts(db: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables)
    counts[table] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM hsds_${table}`))[0]!.n;
  counts.source_records = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM directory_source_record'))[0]!.n;
  return counts;
}

const serviceNamed = async (db: Database, name: string) =>
  (await db.query<Record<string, unknown>>('SELECT * FROM hsds_service WHERE name = $1', [name]))[0];

describeEachEngine('kith import hsds', (ctx) => {
  it('imports an HSDS 1.1 folder, and a second import changes nothing', async () => {
    const { db } = ctx();
    const progress: { phase: string; done: number; total: number }[] = [];
    const first = await importHsds(db, path.join(fixtures, 'hsds-1.1'), { onProgress: (step) => progress.push(step) });
    expect(first.format).toMatch(/^HSDS 1\.x tabular/);
    // The progress goes through reading, writing and the search index, each to its end.
    expect([...new Set(progress.map((step) => step.phase))]).toEqual(['reading', 'writing', 'indexing']);
    for (const phase of ['reading', 'writing', 'indexing']) {
      const last = progress.filter((step) => step.phase === phase).at(-1);
      expect(last && last.total > 0 && last.done === last.total).toBe(true);
    }
    expect(first.dataset).toBe('hsds-1.1');
    expect(first.rejections).toEqual([]);
    expect(first.counts.service).toEqual({ inserted: 3, updated: 0, unchanged: 0, rejected: 0 });
    expect(first.skipped).toEqual({ metadata: 1 });
    const pantry = await serviceNamed(db, 'Food Pantry');
    expect(pantry?.description).toBe('Groceries every week.\nBring a bag.');
    // Integer source ids are kept beside the UUIDs they became.
    const [source] = await db.query<{ source_id: string }>(
      `SELECT source_id FROM directory_source_record WHERE dataset = 'hsds-1.1' AND object_type = 'service' AND id = $1`,
      [pantry?.id],
    );
    expect(source?.source_id).toBe('100');
    // The search index knows the new services.
    const [entries] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM directory_search_entry WHERE service_id = $1',
      [pantry?.id],
    );
    expect(entries?.n).toBe(1);

    const before = await rowCounts(db);
    progress.length = 0;
    const again = await importHsds(db, path.join(fixtures, 'hsds-1.1'), { onProgress: (step) => progress.push(step) });
    expect(Object.values(again.counts).every((count) => count.inserted === 0 && count.updated === 0)).toBe(true);
    // Nothing changed, so the search index was left as it was.
    expect(progress.some((step) => step.phase === 'indexing')).toBe(false);
    expect(again.counts.service?.unchanged).toBe(3);
    expect(await rowCounts(db)).toEqual(before);

    // Both imports are on the audit log, as the operator's, with what they wrote.
    const audited = await db.query<{ actor_kind: string; details: Record<string, unknown> }>(
      `SELECT actor_kind, details FROM audit_log WHERE action = 'directory.import' AND record_id = 'hsds-1.1' ORDER BY id`,
    );
    expect(audited.map((row) => row.actor_kind)).toEqual(['system', 'system']);
    expect(audited[0]!.details).toMatchObject({ source: 'hsds-1.1', rejected: 0, updated: 0 });
    expect(audited[0]!.details.inserted).toBeGreaterThanOrEqual(3);
    expect(audited[1]!.details).toMatchObject({ inserted: 0, updated: 0 });
  });

  it('imports an HSDS 2.0 folder whose datapackage.json names files its own way', async () => {
    const { db } = ctx();
    const report = await importHsds(db, path.join(fixtures, 'hsds-2.0'));
    expect(report.format).toMatch(/^HSDS 2\.x tabular/);
    expect(report.rejections).toEqual([]);
    expect(report.counts.organization?.inserted).toBe(1);
    expect((await serviceNamed(db, 'Family Shelter'))?.status).toBe('temporarily closed');
    const [address] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM hsds_address a JOIN hsds_location l ON l.id = a.location_id WHERE l.name = 'Riverton Office'`,
    );
    expect(address?.n).toBe(2);
  });

  it('imports a page of services from an HSDS 3 API, dropping a parent organization it does not have', async () => {
    const { db } = ctx();
    const report = await importHsds(db, path.join(fixtures, 'services-page.json'));
    expect(report.format).toBe('HSDS 3.x JSON: an API page of 2 services');
    expect(report.rejections).toEqual([]);
    expect(report.warnings).toEqual([
      expect.objectContaining({
        path: 'services-page.json#/contents/0/organization',
        message: expect.stringContaining('parent_organization_id org-umbrella points at no organization'),
      }),
    ]);
    const meals = await serviceNamed(db, 'Harbor Hot Meals');
    const [hours] = await db.query<{ description: string }>('SELECT description FROM hsds_schedule WHERE service_id = $1', [
      meals?.id,
    ]);
    expect(hours?.description).toBe('Most evenings, call ahead');
  });

  it('rejects only records with nothing usable left, with their place and reason, and repairs the rest', async () => {
    const { db } = ctx();
    const report = await importHsds(db, path.join(fixtures, 'bad/rejections'));
    const reasons = report.rejections.map((rejection) => `${rejection.path} ${rejection.reason}`);
    expect(reasons).toEqual([
      expect.stringMatching(
        /^attributes\.csv:3 taxonomy_term_id eeeeeeee-0000-4000-8000-00000000dead points at no taxonomy_term/,
      ),
      expect.stringMatching(
        /^organizations\.csv:3 id 22222222-2222-4222-8222-222222222222 is used again at organizations\.csv:4 with different content/,
      ),
      expect.stringMatching(
        /^organizations\.csv:4 id 22222222-2222-4222-8222-222222222222 was already used at organizations\.csv:3/,
      ),
      expect.stringMatching(/^phones\.csv:3 its service was rejected/),
      expect.stringMatching(/^services\.csv:3 missing required field "name"/),
      expect.stringMatching(/^services\.csv:6 its organization was rejected/),
    ]);
    // Values beyond repair are left out, and their records kept: coordinates off the globe, an age
    // that is not a number.
    const warnings = report.warnings.map((warning) => `${warning.path} ${warning.message}`);
    expect(warnings).toEqual([
      expect.stringMatching(/^locations\.csv:3 latitude 123 is out of range .*; imported without it$/),
      expect.stringMatching(/^locations\.csv:4 longitude 200 is out of range .*; imported without it$/),
      expect.stringMatching(/^services\.csv:5 field "minimum_age" is not a number: "ten"; imported without it$/),
    ]);
    // The service of an organisation the data does not have is kept under a stand-in.
    expect(report.repairCounts).toEqual({ 'organization-placeholder': 1 });
    expect(report.repairs).toEqual([
      expect.objectContaining({ path: 'services.csv:4', rule: 'organization-placeholder', object: 'service' }),
    ]);
    const names = (
      await db.query<{ name: string }>(`SELECT name FROM hsds_service WHERE id::text LIKE 'aaaaaaaa-%' ORDER BY name`)
    ).map((row) => row.name);
    expect(names).toEqual(['Ageless Service', 'Good Service', 'Orphan Service']);
    const orgs = (
      await db.query<{ name: string }>(`SELECT name FROM hsds_organization WHERE id::text ~ '^(1|2|3)+-' ORDER BY name`)
    ).map((row) => row.name);
    expect(orgs).toEqual(['Good Org', 'Same Twice']);
  });

  it('retires the services a publisher dropped, only when told the source is the whole data set', async () => {
    const db = ctx().db;
    const folder = await mkdtemp(path.join(tmpdir(), 'kith-retire-'));
    await cp(path.join(fixtures, 'hsds-1.1'), folder, { recursive: true });
    const options = { dataset: 'riverside-county' };
    await importHsds(db, folder, options);
    // The same fixture went in earlier as another data set: services are told apart by id.
    const find = async (words: string) =>
      (
        await searchDirectory(
          { db, actor: 'system' },
          { query: SearchQuery.parse({ q: words, limit: '100' }), timeZone: 'America/New_York' },
        )
      ).entries.map((entry) => entry.service_id);
    const [hotline] = await db.query<{ id: string }>(
      `SELECT r.id::text AS id FROM directory_source_record r JOIN hsds_service s ON s.id = r.id
        WHERE r.dataset = 'riverside-county' AND r.object_type = 'service' AND s.name = 'Legal Hotline'`,
    );
    expect(await find('legal hotline')).toContain(hotline!.id);

    // The publisher's next file no longer has the Legal Hotline (the last row).
    const services = path.join(folder, 'services.csv');
    const rows = (await readFile(services, 'utf8')).trimEnd().split('\n');
    expect(rows.at(-1)).toMatch(/^102,.*Legal Hotline/);
    await writeFile(services, `${rows.slice(0, -1).join('\n')}\n`);

    const partial = await importHsds(db, folder, options);
    expect(partial.retired).toEqual([]);
    expect(await find('legal hotline')).toContain(hotline!.id);

    const whole = await importHsds(db, folder, { ...options, retireMissing: true });
    expect(whole.retired).toEqual([{ id: hotline!.id, name: 'Legal Hotline' }]);
    expect(formatReport(whole)).toContain('1 service(s) of riverside-county no longer in the source, now defunct');
    expect(await find('legal hotline')).not.toContain(hotline!.id);
    expect((await find('tenant rights')).length).toBeGreaterThan(0);
    // The other data set's Legal Hotline is not this one's to retire.
    expect(await db.query(`SELECT 1 FROM hsds_service WHERE name = 'Legal Hotline' AND status = 'active'`)).toHaveLength(1);

    // It comes back when the publisher lists it again.
    await importHsds(db, path.join(fixtures, 'hsds-1.1'), { ...options, retireMissing: true });
    expect(await find('legal hotline')).toContain(hotline!.id);
    await rm(folder, { recursive: true, force: true });
  });

  it('re-indexes only the services a re-import really changed, and finds them by their new words', async () => {
    const db = ctx().db;
    const folder = await mkdtemp(path.join(tmpdir(), 'kith-renamed-'));
    await cp(path.join(fixtures, 'hsds-1.1'), folder, { recursive: true });
    const options = { dataset: 'renamed-county' };
    await importHsds(db, folder, options);
    // Each search entry's row version: a rebuilt entry is a new row.
    const versions = async () =>
      new Map(
        (
          await db.query<{ name: string; version: string }>(
            `SELECT e.service_name AS name, e.xmin::text AS version FROM directory_search_entry e
               JOIN directory_source_record r ON r.id = e.service_id AND r.dataset = 'renamed-county' AND r.object_type = 'service'`,
          )
        ).map((row) => [row.name, row.version]),
      );
    const before = await versions();
    expect([...before.keys()].sort()).toEqual(['Food Pantry', 'Legal Hotline', 'Tenant Rights Clinic']);

    // The publisher renames the food bank; every other row is as it was.
    const organizations = path.join(folder, 'organizations.csv');
    await writeFile(
      organizations,
      (await readFile(organizations, 'utf8')).replace('1,Eastside Food Bank,', '1,Marigold Harvest Food Bank,'),
    );
    await importHsds(db, folder, options);
    const after = await versions();
    expect(after.get('Food Pantry')).not.toBe(before.get('Food Pantry'));
    expect(after.get('Tenant Rights Clinic')).toBe(before.get('Tenant Rights Clinic'));
    expect(after.get('Legal Hotline')).toBe(before.get('Legal Hotline'));
    const found = await searchDirectory(
      { db, actor: 'system' },
      { query: SearchQuery.parse({ q: 'marigold', limit: '10' }), timeZone: 'America/New_York' },
    );
    expect(found.entries.map((entry) => entry.service_name)).toContain('Food Pantry');
    await rm(folder, { recursive: true, force: true });
  });

  it('links to records an earlier import put in the database', async () => {
    const { db } = ctx();
    // Good Org and the Food term came with the previous import; this file only names them.
    const report = await importHsds(db, path.join(fixtures, 'later-service.json'));
    expect(report.format).toBe('HSDS 3.x JSON: an array of 1 service');
    expect(report.rejections).toEqual([]);
    expect(report.counts.attribute?.inserted).toBe(1);
    expect((await serviceNamed(db, 'Evening Clinic'))?.organization_id).toBe('11111111-1111-4111-8111-111111111111');
  });

  it('refuses malformed sources with a clear error and writes nothing', async () => {
    const { db } = ctx();
    const before = await rowCounts(db);
    const attempt = (name: string) => importHsds(db, path.join(fixtures, name));
    await expect(attempt('bad/malformed.json')).rejects.toThrow(
      /malformed\.json is not valid JSON at line 3, column \d+: Bad control character/,
    );
    await expect(attempt('bad/unclosed-quote')).rejects.toThrow(/services\.csv:\d+: Quote Not Closed/);
    await expect(attempt('bad/not-hsds')).rejects.toThrow(/no HSDS data found/);
    await expect(attempt('bad/malformed.json')).rejects.toBeInstanceOf(AppError);
    expect(await rowCounts(db)).toEqual(before);
  });

  it('rolls everything back when the database refuses part of the write', async () => {
    const { db } = ctx();
    await db.query(
      `CREATE FUNCTION refuse_phone() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'phones are refused today'; END $$`,
    );
    await db.query('CREATE TRIGGER refuse_phone BEFORE INSERT ON hsds_phone FOR EACH ROW EXECUTE FUNCTION refuse_phone()');
    try {
      const before = await rowCounts(db);
      const attempt = importHsds(db, path.join(fixtures, 'hsds-1.1'), { dataset: 'another county' });
      await expect(attempt).rejects.toBeInstanceOf(ImportFailedError);
      await expect(attempt).rejects.toThrow(/rolled back, nothing was written: phones are refused today/);
      expect(await rowCounts(db)).toEqual(before);
    } finally {
      await db.query('DROP TRIGGER refuse_phone ON hsds_phone');
      await db.query('DROP FUNCTION refuse_phone()');
    }
  });

  it.skipIf(!standardsAvailable(hsdsExamples, 'Official HSDS example'))(
    'imports each official 3.0.1 example, keeping its location at latitude 100 without the coordinates',
    async () => {
      const { db } = ctx();
      const withLocation = [
        'location.json',
        'organization_full.json',
        'service_full.json',
        'service_at_location_full.json',
        'service_at_location_list.json',
        'tabular.json',
        'csv',
      ];
      const others = [
        'organization_list.json',
        'service_list.json',
        'taxonomy.json',
        'taxonomy_list.json',
        'taxonomy_term.json',
        'taxonomy_term_list.json',
      ];
      for (const example of [...withLocation, ...others]) {
        const report = await importHsds(db, path.join(hsdsExamples, example));
        // The tabular examples' attribute names its table "link_entity": it points at nothing.
        expect(
          report.rejections.map((rejection) => rejection.reason),
          example,
        ).toEqual(['tabular.json', 'csv'].includes(example) ? ['link_entity "link_entity" is not an HSDS object'] : []);
        const offTheGlobe = report.warnings.filter((warning) => warning.message.startsWith('latitude 100 is out of range'));
        expect(offTheGlobe.length > 0, example).toBe(withLocation.includes(example));
      }
      expect((await db.query('SELECT 1 FROM hsds_service WHERE id = $1', ['ac148810-d857-441c-9679-408f346de14b'])).length).toBe(
        1,
      );
      const [location] = await db.query<{ latitude: number | null }>('SELECT latitude FROM hsds_location WHERE id = $1', [
        '3a19ff88-4620-4d17-9830-ac1d859eb5d5',
      ]);
      expect(location).toEqual({ latitude: null });
      await expect(importHsds(db, path.join(hsdsExamples, 'base.json'))).rejects.toThrow(/meta information/);
    },
  );
});
