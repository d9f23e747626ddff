import { createHash } from 'node:crypto';
import { AppError } from '@tansiq/core';
import { stableId } from '../store/builtins.ts';
import { existingIds } from '../store/registry.ts';
import type { Ctx } from './context.ts';
import { createRecords } from './create-records.ts';
import { ingestSource } from './ingest-source.ts';
import { claims } from './resources/claims.ts';
import { persons } from './resources/persons.ts';
import { organizations } from './resources/registry.ts';
import { sources } from './resources/sources.ts';

/**
 * The evidence behind the founding scenario. The article is not ours to redistribute, so this
 * file holds only facts about it: its SHA-256, and for each claim the offsets of the quoted span
 * with a hash of the span. Given the article (`tansiq demo load --article FILE`), the claims are
 * anchored to their exact words; without it, the source is known by its metadata and the claims
 * carry no quote.
 */
export const articleSha256 = 'f33a289367cb599d7c0ddc8ff07eba3b2d26b49db77472a73e6c30e098098ac4';

const demoId = (key: string) => stableId('demo', key);
const ids = {
  article: demoId('source/baladi-2021-07-25'),
  author: demoId('person/ashraf-suleiman'),
  exampleSource: demoId('source/demo-example-receipt-note'),
  examplePartner: demoId('org/demo-example-partner'),
};
export const demoEvidenceIds = ids;

/** Offsets (UTF-16 code units, as JavaScript counts) and the first 16 hex digits of the span's SHA-256. */
const spans = {
  called: [368, 453, '7f6d0c1f9cf9e724'],
  announced: [456, 592, '22a29e1310dc0c7a'],
  jointDate: [713, 855, '2020cd88344a4bf9'],
  participants: [858, 1003, '64a19153f5632131'],
  vaccines: [1697, 1758, '319e35d21324ebb1'],
  aid: [1760, 1841, '9aece58fcc7586ff'],
  cities: [1863, 1964, 'a50e85360cf8bcc3'],
  agreements: [1967, 2131, '27ca6c2d3f64a316'],
  conference2020: [2163, 2247, 'a4fa6b042518dc7b'],
  boycott: [2277, 2347, '901b0e1961ed85e7'],
  notCredible: [2396, 2515, 'c7ea0bd825f77444'],
} as const satisfies Record<string, readonly [number, number, string]>;
type SpanKey = keyof typeof spans;

interface DemoRecordIds {
  russianMod: string;
  syrianAuthorities: string;
  russianGovernment: string;
  coordinationHq: string;
  unitedNations: string;
  icrc: string;
  usGovernment: string;
  usStateDepartment: string;
  baladiNews: string;
  conference2020: string;
  jointMeeting2021: string;
  vaccineShipment: string;
  aidShipment: string;
  vaccineDistribution: string;
  aidDistribution: string;
  agreementPackage: string;
  politicalCondition: string;
}

interface DemoClaim {
  key: string;
  subject: [resource: string, id: string];
  field: string;
  value: unknown;
  claimant: string;
  span: SpanKey;
  /** primary: the claimant says it in this source; secondary: the source reports what the claimant said. */
  reporterRole: 'primary' | 'secondary';
}

