// Kith's need domains as the SDOH categories of the Gravity Project, which the SDOH Clinical Care IG
// keeps in its code system SDOHCC-CodeSystemTemporaryCodes (hl7.sdohTemporaryCodes): the category
// of a Condition (a need) and of an Observation (an answer a scoring rule ties to a need domain).
//
//   Kith need domain                   Gravity SDOH category              in the IG
//   food-insecurity                    food-insecurity                    STU 2
//   housing-instability                housing-instability                STU 2
//   homelessness                       homelessness                       STU 2
//   inadequate-housing                 inadequate-housing                 STU 2
//   transportation-insecurity          transportation-insecurity          STU 2
//   utility-insecurity                 utility-insecurity                 STU 3 (ballot)
//   financial-insecurity               financial-insecurity               STU 2
//   material-hardship                  material-hardship                  STU 2
//   employment-status                  employment-status                  STU 2
//   educational-attainment             educational-attainment             STU 2
//   intimate-partner-violence          intimate-partner-violence          STU 2
//   elder-abuse                        elder-abuse                        STU 2
//   social-connection                  social-connection                  STU 2
//   stress                             stress                             STU 2
//   veteran-status                     veteran-status                     STU 2
//   health-insurance-coverage-status   health-insurance-coverage-status   STU 2
//   medical-cost-burden                medical-cost-burden                STU 2
//   digital-access                     digital-access                     STU 3 (ballot)
//   digital-literacy                   digital-literacy                   STU 3 (ballot)
//   personal-health-literacy           personal-health-literacy           STU 2
//   language-access                    language-access                    STU 3 (ballot)
//   incarceration-status               incarceration-status               STU 3 (ballot)
//   behavioral-health                  none: Kith's own domain            -
//   legal-help                         none: Kith's own domain            -
//   caregiver-support                  none: Kith's own domain            -
//   spiritual-support                  none: Kith's own domain            -
//
// The Gravity domains are Kith's codes already (the need_domain migration took them from the IG),
// so the map is the identity where there is one. Five came with the STU 3 ballot of the same code
// system and are served under their STU 3 codes. Kith's four own domains have no Gravity category:
// their Conditions and Observations carry the US Core 'sdoh' category and Kith's need-domain code
// only. A need domain added later that this table does not name is treated as Kith's own.
import { tokens } from './search-params';
import { codeSystems, hl7 } from './systems';

export interface Coding {
  system: string;
  code: string;
  display: string;
}

const gravity: Record<string, string> = {
  'food-insecurity': 'Food Insecurity',
  'housing-instability': 'Housing Instability',
  homelessness: 'Homelessness',
  'inadequate-housing': 'Inadequate Housing',
  'transportation-insecurity': 'Transportation Insecurity',
  'utility-insecurity': 'Utility Insecurity',
  'financial-insecurity': 'Financial Insecurity',
  'material-hardship': 'Material Hardship',
  'employment-status': 'Employment Status',
  'educational-attainment': 'Educational Attainment',
  'intimate-partner-violence': 'Intimate Partner Violence',
  'elder-abuse': 'Elder Abuse',
  'social-connection': 'Social Connection',
  stress: 'Stress',
  'veteran-status': 'Veteran Status',
  'health-insurance-coverage-status': 'Health Insurance Coverage Status',
  'medical-cost-burden': 'Medical Cost Burden',
  'digital-access': 'Digital Access',
  'digital-literacy': 'Digital Literacy',
  'personal-health-literacy': 'Personal Health Literacy',
  'language-access': 'Language Access',
  'incarceration-status': 'Incarceration Status',
};

/** The Gravity SDOH category of a Kith need domain, or undefined for Kith's own domains. */
export function gravityCategory(needDomain: string): Coding | undefined {
  const display = gravity[needDomain];
  return display ? { system: hl7.sdohTemporaryCodes, code: needDomain, display } : undefined;
}

/** The Kith need domains a Gravity category code stands for (none for a code that is not one). */
export function needDomainsOfGravity(code: string): string[] {
  return Object.hasOwn(gravity, code) ? [code] : [];
}

/**
 * Clinical codes of a need, where the IG's own examples give them for the same concern (SNOMED CT
 * and ICD-10-CM, as on SDOHCC-ConditionFoodInsecurityExample and SDOHCC-ConditionHomelessExample).
 * Other needs are coded by Kith's need-domain code alone.
 */
export const clinicalCodes: Record<string, Coding[]> = {
  'food-insecurity': [
    { system: hl7.snomed, code: '733423003', display: 'Food insecurity' },
    { system: hl7.icd10cm, code: 'Z59.4', display: 'Lack of adequate food' },
  ],
  homelessness: [
    { system: hl7.snomed, code: '32911000', display: 'Homeless' },
    { system: hl7.icd10cm, code: 'Z59.0', display: 'Homelessness' },
  ],
};

/** The US Core category every SDOH resource carries. */
export const sdohCategory: Coding = { system: hl7.usCoreCategory, code: 'sdoh', display: 'SDOH' };

/**
 * The need domains a category search (`a,b`: any of them) names: a Gravity category, or a need-domain
 * code of Kith's own; undefined when one of them is a category every resource of the type carries
 * (`everywhere`: social-history, survey and sdoh for an Observation; health-concern and sdoh for a Condition).
 */
export function needDomainsOfCategory(
  param: string,
  value: string,
  everywhere: { system: string; code: string }[],
): string[] | undefined {
  const domains = new Set<string>();
  for (const { system, value: code } of tokens(param, value)) {
    if (everywhere.some((category) => category.code === code && (system === undefined || system === category.system)))
      return undefined;
    if (system === undefined || system === hl7.sdohTemporaryCodes)
      for (const domain of needDomainsOfGravity(code)) domains.add(domain);
    if (system === undefined || system === codeSystems.needDomain) domains.add(code);
  }
  return [...domains];
}
