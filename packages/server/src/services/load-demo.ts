import { stableId } from '../store/builtins.ts';
import { existingIds } from '../store/registry.ts';
import type { Ctx } from './context.ts';
import { createRecords } from './create-records.ts';
import { loadDemoEvidence } from './demo-evidence.ts';
import { loadDemoUsers } from './demo-users.ts';
import { linkAidToCondition } from './link-aid-to-condition.ts';
import { recordShipmentReceipt } from './record-shipment-receipt.ts';
import type { Resource } from './resource.ts';
import { agreements } from './resources/agreements.ts';
import { distributions } from './resources/distributions.ts';
import { meetings } from './resources/meetings.ts';
import { items, organizations } from './resources/registry.ts';
import { shipments } from './resources/shipments.ts';

/**
 * The founding scenario: a July 2021 Baladi News article on the Russian–Syrian refugee-return
 * meetings in Damascus. Every record here is a fact the article states (or, for the agreements,
 * the single package it describes without naming its parts); nothing is invented to fill gaps:
 * the seven cities are unnamed, so the distributions point at Syria and say "7 cities".
 * Ids are stable so that re-running finds the same records, and later parts (sources, claims)
 * can refer to them.
 */
const demoId = (key: string) => stableId('demo', key);
const unit = (pcode: string) => stableId('admin-unit', pcode);

export const demoIds = {
  russianGovernment: demoId('org/russian-government'),
  russianMod: demoId('org/russian-mod'),
  syrianAuthorities: demoId('org/syrian-authorities'),
  coordinationHq: demoId('org/coordination-hq'),
  unitedNations: demoId('org/united-nations'),
  icrc: demoId('org/icrc'),
  usGovernment: demoId('org/us-government'),
  usStateDepartment: demoId('org/us-state-department'),
  baladiNews: demoId('org/baladi-news'),
  sputnikLight: demoId('item/sputnik-light'),
  humanitarianAid: demoId('item/humanitarian-aid'),
  conference2020: demoId('meeting/refugee-conference-2020'),
  jointMeeting2021: demoId('meeting/joint-coordination-meeting-2021'),
  vaccineShipment: demoId('shipment/sputnik-light-2021'),
  vaccineLine: demoId('shipment/sputnik-light-2021/line/1'),
  aidShipment: demoId('shipment/humanitarian-aid-2021'),
  aidLine: demoId('shipment/humanitarian-aid-2021/line/1'),
  vaccineDistribution: demoId('distribution/sputnik-light-2021'),
  aidDistribution: demoId('distribution/humanitarian-aid-2021'),
  agreementPackage: demoId('agreement/package-of-10-2021'),
  politicalCondition: demoId('agreement/package-of-10-2021/condition/signing'),
} as const;

const d = demoIds;
const syria = unit('SY');
const damascus = unit('SY01');

const demoOrganizations = [
  {
    id: d.russianGovernment,
    names: { ar: 'حكومة روسيا الاتحادية', en: 'Government of the Russian Federation' },
    kind: 'government',
    country: 'RU',
  },
  {
    id: d.russianMod,
    names: { ar: 'وزارة الدفاع الروسية', en: 'Russian Ministry of Defence' },
    acronym: 'MoD RF',
    kind: 'government',
    country: 'RU',
    parentId: d.russianGovernment,
  },
  {
    id: d.syrianAuthorities,
    names: { ar: 'السلطات السورية', en: 'Syrian authorities' },
    kind: 'government',
    country: 'SY',
  },
  {
    id: d.coordinationHq,
    names: {
      ar: 'مقر التنسيق المشترك الروسي السوري لعودة اللاجئين',
      en: 'Joint Russian–Syrian Coordination Headquarters for Refugee Return',
    },
    kind: 'other',
  },
  {
    id: d.unitedNations,
    names: { ar: 'الأمم المتحدة', en: 'United Nations' },
    acronym: 'UN',
    kind: 'un_agency',
  },
  {
    id: d.icrc,
    names: { ar: 'اللجنة الدولية للصليب الأحمر', en: 'International Committee of the Red Cross' },
    acronym: 'ICRC',
    kind: 'red_cross_red_crescent',
    country: 'CH',
  },
  {
    id: d.usGovernment,
    names: { ar: 'حكومة الولايات المتحدة الأمريكية', en: 'United States government' },
    acronym: 'USG',
    kind: 'government',
    country: 'US',
  },
  {
    id: d.usStateDepartment,
    names: { ar: 'وزارة الخارجية الأمريكية', en: 'US Department of State' },
    kind: 'government',
    country: 'US',
    parentId: d.usGovernment,
  },
  { id: d.baladiNews, names: { ar: 'بلدي نيوز', en: 'Baladi News' }, kind: 'media', country: 'SY' },
];

