// One completed screening by its own id (a FHIR QuestionnaireResponse read, or one of its answers
// as an Observation): under the 'needs' category of its person; the items flagged 'sud' are left
// out unless the access rule gave 'sud'. A screening that does not exist and one of a person the
// actor may not see are the same 404. Audited in the same transaction.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { organizationNames } from '../identity';
import { accessAuditDetails, sees } from '../people';
import { guardRecordOf } from './guard';
import { listScreeningRows, type ScreeningRow } from './needs.store';
import type { GivenItem } from './questionnaire';
import { loadQuestionnaires, visibleItems, type AnsweredItem, type ScreenedQuestionnaire } from './screening-records';
import { findScreeningPerson } from './screening-search.store';

export interface ScreeningRecord {
  /** The screening without its stored answers: `items` holds those the viewer may see. */
  screening: Omit<ScreeningRow, 'answers'>;
  items: AnsweredItem[];
  /** Some answers were left out (flagged 'sud', and the viewer has no 'sud'). */
  withheld: boolean;
  questionnaire: ScreenedQuestionnaire;
  /** The name of the organisation that recorded it. */
  organizationNames: Map<string, string>;
}

export async function readScreening(
  context: UseCaseContext,
  props: { screeningId: string; itemNumber?: number },
): Promise<ScreeningRecord> {
  const missing = props.itemNumber === undefined ? 'No screening with this id.' : 'No screening answer with this id.';
  return context.db.tx(async (q) => {
    const { personId, holderOrganizationId, access } = await guardRecordOf(
      q,
      context,
      await findScreeningPerson(q, props.screeningId),
      'screening.read',
      missing,
    );
    const [row] = await listScreeningRows(q, personId, access.categories, props.screeningId);
    if (!row) throw new AppError('not_found', missing);
    const questionnaire = (await loadQuestionnaires(q, [row.questionnaire_id])).get(row.questionnaire_id)!;
    const { answers, ...screening } = row;
    const { items, withheld } = visibleItems(answers as GivenItem[], questionnaire, sees(access, 'sud'));
    if (props.itemNumber !== undefined && !items.some((item) => item.number === props.itemNumber))
      throw new AppError('not_found', missing);
    await audit(q, auditContextOf(context), {
      action: 'screening.read',
      recordType: 'screening',
      recordId: row.id,
      recordOrganizationId: holderOrganizationId,
      personId,
      details: { ...accessAuditDetails(access), ...(props.itemNumber !== undefined && { item: props.itemNumber }) },
    });
    const names = await organizationNames(q, row.recorded_by_organization_id ? [row.recorded_by_organization_id] : []);
    return { screening, items, withheld, questionnaire, organizationNames: names };
  });
}