function claimsOf(d: DemoRecordIds): DemoClaim[] {
  const mod = d.russianMod;
  const outlet = d.baladiNews;
  const sites = ['refugee_camp', 'health_facility', 'school'];
  const inCities = { placeCount: 7, targetSiteTypes: sites, text: '7 مدن سورية' };
  const claim = (
    key: string,
    subject: DemoClaim['subject'],
    field: string,
    value: unknown,
    claimant: string,
    span: SpanKey,
  ) => ({
    key,
    subject,
    field,
    value,
    claimant,
    span,
    reporterRole: claimant === outlet ? ('primary' as const) : ('secondary' as const),
  });
  const joint: DemoClaim['subject'] = ['meetings', d.jointMeeting2021];
  const conference: DemoClaim['subject'] = ['meetings', d.conference2020];
  const vaccines: DemoClaim['subject'] = ['shipments', d.vaccineShipment];
  const aid: DemoClaim['subject'] = ['shipments', d.aidShipment];
  const vaccineDistribution: DemoClaim['subject'] = ['distributions', d.vaccineDistribution];
  const aidDistribution: DemoClaim['subject'] = ['distributions', d.aidDistribution];
  const agreement: DemoClaim['subject'] = ['agreements', d.agreementPackage];
  const condition = { agreementId: d.agreementPackage, conditionId: d.politicalCondition, type: 'political' };
  return [
    claim('joint/conveners', joint, 'conveners', [mod], outlet, 'called'),
    claim('joint/status', joint, 'status', { status: 'announced', on: '2021-07-24' }, mod, 'announced'),
    claim('joint/period', joint, 'period', { start: '2021-07-26' }, mod, 'jointDate'),
    claim('joint/place', joint, 'place', { pcode: 'SY01', text: 'دمشق' }, mod, 'jointDate'),
    claim(
      'joint/participants',
      joint,
      'participants',
      [d.syrianAuthorities, d.unitedNations, d.icrc].map((organizationId) => ({
        organizationId,
        attendance: 'invited',
      })),
      mod,
      'participants',
    ),
    claim(
      'vaccines/quantity',
      vaccines,
      'lines.0.quantity',
      { amount: 250_000, unit: 'dose' },
      mod,
      'vaccines',
    ),
    claim('vaccines/status', vaccines, 'status', { status: 'received', on: '2021-07-24' }, mod, 'vaccines'),
    claim(
      'aid/quantity',
      aid,
      'lines.0.quantity',
      { amount: 160, unit: 'tonne', approximate: true },
      mod,
      'aid',
    ),
    claim('aid/status', aid, 'status', { status: 'received', on: '2021-07-24' }, mod, 'aid'),
    claim('vaccine-distribution/place', vaccineDistribution, 'place', inCities, mod, 'cities'),
    claim('vaccine-distribution/status', vaccineDistribution, 'status', 'planned', mod, 'cities'),
    claim('aid-distribution/place', aidDistribution, 'place', inCities, mod, 'cities'),
    claim('aid-distribution/status', aidDistribution, 'status', 'planned', mod, 'cities'),
    claim(
      'vaccine-distribution/condition',
      vaccineDistribution,
      'conditions',
      [condition],
      outlet,
      'agreements',
    ),
    claim('aid-distribution/condition', aidDistribution, 'conditions', [condition], outlet, 'agreements'),
    claim('agreement/count', agreement, 'instrumentCount', 10, outlet, 'agreements'),
    claim(
      'agreement/domains',
      agreement,
      'domains',
      ['legal_assistance', 'cybersecurity', 'customs', 'trade', 'education'],
      outlet,
      'agreements',
    ),
    claim(
      'agreement/condition',
      agreement,
      'conditions.0',
      { type: 'political', state: 'unmet' },
      outlet,
      'agreements',
    ),
    claim(
      'conference/period',
      conference,
      'period',
      { start: '2020-11-11', end: '2020-11-12' },
      outlet,
      'conference2020',
    ),
    claim(
      'conference/conveners',
      conference,
      'conveners',
      [d.russianGovernment, d.syrianAuthorities],
      outlet,
      'conference2020',
    ),
    claim('conference/status', conference, 'status', { status: 'held' }, outlet, 'conference2020'),
    claim(
      'conference/boycott',
      conference,
      'participants',
      [
        { organizationId: d.usGovernment, attendance: 'boycotted' },
        { group: { en: 'Western states', ar: 'دول غربية' }, attendance: 'boycotted' },
        { group: { en: 'Most Arab states', ar: 'معظم الدول العربية' }, attendance: 'boycotted' },
      ],
      outlet,
      'boycott',
    ),
    claim(
      'conference/credibility',
      conference,
      'credibility',
      'not_credible',
      d.usStateDepartment,
      'notCredible',
    ),
  ];
}

/**
 * A second source, written for the demo and labelled as such everywhere it shows, that gives a
 * different figure for the aid: it shows how two claims about one fact stand side by side.
 */
const exampleText = [
  'مثال توضيحي للعرض فقط — ليست وثيقة حقيقية.',
  'DEMO EXAMPLE ONLY — not a real document.',
  '',
  'مذكرة استلام: استُلم 152 طنًا من المساعدات الإنسانية في دمشق بتاريخ 24 تموز 2021.',
  'Receipt note: 152 tonnes of humanitarian aid were received in Damascus on 24 July 2021.',
].join('\n');
const exampleQuote = '152 tonnes of humanitarian aid were received';

