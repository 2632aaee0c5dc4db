// Table of contents of screening and needs over HTTP: questionnaires and their scoring rules, a
// person's screenings, needs and the history of their needs.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/auth/authenticate';
import type { Database } from '../../platform/db/database';
import { addGoal } from './add-goal';
import { addNeed } from './add-need';
import { changeGoal } from './change-goal';
import { changeNeed } from './change-need';
import { changeScoringRules } from './change-scoring-rules';
import { readGoals } from './read-goals';
import { readNeedHistory } from './read-need-history';
import { readNeeds } from './read-needs';
import { readQuestionnaire, readQuestionnaires } from './read-questionnaires';
import { readScreenings } from './read-screenings';
import { recordScreening } from './record-screening';
import { parseQuestionnaire } from './questionnaire';
import * as present from './screening.presenter';
import * as schema from './screening.schema';

export function screeningRoutes(app: FastifyInstance, options: { db: Database }): void {
  const { db } = options;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['screening'];

  api.get('/api/questionnaires', {
    schema: {
      tags,
      summary: 'The questionnaires a screening can use (their current versions)',
      response: { 200: z.object({ items: z.array(schema.QuestionnaireSummary) }) },
    },
    handler: async (request) => ({
      items: (await readQuestionnaires(contextOf(request, db), {})).map((row) =>
        present.presentQuestionnaire(
          row,
          parseQuestionnaire(row.resource).questions.filter((question) => question.answerable).length,
        ),
      ),
    }),
  });

  api.get('/api/questionnaires/:questionnaireId', {
    schema: {
      tags,
      summary: 'A questionnaire: its questions in each language it has, and its scoring rules',
      params: schema.QuestionnaireIdParams,
      response: { 200: schema.QuestionnaireDetail },
    },
    handler: async (request) =>
      present.presentQuestionnaireDetail(
        await readQuestionnaire(contextOf(request, db), { questionnaireId: request.params.questionnaireId }),
      ),
  });

  api.put('/api/questionnaires/:questionnaireId/rules', {
    schema: {
      tags,
      summary:
        'Replace the scoring rules: which answers are a positive screen for which need domain (host admins and program managers)',
      params: schema.QuestionnaireIdParams,
      body: schema.ReplaceRulesBody,
      response: { 200: z.object({ items: z.array(schema.ScoringRule) }) },
    },
    handler: async (request) => ({
      items: (
        await changeScoringRules(contextOf(request, db), { questionnaireId: request.params.questionnaireId, body: request.body })
      ).map(present.presentRule),
    }),
  });

  api.get('/api/people/:personId/screenings', {
    schema: {
      tags,
      summary: 'A person’s completed screenings (with a consent naming needs)',
      params: schema.PersonIdParams,
      response: { 200: schema.ScreeningList },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const rows = await readScreenings(contextOf(request, db), { personId: request.params.personId });
      return { items: rows.map((row) => present.presentScreening(row)) };
    },
  });

  api.post('/api/people/:personId/screenings', {
    schema: {
      tags,
      summary: 'Record a completed screening: its answers are scored and open or update the person’s needs',
      params: schema.PersonIdParams,
      body: schema.RecordScreeningBody,
      response: { 201: schema.ScreeningResult },
    },
    handler: async (request, reply) => {
      const outcome = await recordScreening(contextOf(request, db), { personId: request.params.personId, body: request.body });
      return reply.code(201).send({
        screening: present.presentScreening(outcome.screening),
        needs: outcome.needs.map((need) => present.presentNeed(need)),
        created: outcome.created,
        updated: outcome.updated,
      });
    },
  });

  api.get('/api/people/:personId/needs', {
    schema: {
      tags,
      summary: 'A person’s needs, open ones first (with a consent naming needs)',
      params: schema.PersonIdParams,
      querystring: schema.NeedsQuery,
      response: { 200: schema.NeedList },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const record = await readNeeds(contextOf(request, db), {
        personId: request.params.personId,
        openOnly: request.query.status === 'open',
      });
      return { items: record.needs.map((need) => present.presentNeed(need, record.organizationNames)) };
    },
  });

  api.get('/api/people/:personId/needs/history', {
    schema: {
      tags,
      summary: 'Every change of a person’s needs: who, when, from what to what',
      params: schema.PersonIdParams,
      querystring: schema.NeedHistoryQuery,
      response: { 200: schema.NeedHistory },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const history = await readNeedHistory(contextOf(request, db), {
        personId: request.params.personId,
        needId: request.query.needId,
      });
      return { items: history.changes.map((change) => present.presentNeedChange(change, history.userNames)) };
    },
  });

  api.post('/api/people/:personId/needs', {
    schema: {
      tags,
      summary: 'Record a need by hand',
      params: schema.PersonIdParams,
      body: schema.AddNeedBody,
      response: { 201: schema.Need },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          present.presentNeed(await addNeed(contextOf(request, db), { personId: request.params.personId, body: request.body })),
        ),
  });

  api.patch('/api/people/:personId/needs/:needId', {
    schema: {
      tags,
      summary: 'Change a need’s status, severity, the person’s priority or who addresses it (the change is kept in its history)',
      params: schema.NeedIdParams,
      body: schema.ChangeNeedBody,
      response: { 200: schema.Need },
    },
    handler: async (request) =>
      present.presentNeed(
        await changeNeed(contextOf(request, db), {
          personId: request.params.personId,
          needId: request.params.needId,
          body: request.body,
        }),
      ),
  });

  api.get('/api/people/:personId/goals', {
    schema: {
      tags,
      summary: 'A person’s goals with the history of each (with a consent naming the care plan)',
      params: schema.PersonIdParams,
      response: { 200: schema.GoalList },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const record = await readGoals(contextOf(request, db), { personId: request.params.personId });
      return {
        items: record.goals.map((goal) => present.presentGoal(goal, record.changes.get(goal.id), record.userNames)),
      };
    },
  });

  api.post('/api/people/:personId/goals', {
    schema: {
      tags,
      summary: 'Add a goal of the person, optionally addressing one of their needs',
      params: schema.PersonIdParams,
      body: schema.AddGoalBody,
      response: { 201: schema.Goal },
    },
    handler: async (request, reply) => {
      const record = await addGoal(contextOf(request, db), { personId: request.params.personId, body: request.body });
      return reply.code(201).send(present.presentGoal(record.goal, record.changes, record.userNames));
    },
  });

  api.patch('/api/people/:personId/goals/:goalId', {
    schema: {
      tags,
      summary: 'Change a goal: its words, where it stands, how it goes (e.g. achieved), its target date or note',
      params: schema.GoalIdParams,
      body: schema.ChangeGoalBody,
      response: { 200: schema.Goal },
    },
    handler: async (request) => {
      const record = await changeGoal(contextOf(request, db), {
        personId: request.params.personId,
        goalId: request.params.goalId,
        body: request.body,
      });
      return present.presentGoal(record.goal, record.changes, record.userNames);
    },
  });
}
