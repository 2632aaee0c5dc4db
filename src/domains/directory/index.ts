// The directory domain's public face: the only file other domains and interop may import. The
// HSDS importer, exporter and read API reach the hsds_* and directory_* tables through the
// functions here, never with SQL of their own.
import './directory.policy';
import { registerRecordNames } from '../../platform/audit/record-names';
import { directoryRecordNames } from './directory.store';

registerRecordNames('hsds_service', (q, ids) => directoryRecordNames(q, 'hsds_service', ids));
registerRecordNames('hsds_organization', (q, ids) => directoryRecordNames(q, 'hsds_organization', ids));
registerRecordNames('need_domain_rule', (q, ids) => directoryRecordNames(q, 'need_domain_rule', ids));

export { directoryRoutes } from './directory.routes';
export { hsdsModel, hsdsObjectNames } from './hsds-model';
export type { HsdsObjectName, HsdsObjectModel, HsdsFieldType } from './hsds-model';
export { SearchQuery } from './directory.schema';
export type { OpeningHours } from './directory.schema';

// Use cases.
export { searchDirectory } from './search-directory';
export type { DirectorySearch } from './search-directory';
export { updateIntake } from './update-intake';
export { updateServiceDetails } from './update-service-details';
export { updateOrganizationDetails } from './update-organization-details';
export { readService } from './read-service';
export { linkDirectoryOrganization } from './link-directory-organization';
export { addNeedDomainRule } from './add-need-domain-rule';
export { listHsdsRecords } from './list-hsds-records';

// Writing a directory: imports, the demo, the benchmark.
export {
  upsertHsdsRecords,
  WrittenRecords,
  existingHsdsIds,
  recordSourceIds,
  recordSourceHashes,
  sourceHashesOf,
  retireServicesMissingFrom,
} from './hsds.store';
export type { HsdsRecords, HsdsRow, WriteCounts, SourceRecord, SourceRecordHash, RetiredService } from './hsds.store';
export { withBulkLoad } from './bulk-load.store';
export { recordPlaceholderOrganizations, placeholderOrganizationIds, recordLocationEstimates } from './import-repairs.store';
export type { PlaceholderOrganization, LocationEstimate } from './import-repairs.store';
export { postalCodeCentres, postalCodeCentre } from './postal-places';
export { keepLocalEditsAfterImport } from './local-edits';
export type { KeptEdit } from './local-edits';
export type { PostalPlace } from './postal-places';
export { listPlaceholderOrganizations } from './list-placeholder-organizations';
export { rebuildSearchEntries, rebuildSearchEntriesAfterImport } from './search-index';
export { addNeedDomainTermRules } from './need-domain.store';
export { importIntakes, listOpenSlots } from './intake.store';
export type { IntakeImport } from './intake.store';

// Reading the public directory as HSDS: the read API's filters and pages, the export's snapshot,
// and the stored rows the assembler nests.
export {
  hsdsServicesFilter,
  hsdsOrganizationsFilter,
  hsdsServiceAtLocationsFilter,
  hsdsTaxonomiesFilter,
  hsdsTaxonomyTermsFilter,
  hsdsRecordsFilter,
  countHsdsMatches,
  hsdsMatchIds,
  hsdsRowsWhere,
  inHsdsSnapshot,
} from './hsds-read.store';
export type { HsdsFilter, HsdsRecordFilters } from './hsds-read.store';

// A service as a referral to it needs it: who in the network offers it, whether it takes referrals.
export { findReferralService } from './directory.store';
export type { ReferralServiceRow } from './directory.store';

// The need domains, for the domains that record needs (screening).
export { listNeedDomainRows } from './need-domain.store';
