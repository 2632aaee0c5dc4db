// Importing a messy HSDS 1.1 folder, as real published directories are, on both engines. Story: a
// network admin imports a legal-aid directory whose services have no status, whose phones,
// schedules and addresses have no ids, whose services and locations name organisations the folder
// does not have, and whose locations have no coordinates. The services go in, repaired by named
// rules and counted per rule; only what means nothing is rejected (a service without a name, a
// phone without a number, a schedule of nothing). She sees the stand-in organisations on her list,
// a coordinator finds a service near a ZIP code no address of the data has, the service page says
// its place is approximate, a second import changes nothing, and the publisher's next file with
// the missing organisation replaces its stand-in.
import { cp, mkdtemp, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../../test/support/harness';
import { buildHost, buildOrganization, buildUser } from '../../../../test/support/factories';
import { type Client, signedIn } from '../../../../test/support/http-client';
import { importHsds, formatReport, type ImportReport } from './index';

const messy = path.join(import.meta.dirname, 'fixtures', 'messy-1.1');

interface PlaceholderItem {
  name: string;
  sourceId: string;
  dataset: string;
  services: number;
  locations: number;
}

describeEachEngine('importing a messy HSDS 1.1 directory', (ctx) => {
  let admin: Client;
  let partnerAdmin: Client;
  let coordinator: Client;
  let first: ImportReport;

  beforeAll(async () => {
    const { db, baseUrl } = ctx();
    const host = await buildHost(db);
    const networkAdmin = await buildUser(db, { organizationId: host.id, roles: ['admin'] });
    admin = await signedIn(baseUrl, networkAdmin.email, networkAdmin.password);
    const coordinatorUser = await buildUser(db, { organizationId: host.id, roles: ['care_coordinator'] });
    coordinator = await signedIn(baseUrl, coordinatorUser.email, coordinatorUser.password);
    const partner = await buildOrganization(db, { name: 'Partner Food Bank' });
    const partnerUser = await buildUser(db, { organizationId: partner.id, roles: ['admin'] });
    partnerAdmin = await signedIn(baseUrl, partnerUser.email, partnerUser.password);
    first = await importHsds(db, messy, { dataset: 'statewide-legal' });
  });

  it('imports every service a person could use, repaired by named rules, and rejects only what means nothing', () => {
    expect(first.format).toMatch(/^HSDS 1\.x tabular/);
    expect(first.counts.service).toEqual({ inserted: 3, updated: 0, unchanged: 0, rejected: 1 });
    expect(first.counts.location).toEqual({ inserted: 3, updated: 0, unchanged: 0, rejected: 0 });
    expect(first.counts.address?.inserted).toBe(2);
    expect(first.counts.phone).toEqual({ inserted: 2, updated: 0, unchanged: 0, rejected: 1 });
    expect(first.counts.schedule).toEqual({ inserted: 2, updated: 0, unchanged: 0, rejected: 1 });
    expect(first.rejections.map((rejection) => `${rejection.path} ${rejection.reason}`)).toEqual([
      'phones.csv:3 missing required field "number"',
      'regular_schedules.csv:4 a schedule of nothing: no days, times, dates or words',
      'services.csv:4 missing required field "name"',
    ]);
    // Per rule: two services without a status; two addresses, three service_at_location rows, two
    // phones and two schedules without ids; three records under organisations 77 and 88; two
    // locations placed at their ZIP codes.
    expect(first.repairCounts).toEqual({
      'status-default': 2,
      'id-from-content': 9,
      'organization-placeholder': 3,
      'coordinates-from-postal-code': 2,
    });
    expect(first.repairs).toContainEqual(
      expect.objectContaining({ path: 'services.csv:2', object: 'service', id: '100', rule: 'status-default' }),
    );
    expect(first.repairs).toContainEqual(
      expect.objectContaining({ path: 'locations.csv:3', rule: 'organization-placeholder', id: '11' }),
    );
    const printed = formatReport(first);
    expect(printed).toContain('16 repair(s): records imported with repairs, by rule:');
    expect(printed).toMatch(/status-default\s+2 {2}a service without a status is active/);
    expect(printed).toMatch(/services\.csv:3: service 101: organization-placeholder: organization 77 is not in the source/);
  });

  it('lists the stand-in organisations for network admins, and refuses anyone else', async () => {
    const list = await admin.get('/api/directory/placeholder-organizations');
    expect(list.status).toBe(200);
    const items = list.body.items as PlaceholderItem[];
    expect(items.map((item) => [item.name, item.sourceId, item.dataset, item.services, item.locations])).toEqual([
      ['77', '77', 'statewide-legal', 1, 1],
      ['88', '88', 'statewide-legal', 1, 0],
    ]);
    // An admin of a partner organisation is not a network admin; nor is a coordinator.
    expect((await partnerAdmin.get('/api/directory/placeholder-organizations')).status).toBe(403);
    expect((await coordinator.get('/api/directory/placeholder-organizations')).status).toBe(403);
  });

  it('places a location without coordinates at its ZIP code, says so, and finds it near a ZIP no address has', async () => {
    // 21202 is next to 21201 (the office's ZIP code); no address of the data has it.
    const near = await coordinator.get('/api/directory/search?near=21202&radiusKm=5');
    expect(near.status).toBe(200);
    const found = near.body.items as { serviceName: string; serviceId: string; distanceKm: number | null }[];
    expect(found.map((item) => item.serviceName)).toEqual(['Eviction Defense']);
    const page = await coordinator.get(`/api/directory/services/${found[0]!.serviceId}`);
    expect(page.status).toBe(200);
    expect(page.body.locations).toEqual([
      expect.objectContaining({ name: 'Harbor Street Office', coordinatesApproximate: true, latitude: expect.any(Number) }),
    ]);
    // A ZIP code of the other end of the state finds the office in the mountains (a PO box ZIP+4).
    const mountains = await coordinator.get('/api/directory/search?near=21502&radiusKm=5');
    expect((mountains.body.items as { serviceName: string }[]).map((item) => item.serviceName)).toEqual(['Benefits Appeals']);
    // A code that is no US ZIP code and no address is refused, naming the field.
    const nowhere = await coordinator.get('/api/directory/search?near=00000');
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.errors[0].field).toBe('query.near');
  });

  it('changes nothing when the same files are imported again', async () => {
    const { db } = ctx();
    const again = await importHsds(db, messy, { dataset: 'statewide-legal' });
    const changed = Object.entries(again.counts).filter(([, count]) => count.inserted + count.updated > 0);
    expect(changed).toEqual([]);
    expect(again.counts.schedule?.unchanged).toBe(2);
    expect(again.repairCounts).toEqual(first.repairCounts);
  });

  it("replaces a stand-in's details when the publisher's next file has the organisation", async () => {
    const { db } = ctx();
    const folder = await mkdtemp(path.join(tmpdir(), 'kith-messy-'));
    try {
      await cp(messy, folder, { recursive: true });
      await appendFile(
        path.join(folder, 'organizations.csv'),
        '77,Mountain Legal Services,,Legal help in the western counties.,,,,,,\n',
      );
      const later = await importHsds(db, folder, { dataset: 'statewide-legal' });
      expect(later.counts.organization?.updated).toBe(1);
      expect(later.repairCounts['organization-placeholder']).toBe(1);
      const items = (await admin.get('/api/directory/placeholder-organizations')).body.items as PlaceholderItem[];
      expect(items.map((item) => item.sourceId)).toEqual(['88']);
      const found = await coordinator.get('/api/directory/search?near=21502&radiusKm=5');
      expect(found.body.items).toEqual([expect.objectContaining({ organizationName: 'Mountain Legal Services' })]);
      // The location now has its own coordinates: the estimate gives way.
      await writeFile(
        path.join(folder, 'locations.csv'),
        'id,organization_id,name,alternate_name,description,transportation,latitude,longitude\n' +
          '10,1,Harbor Street Office,,,Light rail to Convention Center,39.2866,-76.6177\n' +
          '11,77,Mountain Counties Office,,,,,\n12,1,Statewide Phone Line,,,,,\n',
      );
      const located = await importHsds(db, folder, { dataset: 'statewide-legal' });
      expect(located.repairCounts['coordinates-from-postal-code']).toBe(1);
      const service = (await coordinator.get('/api/directory/search?near=21202&radiusKm=5')).body.items[0] as {
        serviceId: string;
      };
      const page = await coordinator.get(`/api/directory/services/${service.serviceId}`);
      expect(page.body.locations).toEqual([expect.objectContaining({ coordinatesApproximate: false, latitude: 39.2866 })]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
