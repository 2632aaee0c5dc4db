// Goal: a person's goal as FHIR R4, shaped after the SDOHCC Goal: its lifecycle status, how it
// goes as achievementStatus (HL7's goal-achievement codes), the need domain as category (the
// Gravity Project's SDOH categories in the IG's code system; Kith's own domains in Kith's), the
// goal in words as description.text, the person as subject, start and target dates, when its
// status last changed, who expressed it, the need it addresses as a Condition (a need is served as
// Condition with the need's id), and the note.
import { gravityCategory } from './sdoh-categories';
import type { GoalRow } from '../../domains/screening';
import { codeSystems, hl7 } from './systems';

export interface FhirGoal extends Record<string, unknown> {
  resourceType: 'Goal';
  id: string;
}

/** HL7's display of each goal-achievement code. */
const achievementDisplay: Record<NonNullable<GoalRow['achievement_status']>, string> = {
  in_progress: 'In Progress',
  improving: 'Improving',
  worsening: 'Worsening',
  no_change: 'No Change',
  achieved: 'Achieved',
  sustaining: 'Sustaining',
  not_achieved: 'Not Achieved',
  no_progress: 'No Progress',
  not_attainable: 'Not Attainable',
};

/** Kith's codes as FHIR's: underscores become hyphens (on_hold → on-hold, in_progress → in-progress). */
export const fhirCode = (code: string) => code.replace(/_/g, '-');
export const kithCode = (code: string) => code.replace(/-/g, '_');

export function needDomainSystem(code: string): string {
  // A Gravity SDOH category where the domain is one (sdoh-categories.ts); Kith's own code system otherwise.
  return gravityCategory(code) ? hl7.sdohTemporaryCodes : codeSystems.needDomain;
}

export function presentGoal(
  goal: GoalRow,
  names: { holderOrganizationId: string; organizations: Map<string, string>; needDomains: Map<string, string> },
): FhirGoal {
  const holder = names.organizations.get(names.holderOrganizationId);
  return {
    resourceType: 'Goal',
    id: goal.id,
    meta: {
      lastUpdated: goal.updated_at.toISOString(),
      ...(goal.sensitive === 'sud' && {
        security: [{ system: hl7.actCode, code: 'SUD', display: 'substance use disorder information sensitivity' }],
      }),
    },
    lifecycleStatus: fhirCode(goal.lifecycle_status),
    ...(goal.achievement_status && {
      achievementStatus: {
        coding: [
          {
            system: hl7.goalAchievement,
            code: fhirCode(goal.achievement_status),
            display: achievementDisplay[goal.achievement_status],
          },
        ],
      },
    }),
    ...(goal.need_domain && {
      category: [
        {
          coding: [{ system: needDomainSystem(goal.need_domain), code: goal.need_domain }],
          ...(names.needDomains.get(goal.need_domain) && { text: names.needDomains.get(goal.need_domain) }),
        },
      ],
    }),
    description: { text: goal.description },
    subject: { reference: `Patient/${goal.person_id}` },
    startDate: goal.start_date,
    ...(goal.target_date && { target: [{ dueDate: goal.target_date }] }),
    statusDate: goal.status_date,
    expressedBy:
      goal.expressed_by === 'person'
        ? { reference: `Patient/${goal.person_id}` }
        : { display: holder ? `The care team at ${holder}` : 'The care team' },
    ...(goal.need_id && { addresses: [{ reference: `Condition/${goal.need_id}` }] }),
    ...(goal.note && { note: [{ text: goal.note }] }),
  };
}
