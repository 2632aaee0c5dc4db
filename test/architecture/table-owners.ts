// Who owns each table: the one folder whose code may name it in SQL. Everyone else reaches the
// table through its owner's index.ts. A table the migrations create that this map does not place
// fails the table-ownership test until it is placed here.

export interface TableOwner {
  /** The owner's folder, relative to the repository. */
  folder: string;
  /** Tables by exact name. */
  tables?: string[];
  /** Tables by the prefix of their name. */
  prefixes?: string[];
}

export const tableOwners: TableOwner[] = [
  {
    folder: 'src/domains/identity',
    tables: [
      'organizations',
      'units',
      'users',
      'user_units',
      'sessions',
      'api_tokens',
      'network_settings',
      'sign_in_throttle',
      'sign_in_devices',
    ],
  },
  { folder: 'src/domains/directory', tables: ['need_domain', 'need_domain_rule'], prefixes: ['hsds_', 'directory_'] },
  { folder: 'src/domains/people', tables: ['people', 'care_programs'], prefixes: ['person_'] },
  { folder: 'src/domains/screening', prefixes: ['screening_'] },
  { folder: 'src/domains/outreach', prefixes: ['outreach_'] },
  { folder: 'src/domains/referrals', tables: ['referrals'], prefixes: ['referral_'] },
  { folder: 'src/platform/audit', tables: ['audit_log'] },
  { folder: 'src/platform/db', tables: ['kith_migrations'] },
];

/** Files that name every table by design: the backup copies all of them, the app role is granted all of them. */
export const everyTableFiles = [/^src\/cli\/backup[^/]*\.ts$/, /^src\/platform\/db\/app-role\.ts$/];

export function ownerOf(table: string): TableOwner | undefined {
  return tableOwners.find((owner) => owner.tables?.includes(table) || owner.prefixes?.some((prefix) => table.startsWith(prefix)));
}

/** Tables named by the map itself, such as kith_migrations, which migrate.ts creates rather than a migration. */
export const tablesNamedByTheMap = tableOwners.flatMap((owner) => owner.tables ?? []);
