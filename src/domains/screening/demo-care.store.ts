// Writing the demo population's care in bulk: each person's completed demo screening, the needs it
// found (some moved on since, with the history of each step) and their goals, in one statement per
// table (the demo's start stays fast). Only the demo seeder calls this, in its own transaction, as
// the operator; ids are made here, everything else is handed in.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../platform/db/database';
import type { GivenItem } from './questionnaire';
import type { GoalAchievementStatus, GoalLifecycleStatus, NeedStatus } from './screening.schema';

interface DemoChange<Field extends string> {
  field: Field;
  from: string | null;
  to: string | null;
  /** When (ISO timestamp). */
  at: string;
  by: string | null;
}

export interface DemoCareInput {
  personId: string;
  screening: {
    answers: GivenItem[];
    language: string;
    completedAt: string;
    recordedBy: string | null;
    recordedByOrganizationId: string | null;
  };
  needs: {
    needDomain: string;
    severity: 'low' | 'medium' | 'high' | 'urgent';
    status: NeedStatus;
    priority: number | null;
    addressedByOrganizationId: string | null;
    identifiedOn: string;
    resolvedOn: string | null;
    createdBy: string | null;
    /** After the 'created' row the screening writes: each later step. */
    changes: DemoChange<'status' | 'addressed_by' | 'priority'>[];
  }[];
  goals: {
    /** The position in `needs` of the need the goal addresses, or null. */
    needIndex: number | null;
    needDomain: string | null;
    description: string;
    lifecycleStatus: GoalLifecycleStatus;
    achievementStatus: GoalAchievementStatus | null;
    startDate: string;
    targetDate: string | null;
    statusDate: string;
    expressedBy: 'person' | 'team';
    createdBy: string | null;
    /** After the 'created' row: each later step. */
    changes: DemoChange<'lifecycle_status' | 'achievement_status'>[];
  }[];
}

