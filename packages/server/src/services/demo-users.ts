import type { Role } from '@tansiq/core';
import { stableId } from '../store/builtins.ts';
import { existingIds } from '../store/registry.ts';
import { findUserByEmail } from '../store/users.ts';
import type { Ctx } from './context.ts';
import { createRecords } from './create-records.ts';
import { createUser } from './create-user.ts';
import { organizations } from './resources/registry.ts';

/**
 * One user per role, for trying tansiq out. Their passwords are printed in the README, so they
 * exist only where someone asked for the demo: `tansiq demo load`, or the quick start's first
 * start (TANSIQ_DEMO=1), never merely because a server is reached.
 */
export const demoHub = stableId('demo', 'org/demo-hub');

/* The scenario's organizations (load-demo.ts names them by the same keys). */

export const demoUsers: readonly { email: string; role: Role; organizationId: string; password: string }[] = [
  { email: 'admin@demo.tansiq.org', role: 'admin', organizationId: demoHub, password: 'demo-admin-tansiq' },
  {
    email: 'coordinator@demo.tansiq.org',
    role: 'coordinator',
    organizationId: demoHub,
    password: 'demo-coordinator-tansiq',
  },
  {
    email: 'partner@demo.tansiq.org',
    role: 'partner_editor',
    organizationId: stableId('demo', 'org/icrc'),
    password: 'demo-partner-tansiq',
  },
  {
    email: 'analyst@demo.tansiq.org',
    role: 'analyst',
    organizationId: stableId('demo', 'org/baladi-news'),
    password: 'demo-analyst-tansiq',
  },
  {
    email: 'viewer@demo.tansiq.org',
    role: 'viewer',
    organizationId: stableId('demo', 'org/united-nations'),
    password: 'demo-viewer-tansiq',
  },
];

/** Creates the demo hub and the demo users that are missing; returns the emails created. */
export async function loadDemoUsers(ctx: Ctx): Promise<string[]> {
  if ((await existingIds(ctx.db, 'organizations', [demoHub], true)).size === 0) {
    await createRecords(ctx, organizations, [
      {
        id: demoHub,
        names: { ar: 'مركز التنسيق التجريبي', en: 'Demo coordination hub' },
        acronym: 'DEMO',
        kind: 'other',
      },
    ]);
  }
  const created: string[] = [];
  for (const user of demoUsers) {
    if (await findUserByEmail(ctx.db, user.email)) continue;
    await createUser(ctx, {
      email: user.email,
      organizationId: user.organizationId,
      roles: [user.role],
      password: user.password,
    });
    created.push(user.email);
  }
  return created;
}
