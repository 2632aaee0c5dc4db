// Table of contents of referrals over HTTP: make one, the inbox and the outbox, their counts, one
// referral, moving it on, and an organisation's answer time.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/auth/authenticate';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { changeReferralStatus, StaleReferral } from './change-referral-status';
import { createReferral } from './create-referral';
import { readReferral } from './read-referral';
import { readReferralCounts } from './read-referral-counts';
import { readReferralSettings } from './read-referral-settings';
import { readReferrals } from './read-referrals';
import type { ReferralRecord } from './referral-record';
import * as present from './referrals.presenter';
import * as schema from './referrals.schema';
import { updateReferralSettings } from './update-referral-settings';

const one = (header: string | string[] | undefined) => (Array.isArray(header) ? header.join(',') : header);

/** The Idempotency-Key header: 1 to 255 visible ASCII characters (a UUID, say), or none. */
function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  const value = one(header)?.trim();
  if (value === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,255}$/.test(value))
    throw AppError.field('header.idempotency-key', 'must be 1 to 255 visible characters without spaces, such as a UUID');
  return value;
}

/** The version an If-Match header names (`W/"3"`, `"3"`), or undefined without one. */
function ifMatchVersion(header: string | string[] | undefined): number | undefined {
  const value = one(header)?.trim();
  if (value === undefined) return undefined;
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(value);
  if (!match) throw AppError.field('header.if-match', 'must be the ETag of the referral as read, such as W/"3"');
  return Number(match[1]);
}

export function referralsRoutes(app: FastifyInstance, options: { db: Database; timeZone?: string }): void {
  const { db } = options;
  const timeZone = options.timeZone ?? 'America/New_York';
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['referrals'];
  const answer = (reply: FastifyReply, record: ReferralRecord) => {
    reply.header('etag', present.referralEtag(record.row.version)).header('cache-control', 'no-store');
    return present.presentReferral(record);
  };

  api.post('/api/referrals', {
    schema: {
      tags,
      summary:
        'Refer a person (for a need of theirs, or none) to a service of the directory: kept as a draft, or sent under a live consent naming the partner (422 says what consent is missing). An Idempotency-Key header makes a retry answer with the same referral (200)',
      body: schema.CreateReferralBody,
      response: { 200: schema.Referral, 201: schema.Referral },
    },
    handler: async (request, reply) => {
      const made = await createReferral(contextOf(request, db), {
        body: request.body,
        idempotencyKey: idempotencyKeyOf(request.headers['idempotency-key']),
        timeZone,
      });
      return reply.code(made.replayed ? 200 : 201).send(answer(reply, made.record));
    },
  });

  api.get('/api/referrals', {
    schema: {
      tags,
      summary:
        'The inbox (referrals sent to your organisation) or the outbox (those it made), or one person’s of either: overdue first, then those waiting for an answer, oldest first',
      querystring: schema.ReferralsQuery,
      response: { 200: schema.ReferralPage },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const page = await readReferrals(contextOf(request, db), { query: request.query, timeZone });
      return {
        items: page.items.map((item) => present.presentReferralListItem(item, page.organizationNames)),
        nextCursor: page.nextCursor,
      };
    },
  });

  api.get('/api/referrals/counts', {
    schema: {
      tags,
      summary: 'How many referrals your inbox and outbox hold, by state, waiting for an answer and overdue',
      response: { 200: schema.ReferralCounts },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return readReferralCounts(contextOf(request, db), { timeZone });
    },
  });

  api.get('/api/referrals/settings', {
    schema: {
      tags,
      summary: 'Your organisation’s answer time for the referrals sent to it, in business days (admins)',
      response: { 200: schema.ReferralSettings },
    },
    handler: async (request) => present.presentReferralSettings(await readReferralSettings(contextOf(request, db))),
  });

  api.put('/api/referrals/settings', {
    schema: {
      tags,
      summary: 'Set your organisation’s answer time for the referrals sent to it: 1 to 30 business days (admins)',
      body: schema.ReferralSettingsBody,
      response: { 200: schema.ReferralSettings },
    },
    handler: async (request) =>
      present.presentReferralSettings(await updateReferralSettings(contextOf(request, db), { body: request.body })),
  });

  api.get('/api/referrals/:referralId', {
    schema: {
      tags,
      summary: 'One referral, with the person as far as you may see them and every change of its state (ETag: its version)',
      params: schema.ReferralIdParams,
      response: { 200: schema.Referral },
    },
    handler: async (request, reply) =>
      answer(reply, await readReferral(contextOf(request, db), { referralId: request.params.referralId, timeZone })),
  });

  api.post('/api/referrals/:referralId/transitions', {
    schema: {
      tags,
      summary:
        'Move a referral to another state (send If-Match with its ETag: none is 428, a stale one 412 with the referral as it is now; a move that cannot follow is 409 with the allowed ones)',
      params: schema.ReferralIdParams,
      body: schema.ReferralTransitionBody,
      response: { 200: schema.Referral },
    },
    handler: async (request, reply) => {
      try {
        return answer(
          reply,
          await changeReferralStatus(contextOf(request, db), {
            referralId: request.params.referralId,
            body: request.body,
            ifMatchVersion: ifMatchVersion(request.headers['if-match']),
            timeZone,
          }),
        );
      } catch (error) {
        if (!(error instanceof StaleReferral)) throw error;
        reply.header('etag', present.referralEtag(error.current.row.version));
        throw new AppError(error.code, error.message, {
          ...error.extra,
          data: { current: present.presentReferral(error.current) },
        });
      }
    },
  });
}