export async function bulkInsertDemoCare(
  q: Queryable,
  questionnaireId: string,
  people: DemoCareInput[],
): Promise<{ screenings: number; needs: number; goals: number; needIds: string[][] }> {
  const screenings: Record<string, unknown>[] = [];
  const needs: Record<string, unknown>[] = [];
  const needChanges: Record<string, unknown>[] = [];
  const goals: Record<string, unknown>[] = [];
  const goalChanges: Record<string, unknown>[] = [];
  /** The ids given to each person's needs, in the order of `people` and of their needs. */
  const needIdsOfPeople: string[][] = [];
  for (const person of people) {
    const screeningId = randomUUID();
    const { screening } = person;
    screenings.push({
      id: screeningId,
      person_id: person.personId,
      answers: screening.answers,
      language: screening.language,
      recorded_by: screening.recordedBy,
      recorded_by_organization_id: screening.recordedByOrganizationId,
      completed_at: screening.completedAt,
    });
    const needIds = person.needs.map(() => randomUUID());
    needIdsOfPeople.push(needIds);
    person.needs.forEach((need, index) => {
      const id = needIds[index]!;
      const last = need.changes.at(-1)?.at ?? screening.completedAt;
      needs.push({
        id,
        person_id: person.personId,
        need_domain: need.needDomain,
        severity: need.severity,
        status: need.status,
        priority: need.priority,
        addressed_by_organization_id: need.addressedByOrganizationId,
        identified_on: need.identifiedOn,
        resolved_on: need.resolvedOn,
        source_screening_id: screeningId,
        created_by: need.createdBy,
        created_at: screening.completedAt,
        updated_at: last,
      });
      needChanges.push({
        need_id: id,
        field: 'created',
        from_value: null,
        to_value: 'identified',
        screening_id: screeningId,
        changed_by: need.createdBy,
        changed_at: screening.completedAt,
      });
      for (const change of need.changes) {
        needChanges.push({
          need_id: id,
          field: change.field,
          from_value: change.from,
          to_value: change.to,
          screening_id: null,
          changed_by: change.by,
          changed_at: change.at,
        });
      }
    });
    for (const goal of person.goals) {
      const id = randomUUID();
      const createdAt = `${goal.startDate}T15:00:00Z`;
      goals.push({
        id,
        person_id: person.personId,
        need_id: goal.needIndex === null ? null : needIds[goal.needIndex]!,
        need_domain: goal.needDomain,
        description: goal.description,
        lifecycle_status: goal.lifecycleStatus,
        achievement_status: goal.achievementStatus,
        start_date: goal.startDate,
        target_date: goal.targetDate,
        status_date: goal.statusDate,
        expressed_by: goal.expressedBy,
        created_by: goal.createdBy,
        created_at: createdAt,
        updated_at: goal.changes.at(-1)?.at ?? createdAt,
      });
      goalChanges.push({
        goal_id: id,
        field: 'created',
        from_value: null,
        // The lifecycle it was made with: where its first change of lifecycle started from.
        to_value: goal.changes.find((change) => change.field === 'lifecycle_status')?.from ?? goal.lifecycleStatus,
        changed_by: goal.createdBy,
        changed_at: createdAt,
      });
      for (const change of goal.changes) {
        goalChanges.push({
          goal_id: id,
          field: change.field,
          from_value: change.from,
          to_value: change.to,
          changed_by: change.by,
          changed_at: change.at,
        });
      }
    }
  }
  await q.query(
    `INSERT INTO screening_responses (id, person_id, questionnaire_id, answers, language, recorded_by,
                                      recorded_by_organization_id, completed_at)
     SELECT r.id, r.person_id, $1::uuid, r.answers, r.language, r.recorded_by, r.recorded_by_organization_id, r.completed_at
       FROM jsonb_to_recordset($2::jsonb) AS r (id uuid, person_id uuid, answers jsonb, language text, recorded_by uuid,
                                                recorded_by_organization_id uuid, completed_at timestamptz)`,
    [questionnaireId, JSON.stringify(screenings)],
  );
  await q.query(
    `INSERT INTO screening_needs (id, person_id, need_domain, severity, status, priority, addressed_by_organization_id,
                                  identified_on, resolved_on, source, source_screening_id, created_by, created_at, updated_at)
     SELECT n.id, n.person_id, n.need_domain, n.severity, n.status, n.priority, n.addressed_by_organization_id,
            n.identified_on, n.resolved_on, 'screening', n.source_screening_id, n.created_by, n.created_at, n.updated_at
       FROM jsonb_to_recordset($1::jsonb) AS n (id uuid, person_id uuid, need_domain text, severity text, status text,
                                                priority integer, addressed_by_organization_id uuid, identified_on date,
                                                resolved_on date, source_screening_id uuid, created_by uuid,
                                                created_at timestamptz, updated_at timestamptz)`,
    [JSON.stringify(needs)],
  );
  await q.query(
    `INSERT INTO screening_need_changes (need_id, field, from_value, to_value, screening_id, changed_by, changed_at)
     SELECT c.need_id, c.field, c.from_value, c.to_value, c.screening_id, c.changed_by, c.changed_at
       FROM jsonb_to_recordset($1::jsonb) AS c (need_id uuid, field text, from_value text, to_value text, screening_id uuid,
                                                changed_by uuid, changed_at timestamptz)
      ORDER BY c.changed_at`,
    [JSON.stringify(needChanges)],
  );
  await q.query(
    `INSERT INTO screening_goals (id, person_id, need_id, need_domain, description, lifecycle_status, achievement_status,
                                  start_date, target_date, status_date, expressed_by, created_by, created_at, updated_at)
     SELECT g.id, g.person_id, g.need_id, g.need_domain, g.description, g.lifecycle_status, g.achievement_status,
            g.start_date, g.target_date, g.status_date, g.expressed_by, g.created_by, g.created_at, g.updated_at
       FROM jsonb_to_recordset($1::jsonb) AS g (id uuid, person_id uuid, need_id uuid, need_domain text, description text,
                                                lifecycle_status text, achievement_status text, start_date date,
                                                target_date date, status_date date, expressed_by text, created_by uuid,
                                                created_at timestamptz, updated_at timestamptz)`,
    [JSON.stringify(goals)],
  );
  await q.query(
    `INSERT INTO screening_goal_changes (goal_id, field, from_value, to_value, changed_by, changed_at)
     SELECT c.goal_id, c.field, c.from_value, c.to_value, c.changed_by, c.changed_at
       FROM jsonb_to_recordset($1::jsonb) AS c (goal_id uuid, field text, from_value text, to_value text, changed_by uuid,
                                                changed_at timestamptz)
      ORDER BY c.changed_at`,
    [JSON.stringify(goalChanges)],
  );
  return { screenings: screenings.length, needs: needs.length, goals: goals.length, needIds: needIdsOfPeople };
}
