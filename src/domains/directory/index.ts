// The directory domain's public face: the only file other domains and interop may import.
import './directory.policy';

export { directoryRoutes } from './directory.routes';
export { hsdsModel, hsdsObjectNames } from './hsds-model';
export type { HsdsObjectName, HsdsObjectModel, HsdsFieldType } from './hsds-model';
export { upsertHsdsRecords } from './hsds-store';
export { withBulkLoad } from './bulk-load';
export type { HsdsRecords, HsdsRow, WriteCounts } from './hsds-store';
export { rebuildSearchEntries, rebuildLexiconAndPostalCodes } from './search-index';
export { addNeedDomainTermRules, importIntakes, linkDirectoryOrganization } from './directory.store';
export type { IntakeImport } from './directory.store';
export { updateIntake } from './update-intake';
export { searchDirectory } from './search';
