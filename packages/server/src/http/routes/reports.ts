import {
  ClaimedVsConfirmedQuery,
  ClaimedVsConfirmedReport,
  ConditionedAidQuery,
  ConditionedAidReport,
  MeetingsTimelineQuery,
  MeetingsTimelineReport,
  ReturnsReport,
  ReturnsReportQuery,
} from '@tansiq/core';
import { reportClaimedVsConfirmed } from '../../services/report-claimed-vs-confirmed.ts';
import { reportConditionedAid } from '../../services/report-conditioned-aid.ts';
import { reportMeetingsTimeline } from '../../services/report-meetings-timeline.ts';
import { reportReturns } from '../../services/report-returns.ts';
import { ctxOf } from '../context.ts';
import { defineRoute, type RouteDef } from '../route.ts';

/**
 * Read-only reports (api.md): `/api/reports/<name>`, with the list filters that apply.
 * Each report is one service (`services/report-<name>.ts`) and one route here.
 */
export const reportRouteDefs: RouteDef[] = [
  defineRoute({
    method: 'GET',
    url: '/api/reports/conditioned-aid',
    summary:
      'Which aid is conditioned on which agreement: one row per link, with the aid, the condition, the agreement and its parties, and conditionedOnPoliticalAgreement',
    tag: 'reports',
    access: 'signed_in',
    query: ConditionedAidQuery,
    response: ConditionedAidReport,
    handler: ({ query }, req) => reportConditionedAid(ctxOf(req), query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/reports/returns',
    summary:
      'Returns by destination governorate, counting method, population group and period; methods are added together only with combineMethods=true',
    tag: 'reports',
    access: 'signed_in',
    query: ReturnsReportQuery,
    response: ReturnsReport,
    handler: ({ query }, req) => reportReturns(ctxOf(req), query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/reports/meetings-timeline',
    summary:
      'Meetings by start date with conveners and attendance grouped (attended, invited, observer, declined, boycotted, walked_out) and counted',
    tag: 'reports',
    access: 'signed_in',
    query: MeetingsTimelineQuery,
    response: MeetingsTimelineReport,
    handler: ({ query }, req) => reportMeetingsTimeline(ctxOf(req), query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/reports/claimed-vs-confirmed',
    summary:
      'Claimed figures beside what records and the ledger show: one row per record and field (shipments, distributions, pledges, population movements) with every claim, its claimant, status and source, and the difference and ratio when units relate',
    tag: 'reports',
    access: 'signed_in',
    query: ClaimedVsConfirmedQuery,
    response: ClaimedVsConfirmedReport,
    handler: ({ query }, req) => reportClaimedVsConfirmed(ctxOf(req), query),
  }),
];