const demoItems = [
  {
    id: d.sputnikLight,
    code: 'VAC-SPUTNIK-LIGHT',
    names: { ar: 'لقاح سبوتنيك لايت', en: 'Sputnik Light vaccine' },
    category: 'vaccine',
    sector: 'health',
    baseUnit: 'dose',
    unitKind: 'count',
    conversions: [{ unit: 'vial', factor: 5 }],
  },
  {
    id: d.humanitarianAid,
    code: 'AID-MIXED',
    names: {
      ar: 'مساعدات إنسانية (أغذية وأدوية ومعدات ومستلزمات أساسية)',
      en: 'Humanitarian aid (food, medicine, equipment and basic supplies)',
    },
    category: 'other',
    sector: 'multi_sector',
    baseUnit: 'kg',
    unitKind: 'mass',
    conversions: [],
  },
];

const demoMeetings = [
  {
    id: d.conference2020,
    kind: 'conference',
    titles: { ar: 'مؤتمر اللاجئين الأول في دمشق', en: 'First refugee conference in Damascus' },
    period: { start: '2020-11-11', end: '2020-11-12', precision: 'day' },
    place: { adminUnitId: damascus, text: 'دمشق' },
    participants: [
      { organizationId: d.russianGovernment, role: 'convener', attendance: 'attended' },
      { organizationId: d.syrianAuthorities, role: 'convener', attendance: 'attended' },
      { organizationId: d.usGovernment, role: 'participant', attendance: 'boycotted' },
      { group: { ar: 'دول غربية', en: 'Western states' }, role: 'participant', attendance: 'boycotted' },
      {
        group: { ar: 'معظم الدول العربية', en: 'Most Arab states' },
        role: 'participant',
        attendance: 'boycotted',
      },
    ],
    statusHistory: [{ status: 'held', occurredOn: '2020-11-11', precision: 'day' }],
  },
  {
    id: d.jointMeeting2021,
    kind: 'coordination_meeting',
    titles: {
      ar: 'الاجتماع المشترك لمقر التنسيق الروسي السوري بشأن عودة اللاجئين',
      en: 'Joint meeting of the Russian–Syrian coordination headquarters on refugee return',
    },
    period: { start: '2021-07-26', precision: 'day' },
    place: { adminUnitId: damascus, text: 'دمشق' },
    participants: [
      { organizationId: d.russianMod, role: 'convener' },
      { organizationId: d.coordinationHq, role: 'convener' },
      { organizationId: d.syrianAuthorities, role: 'participant', attendance: 'invited' },
      { organizationId: d.unitedNations, role: 'participant', attendance: 'invited' },
      { organizationId: d.icrc, role: 'participant', attendance: 'invited' },
    ],
    statusHistory: [
      {
        status: 'announced',
        occurredOn: '2021-07-24',
        precision: 'day',
        notes: { en: 'Announced by the Russian Ministry of Defence.', ar: 'أعلنته وزارة الدفاع الروسية.' },
      },
    ],
  },
];

/** The handover: dispatched and received on the day the Russian Ministry of Defence announced it. */
const handedOver = [{ status: 'dispatched', occurredOn: '2021-07-24', precision: 'day' }];
const sevenCities = {
  destination: { adminUnitId: syria, text: '7 مدن سورية' },
  destinationSiteTypes: ['refugee_camp', 'health_facility', 'school'],
};

const demoShipments = [
  {
    id: d.vaccineShipment,
    titles: { ar: 'لقاح سبوتنيك لايت', en: 'Sputnik Light vaccine' },
    donorIds: [d.russianMod],
    consigneeId: d.syrianAuthorities,
    origin: { adminUnitId: unit('RU'), text: 'روسيا' },
    ...sevenCities,
    period: { start: '2021-07-24', precision: 'day' },
    sensitivity: 'public',
    lines: [{ id: d.vaccineLine, itemId: d.sputnikLight, quantity: 250_000, unit: 'dose' }],
    statusHistory: handedOver,
  },
  {
    id: d.aidShipment,
    titles: { ar: 'مساعدات إنسانية', en: 'Humanitarian aid' },
    donorIds: [d.russianMod],
    consigneeId: d.syrianAuthorities,
    origin: { adminUnitId: unit('RU'), text: 'روسيا' },
    ...sevenCities,
    period: { start: '2021-07-24', precision: 'day' },
    sensitivity: 'public',
    lines: [{ id: d.aidLine, itemId: d.humanitarianAid, quantity: 160, unit: 'tonne', approximate: true }],
    statusHistory: handedOver,
  },
];

