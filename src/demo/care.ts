// The demo population's care, made from the seed (the same seed, the same care): most people have
// completed the demo's short screening, scored by its own rules into needs exactly as a real
// screening would be; many of those needs have moved on since (in scope, out of scope with a
// community organisation, being addressed, met, declined), each step kept in the history, and
// some have goals, a few of them reached. Pure: the ids it needs are handed in.
import { checkQuestionnaire, scoreAnswers, type DemoCareInput, type GivenItem, type NeedStatus } from '../domains/screening';
import { createRandom, type Random } from './random';
import { demoScreening, demoScreeningRules } from './screening';

export interface DemoCarePerson {
  personId: string;
  /** The day the person was enrolled: the screening follows it. */
  enrolledOn: string;
  /** The person's lead coordinator, who screens them and keeps their needs. */
  coordinatorUserId: string;
  preferredLanguage: string;
  /** "What matters to me", in the person's words: some make it a goal of their own. */
  whatMatters: string;
}

export interface DemoCareIds {
  hostId: string;
  /** The community organisation of the partner login (the food pantry). */
  partnerOrganizationId: string;
  /** Other community organisations of the network, which address the needs out of the team's scope. */
  communityIds: string[];
}

/** Goals in the person's words, by the need they address. */
const goalWords: Record<string, readonly string[]> = {
  'food-insecurity': [
    'Have enough food at home every week',
    'Cook healthy meals for the family again',
    'Sign up for food benefits',
  ],
  'housing-instability': ['Keep my apartment', 'Catch up on the rent by spring', 'Find a lease I can afford'],
  homelessness: ['Have a safe place to sleep every night', 'Move into a place of my own'],
  'transportation-insecurity': ['Get to every appointment on time', 'Have a ride to the clinic and the store'],
  'utility-insecurity': ['Keep the heat and lights on this winter', 'Set up a payment plan for the power bill'],
  'intimate-partner-violence': ['Feel safe at home', 'Have a safety plan I trust'],
};

/** The share of people screened, and the answers' odds. */
const screenedShare = 0.75;

