import { describe, expect, it } from 'vitest';
import { checkQuestionnaire, scoreAnswers } from '../domains/screening';
import { generateDemoCare, type DemoCarePerson } from './care';
import { demoScreening, demoScreeningRules } from './screening';

const ids = {
  hostId: 'host',
  partnerOrganizationId: 'pantry',
  communityIds: ['shelter', 'rides', 'legal'],
};

function population(count = 300): DemoCarePerson[] {
  return Array.from({ length: count }, (_, index) => ({
    personId: `person-${index}`,
    enrolledOn: `2026-0${(index % 9) + 1}-1${index % 10}`,
    coordinatorUserId: `coordinator-${index % 3}`,
    preferredLanguage: index % 4 === 0 ? 'es' : 'en',
    whatMatters: 'Staying in my own home.',
  }));
}

const open = new Set(['identified', 'in_scope', 'out_of_scope', 'being_addressed']);

describe('generateDemoCare', () => {
  it('gives the same care for the same seed, and other care for another', () => {
    const first = generateDemoCare(42, population(), ids);
    expect(generateDemoCare(42, population(), ids)).toEqual(first);
    expect(JSON.stringify(generateDemoCare(43, population(), ids))).not.toBe(JSON.stringify(first));
  });

  it('screens most people, and finds the needs the demo screening’s rules find in their answers', () => {
    const care = generateDemoCare(20261125, population(), ids);
    expect(care.length).toBeGreaterThan(180);
    expect(care.length).toBeLessThan(280);
    const questions = checkQuestionnaire(demoScreening).questions;
    for (const person of care) {
      const scored = scoreAnswers(questions, demoScreeningRules, person.screening.answers);
      expect(person.needs.map((need) => [need.needDomain, need.severity])).toEqual(
        scored.map((found) => [found.needDomain, found.severity]),
      );
    }
    expect(care.filter((person) => person.screening.language === 'es').length).toBeGreaterThan(30);
  });

  it('moves needs on step by step from identified, keeping each step, with open needs for most people with needs', () => {
    const care = generateDemoCare(20261125, population(), ids);
    const needs = care.flatMap((person) => person.needs);
    expect(needs.length).toBeGreaterThan(200);
    const statuses = new Set(needs.map((need) => need.status));
    expect([...statuses].sort()).toEqual(
      ['being_addressed', 'declined', 'identified', 'in_scope', 'met', 'not_applicable', 'out_of_scope'].sort(),
    );
    for (const need of needs) {
      const steps = need.changes.filter((change) => change.field === 'status');
      expect(steps[0]?.from ?? 'identified').toBe('identified');
      expect(steps.at(-1)?.to ?? 'identified').toBe(need.status);
      for (const [index, step] of steps.entries()) if (index > 0) expect(step.from).toBe(steps[index - 1]!.to);
      const times = need.changes.map((change) => change.at);
      expect(times).toEqual([...times].sort());
      expect(times.every((time) => time.slice(0, 10) >= need.identifiedOn)).toBe(true);
      if (open.has(need.status)) expect(need.resolvedOn).toBeNull();
      else expect(need.resolvedOn! >= need.identifiedOn).toBe(true);
      if (need.status === 'out_of_scope')
        expect(ids.communityIds.concat(ids.partnerOrganizationId)).toContain(need.addressedByOrganizationId);
    }
    const withNeeds = care.filter((person) => person.needs.length > 0);
    const withOpen = withNeeds.filter((person) => person.needs.some((need) => open.has(need.status)));
    expect(withOpen.length / withNeeds.length).toBeGreaterThan(0.6);
    // One need of a domain per person: a screening finds each domain once.
    for (const person of care) expect(new Set(person.needs.map((need) => need.needDomain)).size).toBe(person.needs.length);
  });

  it('gives some people goals, some reached, each addressing a need of theirs the team has taken on', () => {
    const care = generateDemoCare(20261125, population(), ids);
    const goals = care.flatMap((person) => person.goals.map((goal) => ({ goal, person })));
    expect(goals.length).toBeGreaterThan(40);
    expect(goals.filter(({ goal }) => goal.achievementStatus === 'achieved').length).toBeGreaterThan(5);
    expect(goals.filter(({ goal }) => goal.needIndex === null).length).toBeGreaterThan(5);
    for (const { goal, person } of goals) {
      if (goal.targetDate) expect(goal.targetDate >= goal.startDate).toBe(true);
      expect(goal.statusDate >= goal.startDate).toBe(true);
      if (goal.needIndex === null) continue;
      const need = person.needs[goal.needIndex]!;
      expect(goal.needDomain).toBe(need.needDomain);
      expect(['identified', 'declined', 'not_applicable']).not.toContain(need.status);
      if (goal.achievementStatus === 'achieved') expect([need.status, goal.lifecycleStatus]).toEqual(['met', 'completed']);
    }
  });
});
