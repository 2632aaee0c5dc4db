// Questionnaire: a screening questionnaire as Kith holds it, which is the FHIR R4 Questionnaire it
// was imported from (`kith import questionnaire`), served with Kith's id in place of the one it
// came with and with when Kith loaded it; its url and version say which questionnaire it is. Not
// personal data.
import type { QuestionnaireRow } from '../../domains/screening';

type Json = Record<string, unknown>;

export interface FhirQuestionnaire extends Json {
  resourceType: 'Questionnaire';
  id: string;
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export function presentQuestionnaire(row: Pick<QuestionnaireRow, 'id' | 'resource' | 'imported_at'>): FhirQuestionnaire {
  const resource = isObject(row.resource) ? row.resource : {};
  // The source server's version and time of its copy are not Kith's; its profiles and tags still hold.
  const {
    versionId: _versionId,
    lastUpdated: _lastUpdated,
    source: _source,
    ...meta
  } = isObject(resource.meta) ? resource.meta : {};
  return {
    ...resource,
    resourceType: 'Questionnaire',
    id: row.id,
    meta: { ...meta, lastUpdated: row.imported_at.toISOString() },
  };
}
