import { describe, expect, it } from 'vitest';
import { roles } from '../platform/auth/actor';
import { demoLogins, generateDemoNetwork, needDomains, type DemoNetwork } from './generate';

const seeds = Array.from({ length: 60 }, (_, i) => i * 7919 + 1);

function checkNetwork(network: DemoNetwork): void {
  const { organizations, users } = network;
  const ofKind = (kind: string) => organizations.filter((organization) => organization.kind === kind);

  const hosts = organizations.filter((organization) => organization.isHost);
  expect(hosts).toHaveLength(1);
  expect(hosts[0]!.kind).toBe('health_system');
  expect(hosts[0]!.units.length).toBeGreaterThanOrEqual(6);
  expect(hosts[0]!.units.map((unit) => unit.name)).toContain('Enhanced Care Team');
  expect(ofKind('primary_care_practice').length).toBeGreaterThanOrEqual(3);
  expect(ofKind('community_organization').length).toBeGreaterThanOrEqual(30);
  expect(ofKind('coalition_backbone')).toHaveLength(1);
  expect(ofKind('public_agency')).toHaveLength(1);
  expect(ofKind('payer')).toHaveLength(1);

  for (const domain of needDomains) {
    const offering = organizations.filter((organization) =>
      organization.services.some((service) => service.needDomain === domain),
    );
    expect(offering.length, `organisations offering ${domain}`).toBeGreaterThanOrEqual(2);
  }
  for (const cbo of ofKind('community_organization')) {
    expect(cbo.services.length).toBeGreaterThanOrEqual(1);
    expect(cbo.services.length).toBeLessThanOrEqual(3);
    for (const service of cbo.services) expect(service.languages[0]).toBe('en');
  }

  const names = organizations.map((organization) => organization.name.toLowerCase());
  expect(new Set(names).size).toBe(names.length);
  const keys = organizations.map((organization) => organization.key);
  expect(new Set(keys).size).toBe(keys.length);
  const phones = organizations.map((organization) => organization.phone);
  expect(new Set(phones).size).toBe(phones.length);
  for (const organization of organizations) {
    expect(organization.phone).toMatch(/^\(\d{3}\) 555-01\d\d$/);
    expect(organization.website).toBe(`https://${organization.key}.example.org`);
    expect(organization.description.length).toBeGreaterThan(0);
  }

  const emails = users.map((user) => user.email);
  expect(new Set(emails).size).toBe(emails.length);
  for (const user of users) {
    expect(user.email).toBe(user.email.toLowerCase());
    expect(user.email).toMatch(/^[a-z0-9.]+@[a-z0-9-]+\.(demo|example)$/);
    const home = organizations.find((organization) => organization.key === user.organizationKey);
    expect(home, user.email).toBeDefined();
    for (const unitKey of user.unitKeys) expect(home!.units.map((unit) => unit.key)).toContain(unitKey);
  }
  expect(users.length).toBeLessThanOrEqual(30);

  // A placeholder left in any text means a word list and a template disagree.
  expect(JSON.stringify(network)).not.toMatch(/[{}]\w/);
}

describe('generateDemoNetwork', () => {
  it('gives the same network for the same seed', () => {
    const first = generateDemoNetwork(42);
    const second = generateDemoNetwork(42);
    expect(second).toEqual(first);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('gives a different network for another seed', () => {
    expect(generateDemoNetwork(43)).not.toEqual(generateDemoNetwork(42));
    const counties = new Set(seeds.map((seed) => generateDemoNetwork(seed).county));
    expect(counties.size).toBeGreaterThan(10);
  });

  it('builds a complete network for many seeds', () => {
    for (const seed of [0, -5, 2 ** 40 + 3, ...seeds]) checkNetwork(generateDemoNetwork(seed));
  });

  it('has one published login per role, at the agreed organisations', () => {
    const network = generateDemoNetwork(7);
    expect(demoLogins.map((login) => login.role)).toEqual([...roles]);
    const host = network.organizations.find((organization) => organization.isHost)!;
    const at = (email: string) => network.users.find((user) => user.email === email);
    for (const { role, email } of demoLogins) expect(at(email)?.roles).toEqual([role]);
    expect(at('admin@kith.demo')!.organizationKey).toBe(host.key);
    expect(at('leader@kith.demo')!.organizationKey).toBe(host.key);
    expect(at('manager@kith.demo')!.unitKeys).toEqual(['enhanced-care-team']);
    expect(at('coordinator@kith.demo')!.unitKeys).toEqual(['enhanced-care-team']);
    const partnerHome = network.organizations.find(
      (organization) => organization.key === at('partner@kith.demo')!.organizationKey,
    )!;
    expect(partnerHome.kind).toBe('community_organization');
    expect(partnerHome.services[0]!.needDomain).toBe('food');
  });

  it('refuses a seed that is not a number', () => {
    expect(() => generateDemoNetwork(Number.NaN)).toThrow(/seed/);
  });
});