const receipts = [
  { shipment: d.vaccineShipment, lineId: d.vaccineLine, receivedQuantity: 250_000, unit: 'dose' },
  { shipment: d.aidShipment, lineId: d.aidLine, receivedQuantity: 160, unit: 'tonne' },
];

/** The article says the distribution "will take place" in 7 cities: planned, tied to the agreements. */
const plannedIn7Cities = {
  organizationId: d.russianMod,
  place: { adminUnitId: syria, text: '7 مدن سورية' },
  targetSiteTypes: ['refugee_camp', 'health_facility', 'school'],
  placeCount: 7,
  statusHistory: [{ status: 'planned', occurredOn: '2021-07-24', precision: 'day' }],
};

const demoDistributions = [
  {
    id: d.vaccineDistribution,
    itemId: d.sputnikLight,
    quantity: 250_000,
    unit: 'dose',
    shipmentId: d.vaccineShipment,
    ...plannedIn7Cities,
    period: { start: '2021-07-24', precision: 'month' },
  },
  {
    id: d.aidDistribution,
    itemId: d.humanitarianAid,
    quantity: 160,
    unit: 'tonne',
    approximate: true,
    shipmentId: d.aidShipment,
    ...plannedIn7Cities,
    period: { start: '2021-07-24', precision: 'month' },
  },
];

const demoAgreements = [
  {
    id: d.agreementPackage,
    titles: {
      ar: 'اتفاقيات ومذكرات روسية سورية (حزمة من 10)',
      en: 'Russian–Syrian agreements and memoranda (package of 10)',
    },
    type: 'agreement',
    domains: ['legal_assistance', 'cybersecurity', 'customs', 'trade', 'education'],
    instrumentCount: 10,
    parties: [
      { organizationId: d.russianGovernment, role: 'signatory' },
      { organizationId: d.syrianAuthorities, role: 'signatory' },
    ],
    conditions: [
      {
        id: d.politicalCondition,
        type: 'political',
        texts: {
          ar: 'ربطت روسيا توزيع المساعدات بتوقيع 10 اتفاقيات ومذكرات',
          en: 'Russia tied the distribution of the aid to the signing of 10 agreements and memoranda',
        },
        state: 'unmet',
        stateOn: '2021-07-24',
      },
    ],
    statusHistory: [{ status: 'negotiating', occurredOn: '2021-07-24', precision: 'day' }],
  },
];

export interface DemoResult {
  created: number;
  present: number;
  /** Emails of the demo users this run created (services/demo-users.ts). */
  users: string[];
}

/**
 * Creates the demo records that are missing; records already there, edited or deleted, are left
 * as the user left them. Steps run in dependency order; each is all-or-nothing.
 */
export async function loadDemo(ctx: Ctx, options: { article?: string } = {}): Promise<DemoResult> {
  let created = 0;
  let present = 0;
  const load = async (resource: Resource, records: { id: string }[]): Promise<Set<string>> => {
    const existing = await existingIds(
      ctx.db,
      resource.table.table,
      records.map((r) => r.id),
      true,
    );
    const missing = records.filter((record) => !existing.has(record.id));
    if (missing.length > 0) await createRecords(ctx, resource, missing);
    created += missing.length;
    present += records.length - missing.length;
    return new Set(missing.map((record) => record.id));
  };
  await load(organizations, demoOrganizations);
  await load(items, demoItems);
  await load(meetings, demoMeetings);
  await load(agreements, demoAgreements);
  const newShipments = await load(shipments, demoShipments);
  for (const receipt of receipts) {
    if (!newShipments.has(receipt.shipment)) continue;
    const { shipment, ...input } = receipt;
    await recordShipmentReceipt(ctx, shipment, { ...input, receivedOn: '2021-07-24' });
  }
  const newDistributions = await load(distributions, demoDistributions);
  for (const distribution of demoDistributions) {
    if (!newDistributions.has(distribution.id)) continue;
    await linkAidToCondition(ctx, d.agreementPackage, d.politicalCondition, {
      aidType: 'distribution',
      aidId: distribution.id,
      scope: 'distribution',
    });
  }
  created += await loadDemoEvidence(ctx, demoIds, options.article);
  const users = await loadDemoUsers(ctx);
  ctx.log.info({ created, present, users: users.length }, 'demo scenario loaded');
  return { created, present, users };
}

/** TANSIQ_DEMO: load the scenario on the first start of a database, never again after. */
export async function loadDemoOnFirstStart(ctx: Ctx, article?: string): Promise<DemoResult | undefined> {
  const seen = await existingIds(ctx.db, organizations.table.table, [demoIds.russianMod], true);
  if (seen.size > 0) return undefined;
  return await loadDemo(ctx, { article });
}
