import { AuditListQuery, AuditPage, AuditVerification } from '@tansiq/core';
import { listAudit } from '../../services/list-audit.ts';
import { verifyAudit } from '../../services/verify-audit.ts';
import { ctxOf } from '../context.ts';
import { defineRoute, type RouteDef } from '../route.ts';

/**
 * The audit log, for admins only (issue 5: "admins read the log through the API"): `access:
 * 'admin'` says so, and the access issue's enforcement refuses everyone else.
 */
export const auditRouteDefs: RouteDef[] = [
  defineRoute({
    method: 'GET',
    url: '/api/audit',
    summary:
      'The audit log of every write, newest first (keyset cursor); filters: table, recordId, actor, from, to',
    tag: 'audit',
    access: 'admin',
    query: AuditListQuery,
    response: AuditPage,
    handler: ({ query }, req) => listAudit(ctxOf(req), query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/audit/verify',
    summary: 'Check the audit log’s hash chain and checkpoint (as `tansiq audit verify` does)',
    tag: 'audit',
    access: 'admin',
    response: AuditVerification,
    handler: (_input, req) => verifyAudit(ctxOf(req)),
  }),
];
