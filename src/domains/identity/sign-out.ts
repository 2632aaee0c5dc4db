// Sign out: the session row is deleted, so the cookie is worthless even if it was copied.
import { audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/auth/actor';
import { deleteSession } from '../../platform/auth/credentials.store';
import type { Database } from '../../platform/db/database';

export async function signOut(props: { db: Database; actor: Actor; ip?: string }): Promise<void> {
  const { db, actor } = props;
  await db.tx(async (q) => {
    if (actor.sessionTokenHash) await deleteSession(q, actor.sessionTokenHash);
    await audit(q, { actor, ip: props.ip }, {
      action: 'session.sign_out',
      recordType: 'user',
      recordId: actor.userId,
      recordOrganizationId: actor.organizationId,
    });
  });
}
