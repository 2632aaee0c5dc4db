// Every API request reads its session through a named (prepared) statement. A signed-in user must
// never see an error because of it: not after the connection to the database was replaced (the
// embedded engine's one session outlives its connections), and not when the session already holds
// a statement of that name (as behind a pooler that hands out whichever session is free).
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/harness';
import { buildOrganization, buildUser } from '../../../test/support/factories';
import { signedIn } from '../../../test/support/http-client';

describeEachEngine('named statements', (ctx) => {
  async function signedInUser() {
    const organization = await buildOrganization(ctx().db);
    const user = await buildUser(ctx().db, { organizationId: organization.id });
    return { user, client: await signedIn(ctx().baseUrl, user.email, user.password) };
  }

  /** Closes every idle connection, as the pool does once they sit idle for a while. */
  async function closeIdleConnections() {
    const idle = await Promise.all(Array.from({ length: ctx().db.pool.idleCount }, () => ctx().db.pool.connect()));
    for (const connection of idle) connection.release(true);
  }

  it('still reads the session after the connection to the database was replaced', async () => {
    const { user, client } = await signedInUser();
    expect((await client.get('/api/me')).status).toBe(200);
    await closeIdleConnections();
    for (let request = 0; request < 3; request++) {
      const me = await client.get<{ user: { email: string } }>('/api/me');
      expect(me.status).toBe(200);
      expect(me.body.user.email).toBe(user.email);
    }
  });

  it('still reads the session when the database session already holds a statement of that name', async () => {
    const { user, client } = await signedInUser();
    // New connections, whose client library has prepared nothing, to sessions that hold the name.
    await closeIdleConnections();
    const held = await Promise.all(Array.from({ length: ctx().engine === 'pglite' ? 1 : 2 }, () => ctx().db.pool.connect()));
    for (const connection of held) {
      await connection.query('PREPARE "actor-from-session" AS SELECT 1');
      connection.release();
    }
    for (let request = 0; request < 3; request++) {
      const me = await client.get<{ user: { email: string } }>('/api/me');
      expect(me.status).toBe(200);
      expect(me.body.user.email).toBe(user.email);
    }
  });
});
