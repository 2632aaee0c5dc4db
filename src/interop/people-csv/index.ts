// Bulk enrolment from CSV exports of the organisation's own lists.
export { importPeopleCsv, formatPeopleReport, type PeopleCsvReport } from './import-people-csv';
export { parseMapFlag, readMappingFile, readPeopleCsv, readBirthDate, decodeCsv } from './read-people-csv';