const addDays = (day: string, days: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:${hour % 2 ? '30' : '05'}:00.000Z`;

function answersOf(random: Random): GivenItem[] {
  const choose = (linkId: string, weights: [string, number][]) => {
    let roll = random.next();
    for (const [code, weight] of weights) {
      if (roll < weight) return { linkId, answers: [{ code }] };
      roll -= weight;
    }
    return { linkId, answers: [{ code: weights.at(-1)![0] }] };
  };
  const yes = (linkId: string, probability: number) => ({
    linkId,
    answers: [{ code: random.chance(probability) ? 'yes' : 'no' }],
  });
  return [
    choose('food', [
      ['often', 0.25],
      ['sometimes', 0.2],
      ['never', 0.55],
    ]),
    choose('housing', [
      ['steady', 0.62],
      ['worried', 0.28],
      ['none', 0.1],
    ]),
    yes('transport', 0.35),
    yes('utilities', 0.25),
    // "Do you feel safe where you live?": a no is the positive screen.
    yes('safety', 0.93),
    yes('wants-help', 0.6),
  ];
}

/** The path a need took from "identified" to where it is now, and who addresses it. */
function pathOf(random: Random, ids: DemoCareIds, needDomain: string): { steps: NeedStatus[]; addressedBy: string | null } {
  const partnerFor = () =>
    needDomain === 'food-insecurity' || ids.communityIds.length === 0 ? ids.partnerOrganizationId : random.pick(ids.communityIds);
  const roll = random.next();
  if (roll < 0.3) return { steps: [], addressedBy: null };
  if (roll < 0.42) return { steps: ['in_scope'], addressedBy: null };
  if (roll < 0.57) return { steps: ['out_of_scope'], addressedBy: partnerFor() };
  if (roll < 0.77)
    return random.chance(0.5)
      ? { steps: ['in_scope', 'being_addressed'], addressedBy: ids.hostId }
      : { steps: ['out_of_scope', 'being_addressed'], addressedBy: partnerFor() };
  if (roll < 0.92) {
    const partner = random.chance(0.6);
    return {
      steps: [partner ? 'out_of_scope' : 'in_scope', 'being_addressed', 'met'],
      addressedBy: partner ? partnerFor() : ids.hostId,
    };
  }
  if (roll < 0.97) return { steps: ['declined'], addressedBy: null };
  return { steps: ['not_applicable'], addressedBy: null };
}

const openStatuses = new Set<NeedStatus>(['identified', 'in_scope', 'out_of_scope', 'being_addressed']);

export function generateDemoCare(seed: number, people: DemoCarePerson[], ids: DemoCareIds): DemoCareInput[] {
  const random = createRandom(seed ^ 0x0ca2_e5ee);
  const questions = checkQuestionnaire(demoScreening).questions;
  const care: DemoCareInput[] = [];
  for (const person of people) {
    // Every person draws the same number of times whether screened or not, so one's care never shifts another's.
    const screened = random.chance(screenedShare);
    const personRandom = createRandom(random.int(0, 2 ** 31 - 1));
    if (!screened) continue;
    const by = person.coordinatorUserId;
    const screenedOn = addDays(person.enrolledOn, personRandom.int(2, 40));
    const answers = answersOf(personRandom);
    const found = scoreAnswers(questions, demoScreeningRules, answers);
    const needs: DemoCareInput['needs'] = [];
    const goals: DemoCareInput['goals'] = [];
    const prioritised = personRandom.chance(0.4);
    let priority = 0;
    for (const { needDomain, severity } of found) {
      const path = pathOf(personRandom, ids, needDomain);
      const changes: DemoCareInput['needs'][number]['changes'] = [];
      let day = screenedOn;
      let status = 'identified' as NeedStatus;
      let addressedBy = null as string | null;
      for (const [index, next] of path.steps.entries()) {
        day = addDays(day, personRandom.int(1, 21));
        changes.push({ field: 'status', from: status, to: next, at: at(day, 10 + index), by });
        status = next;
        if (index === 0 && path.addressedBy) {
          changes.push({ field: 'addressed_by', from: null, to: path.addressedBy, at: at(day, 10 + index), by });
          addressedBy = path.addressedBy;
        }
      }
      const open = openStatuses.has(status);
      const needPriority = prioritised && open ? ++priority : null;
      if (needPriority !== null)
        changes.push({ field: 'priority', from: null, to: String(needPriority), at: at(addDays(screenedOn, 1), 9), by });
      changes.sort((a, b) => a.at.localeCompare(b.at));
      needs.push({
        needDomain,
        severity,
        status,
        priority: needPriority,
        addressedByOrganizationId: addressedBy,
        identifiedOn: screenedOn,
        resolvedOn: open ? null : day,
        createdBy: by,
        changes,
      });

      // A goal for a need the team or a partner has taken on.
      const words = goalWords[needDomain];
      if (words && status !== 'identified' && status !== 'declined' && status !== 'not_applicable' && personRandom.chance(0.5)) {
        const startDate = addDays(screenedOn, personRandom.int(1, 10));
        const met = status === 'met';
        const goalChanges: DemoCareInput['goals'][number]['changes'] = [];
        let achievement: DemoCareInput['goals'][number]['achievementStatus'] = 'in_progress';
        let lifecycle: DemoCareInput['goals'][number]['lifecycleStatus'] = 'active';
        let statusDate = startDate;
        if (met || (status === 'being_addressed' && personRandom.chance(0.5))) {
          // Reached after it began: the day the need was met, or a few weeks in.
          statusDate = met ? [day, addDays(startDate, 1)].sort().at(-1)! : addDays(startDate, personRandom.int(7, 30));
          goalChanges.push({
            field: 'achievement_status',
            from: 'in_progress',
            to: met ? 'achieved' : 'improving',
            at: at(statusDate, 15),
            by,
          });
          achievement = met ? 'achieved' : 'improving';
          if (met) {
            goalChanges.push({ field: 'lifecycle_status', from: 'active', to: 'completed', at: at(statusDate, 16), by });
            lifecycle = 'completed';
          }
        }
        goals.push({
          needIndex: needs.length - 1,
          needDomain,
          description: personRandom.pick(words),
          lifecycleStatus: lifecycle,
          achievementStatus: achievement,
          startDate,
          targetDate: addDays(startDate, personRandom.pick([30, 60, 90, 180])),
          statusDate,
          expressedBy: personRandom.chance(0.7) ? 'person' : 'team',
          createdBy: by,
          changes: goalChanges,
        });
      }
    }
    // What matters to the person, as a goal of their own, for some.
    if (personRandom.chance(0.2)) {
      const startDate = addDays(screenedOn, 1);
      goals.push({
        needIndex: null,
        needDomain: null,
        description: person.whatMatters.replace(/\.$/, ''),
        lifecycleStatus: 'active',
        achievementStatus: 'in_progress',
        startDate,
        targetDate: null,
        statusDate: startDate,
        expressedBy: 'person',
        createdBy: by,
        changes: [],
      });
    }
    care.push({
      personId: person.personId,
      screening: {
        answers,
        language: person.preferredLanguage === 'es' ? 'es' : 'en',
        completedAt: at(screenedOn, 9),
        recordedBy: by,
        recordedByOrganizationId: ids.hostId,
      },
      needs,
      goals,
    });
  }
  return care;
}
