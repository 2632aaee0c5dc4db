// The health-care and public side of the demo county: the host health system and its units, the
// primary care practices, the coalition backbone, the public agency and the payer. Same
// placeholders as community.ts, plus {surname} and {surname2} for practices named after doctors.
import type { UnitKind } from '../domains/identity';

export interface NamedProfile {
  names: readonly string[];
  description: string;
}

export interface UnitTemplate {
  key: string;
  name: string;
  kind: UnitKind;
  description: string;
}

export const hostProfiles: readonly NamedProfile[] = [
  {
    names: ['{county} Health', '{county} Regional Health System', '{hope} Health System', '{town} Memorial Health'],
    description:
      'The main hospital and clinic network of {county} County. It runs an enhanced care program for patients with many health and social needs.',
  },
];

/** Key of the unit the demo's program manager and care coordinators belong to. */
export const ENHANCED_CARE_TEAM = 'enhanced-care-team';

export const hostUnits: readonly UnitTemplate[] = [
  {
    key: ENHANCED_CARE_TEAM,
    name: 'Enhanced Care Team',
    kind: 'team',
    description: 'Nurses, care coordinators and community health workers who help patients with many health and social needs.',
  },
  {
    key: 'cardiology',
    name: 'Cardiology',
    kind: 'department',
    description: 'Doctors and nurses who care for people with heart problems, like heart failure.',
  },
  {
    key: 'inpatient-medicine',
    name: 'Inpatient Medicine',
    kind: 'department',
    description: 'The hospital team that cares for adults who stay in the hospital overnight or longer.',
  },
  {
    key: 'emergency-department',
    name: 'Emergency Department',
    kind: 'department',
    description: 'Open day and night for sudden illness and injury.',
  },
  {
    key: 'behavioral-health',
    name: 'Behavioral Health',
    kind: 'department',
    description: 'Counselors and psychiatrists who treat mental health and drug or alcohol problems.',
  },
  {
    key: 'asthma-nurse-specialist',
    name: 'Asthma Nurse Specialist',
    kind: 'program',
    description: 'A nurse who teaches patients and families how to keep asthma under control at home.',
  },
  {
    key: 'home-visiting',
    name: 'Home Visiting',
    kind: 'program',
    description: 'Nurses who visit new parents and frail adults in their homes.',
  },
  {
    key: 'hiv-care-management',
    name: 'HIV/AIDS Care Management',
    kind: 'program',
    description: 'Case managers who help people living with HIV stay in care and keep taking their medicine.',
  },
  {
    key: 'primary-care-clinic',
    name: 'Primary Care Clinic',
    kind: 'clinic',
    description: "The health system's own clinic for check-ups and everyday care.",
  },
  {
    key: 'social-work',
    name: 'Social Work',
    kind: 'department',
    description: 'Social workers who help hospital patients plan a safe return home.',
  },
];

export const practiceProfiles: readonly NamedProfile[] = [
  {
    names: ['{town} Family Medicine', '{street} Street Family Practice'],
    description: 'A family doctor office in {town} that cares for children and adults.',
  },
  {
    names: ['{hope} Community Health Center', '{town} Community Health Center'],
    description: 'A community health center with doctors, nurses and dentists. Fees are based on income.',
  },
  {
    names: ['{town} Internal Medicine Associates', '{surname} and {surname2} Primary Care'],
    description: 'A small group of doctors who care for adults with long-term illnesses like diabetes.',
  },
  {
    names: ['{street} Street Clinic', '{town} Neighborhood Clinic'],
    description: 'A walk-in clinic for adults without a regular doctor. Staff speak several languages.',
  },
];

export const coalitionProfiles: readonly NamedProfile[] = [
  {
    names: [
      'Healthy {county} Coalition',
      '{county} Community Health Alliance',
      '{county} Partners for Health',
      'One {county} Network',
    ],
    description:
      'A group of health, social service and faith partners who work together on the health of {county} County. Its staff run the meetings and keep track of shared goals.',
  },
];

export const publicAgencyProfiles: readonly NamedProfile[] = [
  {
    names: ['{county} County Department of Social Services'],
    description: 'The county office for food stamps (SNAP), Medicaid sign-up, cash help and child and adult protection.',
  },
  {
    names: ['{county} County Health Department'],
    description: 'The county office for public health: shots, disease control, lead testing and health education.',
  },
  {
    names: ['{county} County Human Services Agency'],
    description: 'The county office for benefits, aging services and help for people with disabilities.',
  },
];

export const payerProfiles: readonly NamedProfile[] = [
  {
    names: ['{county} Community Health Plan', '{hope} Medicaid Plan', '{county} Family Care Plan'],
    description:
      'A Medicaid health plan for people in {county} County. It pays for care and helps members with complex needs find services.',
  },
];
