// The scoring rules Kith starts a standard questionnaire with, where an answer alone makes the
// need plain. Admins and program managers change them per questionnaire; a new version of a
// questionnaire starts from the rules of the version before it. Scores that add several answers
// up (the AHC safety questions, PRAPARE's risk count) are not rules of one answer, so they are not here.
import type { ScoringRule, Severity } from './questionnaire';

const rule = (linkId: string, answers: string[], needDomain: string, severity: Severity = 'medium'): ScoringRule[] =>
  answers.map((answer) => ({ linkId, answer, needDomain, severity }));

const often = 'LA28397-0';
const sometimes = 'LA6729-3';
const yes = 'LA33-6';

export const defaultRules: Record<string, ScoringRule[]> = {
  // Hunger Vital Sign: "often true" or "sometimes true" to either question is a positive screen.
  'http://hl7.org/fhir/us/sdoh-clinicalcare/Questionnaire/SDOHCC-QuestionnaireHungerVitalSign': [
    ...rule('/88122-7', [often, sometimes], 'food-insecurity'),
    ...rule('/88123-5', [often, sometimes], 'food-insecurity'),
    ...rule('/88124-3', ['LA19952-3'], 'food-insecurity'),
  ],
  // The AHC HRSN screening tool (core questions).
  'http://shinny.org/us/ny/hrsn/Questionnaire/SHINNYNYSHRSNQuestionnaire': [
    ...rule('71802-3', ['LA31994-9'], 'housing-instability'),
    ...rule('71802-3', ['LA31995-6'], 'homelessness', 'high'),
    ...rule(
      '96778-6',
      ['LA31996-4', 'LA28580-1', 'LA31997-2', 'LA31998-0', 'LA31999-8', 'LA32000-4', 'LA32001-2'],
      'inadequate-housing',
    ),
    ...rule('96779-4', [yes], 'utility-insecurity'),
    ...rule('96779-4', ['LA32002-0'], 'utility-insecurity', 'high'),
    ...rule('88122-7', [often, sometimes], 'food-insecurity'),
    ...rule('88123-5', [often, sometimes], 'food-insecurity'),
    ...rule('93030-5', [yes], 'transportation-insecurity'),
    ...rule('96780-2', ['LA31981-6', 'LA31982-4'], 'employment-status', 'low'),
    ...rule('96782-8', [yes], 'educational-attainment', 'low'),
  ],
  // PRAPARE.
  'http://hl7.org/fhir/us/sdoh-clinicalcare/Questionnaire/SDOHCC-QuestionnairePRAPARE': [
    ...rule('/93042-0/71802-3', ['LA30190-5'], 'homelessness', 'high'),
    ...rule('/93042-0/93033-9', [yes], 'housing-instability'),
    ...rule('/93041-2/67875-5', ['LA17956-6'], 'employment-status', 'low'),
    ...rule('/93041-2/76437-3', ['LA30194-7'], 'health-insurance-coverage-status'),
    ...rule('/93041-2/93031-3', ['LA30125-1'], 'food-insecurity'),
    ...rule('/93041-2/93031-3', ['LA30126-9'], 'material-hardship'),
    ...rule('/93041-2/93031-3', ['LA30124-4'], 'utility-insecurity'),
    ...rule('/93041-2/93031-3', ['LA30128-5'], 'medical-cost-burden'),
    ...rule('/93041-2/93030-5', ['LA30133-5', 'LA30134-3'], 'transportation-insecurity'),
    ...rule('/93040-4/93029-7', ['LA27722-0'], 'social-connection', 'low'),
    ...rule('/93040-4/93038-8', ['LA13902-4', 'LA13914-9'], 'stress'),
    ...rule('/93039-6/93028-9', [yes], 'incarceration-status', 'low'),
    ...rule('/93039-6/76501-6', [yes], 'intimate-partner-violence', 'high'),
  ],
};
