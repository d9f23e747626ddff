import type { AccessRule } from '@tansiq/core';
import type { MessageKey } from './i18n/index.ts';

/** The pages in the navigation, with what a user needs to see them (core/access.ts rules). */
export interface NavEntry {
  path: string;
  label: MessageKey;
  rule: AccessRule;
}

export const navEntries: readonly NavEntry[] = [
  { path: '/', label: 'nav.dashboard', rule: 'signed_in' },
  { path: '/map', label: 'nav.map', rule: 'signed_in' },
  { path: '/pipeline', label: 'nav.pipeline', rule: 'signed_in' },
  { path: '/3w', label: 'nav.3w', rule: 'signed_in' },
  { path: '/meetings', label: 'nav.meetings', rule: 'signed_in' },
  { path: '/agreements', label: 'nav.agreements', rule: 'signed_in' },
  { path: '/returns', label: 'nav.returns', rule: 'signed_in' },
  { path: '/registry', label: 'nav.registry', rule: 'signed_in' },
  { path: '/evidence', label: 'nav.evidence', rule: 'signed_in' },
  // Analysts and coordinators review extracted facts (issue 6): both hold claims.propose.
  { path: '/review', label: 'nav.review', rule: 'claims.propose' },
  { path: '/imports', label: 'nav.imports', rule: 'records.write' },
  { path: '/report', label: 'nav.report', rule: 'signed_in' },
  { path: '/admin', label: 'nav.admin', rule: 'admin' },
  { path: '/account', label: 'nav.account', rule: 'signed_in' },
];

/** The entry a path belongs to: `/evidence/shipments/…` is under Evidence. */
export function entryFor(path: string): NavEntry | undefined {
  if (path === '/') return navEntries[0];
  return navEntries.find(
    (entry) => entry.path !== '/' && (path === entry.path || path.startsWith(`${entry.path}/`)),
  );
}
