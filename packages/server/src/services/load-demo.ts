import type { ItemInput, OrganizationInput } from '@tansiq/core';
import { stableId } from '../store/builtins.ts';
import { existingIds } from '../store/registry.ts';
import type { Ctx } from './context.ts';
import { createRecords } from './create-records.ts';
import type { Resource } from './resource.ts';
import { items, organizations } from './resources/registry.ts';

/**
 * The founding scenario (a July 2021 Baladi News article on the Russian–Syrian refugee-return
 * meetings in Damascus): its registry part. Later issues add meetings, aid and claims.
 * Ids are stable so that re-running, and later parts of the scenario, find the same records.
 */
const demoId = (key: string) => stableId('demo', key);

export const demoIds = {
  russianMod: demoId('org/russian-mod'),
  syrianAuthorities: demoId('org/syrian-authorities'),
  coordinationHq: demoId('org/coordination-hq'),
  unitedNations: demoId('org/united-nations'),
  icrc: demoId('org/icrc'),
  usStateDepartment: demoId('org/us-state-department'),
  baladiNews: demoId('org/baladi-news'),
  sputnikLight: demoId('item/sputnik-light'),
  humanitarianAid: demoId('item/humanitarian-aid'),
} as const;

const demoOrganizations: (OrganizationInput & { id: string })[] = [
  {
    id: demoIds.russianMod,
    names: { ar: 'وزارة الدفاع الروسية', en: 'Russian Ministry of Defence' },
    acronym: 'MoD RF',
    kind: 'government',
    country: 'RU',
    sensitivity: 'public',
  },
  {
    id: demoIds.syrianAuthorities,
    names: { ar: 'السلطات السورية', en: 'Syrian authorities' },
    kind: 'government',
    country: 'SY',
    sensitivity: 'public',
  },
  {
    id: demoIds.coordinationHq,
    names: {
      ar: 'مقر التنسيق المشترك الروسي السوري لعودة اللاجئين',
      en: 'Joint Russian–Syrian Coordination Headquarters for Refugee Return',
    },
    kind: 'other',
    sensitivity: 'public',
  },
  {
    id: demoIds.unitedNations,
    names: { ar: 'الأمم المتحدة', en: 'United Nations' },
    acronym: 'UN',
    kind: 'un_agency',
    sensitivity: 'public',
  },
  {
    id: demoIds.icrc,
    names: { ar: 'اللجنة الدولية للصليب الأحمر', en: 'International Committee of the Red Cross' },
    acronym: 'ICRC',
    kind: 'red_cross_red_crescent',
    country: 'CH',
    sensitivity: 'public',
  },
  {
    id: demoIds.usStateDepartment,
    names: { ar: 'وزارة الخارجية الأمريكية', en: 'US Department of State' },
    kind: 'government',
    country: 'US',
    sensitivity: 'public',
  },
  {
    id: demoIds.baladiNews,
    names: { ar: 'بلدي نيوز', en: 'Baladi News' },
    kind: 'media',
    country: 'SY',
    sensitivity: 'public',
  },
];

const demoItems: (ItemInput & { id: string })[] = [
  {
    id: demoIds.sputnikLight,
    code: 'VAC-SPUTNIK-LIGHT',
    names: { ar: 'لقاح سبوتنيك لايت', en: 'Sputnik Light vaccine' },
    category: 'vaccine',
    sector: 'health',
    baseUnit: 'dose',
    unitKind: 'count',
    conversions: [{ unit: 'vial', factor: 5 }],
  },
  {
    id: demoIds.humanitarianAid,
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

export interface DemoResult {
  created: number;
  present: number;
}

/**
 * Creates the demo records that are missing; records already there, edited or deleted, are left
 * as the user left them.
 */
export async function loadDemo(ctx: Ctx): Promise<DemoResult> {
  let created = 0;
  let present = 0;
  const load = async (resource: Resource, records: { id: string }[]) => {
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
  };
  await load(organizations, demoOrganizations);
  await load(items, demoItems);
  ctx.log.info({ created, present }, 'demo scenario loaded');
  return { created, present };
}

/** TANSIQ_DEMO: load the scenario on the first start of a database, never again after. */
export async function loadDemoOnFirstStart(ctx: Ctx): Promise<DemoResult | undefined> {
  const seen = await existingIds(ctx.db, organizations.table.table, [demoIds.russianMod], true);
  if (seen.size > 0) return undefined;
  return await loadDemo(ctx);
}