function anchor(
  article: string | undefined,
  key: SpanKey,
): { start: number; end: number; text: string } | undefined {
  if (article === undefined) return undefined;
  const [start, end, hash] = spans[key];
  const text = article.slice(start, end);
  if (createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16) !== hash) {
    throw new AppError('demo.article_mismatch', { expected: articleSha256 });
  }
  return { start, end, text };
}

/** Sources and claims of the scenario; missing ones are created, present ones left alone. */
export async function loadDemoEvidence(ctx: Ctx, d: DemoRecordIds, article?: string): Promise<number> {
  if (article !== undefined && createHash('sha256').update(article, 'utf8').digest('hex') !== articleSha256) {
    throw new AppError('demo.article_mismatch', { expected: articleSha256 });
  }
  let created = 0;
  if (!(await existingIds(ctx.db, persons.table.table, [ids.author], true)).size) {
    await createRecords(ctx, persons, [
      {
        id: ids.author,
        names: { ar: 'أشرف سليمان', en: 'Ashraf Suleiman' },
        role: 'journalist',
        affiliationId: d.baladiNews,
        sensitivity: 'public',
      },
    ]);
    created++;
  }
  if (!(await existingIds(ctx.db, organizations.table.table, [ids.examplePartner], true)).size) {
    await createRecords(ctx, organizations, [
      {
        id: ids.examplePartner,
        names: { ar: 'منظمة شريكة تجريبية (مثال للعرض)', en: 'Example partner organization (demo only)' },
        kind: 'other',
      },
    ]);
    created++;
  }
  const articleSource = await ingestOnce(ctx, {
    id: ids.article,
    kind: 'news_article',
    title: 'موسكو تحضر لمؤتمر اللاجئين الثاني بدمشق.. رسائل روسية على أنقاض سوريا المدمرة',
    language: 'ar',
    outletId: d.baladiNews,
    authorPersonId: ids.author,
    authorText: 'أشرف سليمان',
    published: { date: '2021-07-25', precision: 'day' },
    ...(article === undefined ? {} : { text: article }),
  });
  const exampleSource = await ingestOnce(ctx, {
    id: ids.exampleSource,
    kind: 'partner_submission',
    title: 'DEMO EXAMPLE — not a real document: receipt note / مثال توضيحي: مذكرة استلام',
    outletId: ids.examplePartner,
    published: { date: '2021-07-24', precision: 'day' },
    text: exampleText,
  });
  created += Number(articleSource) + Number(exampleSource);

  const all = claimsOf(d);
  const claimIds = all.map((c) => demoId(`claim/${c.key}`));
  const exampleClaimId = demoId('claim/demo-example/aid-quantity');
  const existing = await existingIds(ctx.db, claims.table.table, [...claimIds, exampleClaimId], true);
  const missing = all
    .map((c, i) => ({ ...c, id: claimIds[i] as string }))
    .filter((c) => !existing.has(c.id))
    .map((c) => {
      const quote = anchor(article, c.span);
      return {
        id: c.id,
        subject: { resource: c.subject[0], id: c.subject[1] },
        field: c.field,
        value: c.value,
        claimant: { organizationId: c.claimant },
        sourceId: ids.article,
        ...(quote ? { quote } : {}),
        claimedOn: { date: c.claimant === d.baladiNews ? '2021-07-25' : '2021-07-24', precision: 'day' },
        reporterRole: c.reporterRole,
      };
    });
  if (!existing.has(exampleClaimId)) {
    const start = exampleText.indexOf(exampleQuote);
    missing.push({
      id: exampleClaimId,
      subject: { resource: 'shipments', id: d.aidShipment },
      field: 'lines.0.quantity',
      value: { amount: 152, unit: 'tonne' },
      claimant: { organizationId: ids.examplePartner },
      sourceId: ids.exampleSource,
      quote: { start, end: start + exampleQuote.length, text: exampleQuote },
      claimedOn: { date: '2021-07-24', precision: 'day' },
      reporterRole: 'primary',
    });
  }
  if (missing.length > 0) await createRecords(ctx, claims, missing);
  return created + missing.length;
}

async function ingestOnce(ctx: Ctx, input: { id: string } & Record<string, unknown>): Promise<boolean> {
  if ((await existingIds(ctx.db, sources.table.table, [input.id], true)).size) return false;
  return (await ingestSource(ctx, input)).created;
}
