import {
  type ItemInput,
  type OrganizationKind,
  organizationKinds,
  type Sensitivity,
  type SiteInput,
  sensitivities,
  siteStatuses,
  siteTypes,
} from '@tansiq/core';

/**
 * Deterministic, realistic-looking registry rows for benchmarks: bilingual names composed from
 * word lists, enum values spread with plausible weights. The same seed gives the same rows, so
 * two paths that insert "the same data" really do.
 */

/** sfc32: small, fast, and good enough to spread benchmark data; seeded through splitmix32. */
export class Prng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const splitmix = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.#a = splitmix();
    this.#b = splitmix();
    this.#c = splitmix();
    this.#d = splitmix();
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.#a + this.#b) >>> 0) + this.#d) >>> 0;
    this.#d = (this.#d + 1) >>> 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) >>> 0;
    this.#c = ((this.#c << 21) | (this.#c >>> 11)) >>> 0;
    this.#c = (this.#c + t) >>> 0;
    return t / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Uniform in [low, high), rounded to `decimals`. */
  between(low: number, high: number, decimals: number): number {
    const factor = 10 ** decimals;
    return Math.round((low + this.next() * (high - low)) * factor) / factor;
  }

  pick<T>(values: readonly T[]): T {
    const value = values[this.int(values.length)];
    if (value === undefined) throw new Error('pick from an empty list');
    return value;
  }

  /** One of `values`, each as likely as its weight. */
  weighted<T>(values: readonly (readonly [T, number])[]): T {
    const total = values.reduce((sum, [, weight]) => sum + weight, 0);
    let left = this.next() * total;
    for (const [value, weight] of values) {
      left -= weight;
      if (left < 0) return value;
    }
    const last = values.at(-1);
    if (last === undefined) throw new Error('weighted pick from an empty list');
    return last[0];
  }
}

type Words = readonly (readonly [ar: string, en: string])[];

const orgForms: Words = [
  ['جمعية', 'Society'],
  ['مؤسسة', 'Foundation'],
  ['منظمة', 'Organization'],
  ['هيئة', 'Commission'],
  ['شبكة', 'Network'],
  ['اتحاد', 'Union'],
  ['مركز', 'Centre'],
  ['رابطة', 'Association'],
  ['مبادرة', 'Initiative'],
  ['صندوق', 'Fund'],
];

const orgFocus: Words = [
  ['الإغاثة', 'Relief'],
  ['التنمية', 'Development'],
  ['الرعاية', 'Care'],
  ['الصحة', 'Health'],
  ['التعليم', 'Education'],
  ['الأمل', 'Hope'],
  ['السلام', 'Peace'],
  ['الإعمار', 'Reconstruction'],
  ['الكرامة', 'Dignity'],
  ['المياه', 'Water'],
  ['الغذاء', 'Food'],
  ['الطفولة', 'Childhood'],
  ['الشباب', 'Youth'],
  ['المرأة', 'Women'],
  ['الحماية', 'Protection'],
  ['العودة', 'Return'],
];

const orgQualities: Words = [
  ['الإنسانية', 'Humanitarian'],
  ['الخيرية', 'Charitable'],
  ['الطبية', 'Medical'],
  ['السورية', 'Syrian'],
  ['الدولية', 'International'],
  ['الوطنية', 'National'],
  ['المجتمعية', 'Community'],
  ['الأهلية', 'Civil'],
  ['العربية', 'Arab'],
  ['المستدامة', 'Sustainable'],
];

const places: Words = [
  ['حلب', 'Aleppo'],
  ['دمشق', 'Damascus'],
  ['حمص', 'Homs'],
  ['حماة', 'Hama'],
  ['إدلب', 'Idlib'],
  ['اللاذقية', 'Latakia'],
  ['طرطوس', 'Tartus'],
  ['دير الزور', 'Deir ez-Zor'],
  ['الرقة', 'Ar-Raqqa'],
  ['الحسكة', 'Al-Hasakah'],
  ['درعا', "Dar'a"],
  ['السويداء', 'As-Sweida'],
  ['القنيطرة', 'Quneitra'],
  ['القامشلي', 'Qamishli'],
  ['منبج', 'Menbij'],
  ['عفرين', 'Afrin'],
  ['جرابلس', 'Jarablus'],
  ['الباب', 'Al-Bab'],
  ['تدمر', 'Tadmur'],
  ['دوما', 'Duma'],
  ['معرة النعمان', "Ma'arrat an-Nu'man"],
  ['سراقب', 'Saraqab'],
];

const siteForms: Record<(typeof siteTypes)[number], Words> = {
  refugee_camp: [['مخيم اللاجئين', 'Refugee Camp']],
  idp_camp: [
    ['مخيم', 'Camp'],
    ['مخيم النازحين', 'IDP Camp'],
  ],
  collective_shelter: [['مركز إيواء', 'Collective Shelter']],
  informal_settlement: [
    ['تجمع', 'Informal Settlement'],
    ['مخيم عشوائي', 'Informal Camp'],
  ],
  health_facility: [
    ['مركز صحي', 'Health Centre'],
    ['مستشفى', 'Hospital'],
    ['مستوصف', 'Clinic'],
  ],
  school: [['مدرسة', 'School']],
  warehouse: [['مستودع', 'Warehouse']],
  border_crossing: [['معبر', 'Border Crossing']],
  office: [['مكتب', 'Office']],
  other: [
    ['موقع', 'Site'],
    ['نقطة توزيع', 'Distribution Point'],
  ],
};

const siteNames: Words = [
  ['الأمل', 'Al-Amal'],
  ['النور', 'Al-Nour'],
  ['السلام', 'Al-Salam'],
  ['الفرقان', 'Al-Furqan'],
  ['الزيتون', 'Al-Zaytoun'],
  ['الياسمين', 'Al-Yasmin'],
  ['الكرامة', 'Al-Karama'],
  ['الرحمة', 'Al-Rahma'],
  ['الشهباء', 'Al-Shahba'],
  ['العودة', 'Al-Awda'],
  ['الفردوس', 'Al-Firdaws'],
  ['البركة', 'Al-Baraka'],
  ['الوفاء', 'Al-Wafaa'],
  ['الصمود', 'Al-Sumud'],
  ['الهدى', 'Al-Huda'],
];

const internationalCountries = ['GB', 'US', 'FR', 'DE', 'NO', 'DK', 'SE', 'NL', 'CH', 'TR', 'JO', 'LB', 'QA'];
const arabicDigits = '٠١٢٣٤٥٦٧٨٩';

function arabicIndic(n: number): string {
  return String(n).replace(/[0-9]/g, (digit) => arabicDigits[Number(digit)] ?? digit);
}

const sensitivityWeights: readonly (readonly [Sensitivity, number])[] = sensitivities.map((value) => [
  value,
  { public: 85, restricted: 10, confidential: 4, secret: 1 }[value],
]);

/** Names are optional on each side, as in real registries; at least one is present. */
interface Named {
  nameAr?: string;
  nameEn?: string;
}

export interface OrganizationSpec extends Named {
  acronym?: string;
  kind: OrganizationKind;
  country?: string;
  /** Index of the parent among earlier organizations (in an earlier batch). */
  parent?: number;
  externalIds?: Record<string, string>;
  sensitivity: Sensitivity;
}

export interface SiteSpec extends Named {
  type: SiteInput['type'];
  /** Index into the admin units the caller has. */
  adminUnit?: number;
  location?: { lat: number; lon: number };
  /** Index into the organizations the caller has. */
  operator?: number;
  status: SiteInput['status'];
  sensitivity: Sensitivity;
}

/** Either name may be missing: ~8% Arabic only, ~4% English only. */
function bilingual(prng: Prng, ar: string, en: string): Named {
  const roll = prng.next();
  if (roll < 0.08) return { nameAr: ar };
  if (roll < 0.12) return { nameEn: en };
  return { nameAr: ar, nameEn: en };
}

const kindWeights: readonly (readonly [OrganizationKind, number])[] = organizationKinds.map((kind) => [
  kind,
  {
    government: 6,
    un_agency: 2,
    red_cross_red_crescent: 2,
    international_ngo: 18,
    national_ngo: 50,
    donor_government: 4,
    military: 1,
    media: 3,
    private: 8,
    other: 6,
  }[kind],
]);

/**
 * `count` organizations. A parent (~5%) is always an organization of an earlier batch, so that a
 * client creating batch by batch knows its id.
 */
export function generateOrganizations(count: number, batchSize: number, seed = 1): OrganizationSpec[] {
  const prng = new Prng(seed);
  const specs: OrganizationSpec[] = [];
  for (let i = 0; i < count; i++) {
    const [formAr, formEn] = prng.pick(orgForms);
    const [focusAr, focusEn] = prng.pick(orgFocus);
    const [qualityAr, qualityEn] = prng.pick(orgQualities);
    let ar = `${formAr} ${focusAr} ${qualityAr}`;
    let en = `${qualityEn} ${focusEn} ${formEn}`;
    if (prng.chance(0.5)) {
      const [placeAr, placeEn] = prng.pick(places);
      ar += ` في ${placeAr}`;
      en += ` of ${placeEn}`;
    }
    const kind = prng.weighted(kindWeights);
    const spec: OrganizationSpec = {
      ...bilingual(prng, ar, en),
      kind,
      sensitivity: prng.weighted(sensitivityWeights),
    };
    if (prng.chance(0.6)) {
      spec.acronym = en
        .split(/[\s-]+/)
        .filter((word) => /^[A-Z]/.test(word))
        .map((word) => word[0])
        .join('');
    }
    if (kind === 'national_ngo' || kind === 'government' || kind === 'military') spec.country = 'SY';
    else if (kind === 'international_ngo' || kind === 'donor_government' || kind === 'private') {
      if (prng.chance(0.8)) spec.country = prng.pick(internationalCountries);
    }
    const earlier = Math.floor(i / batchSize) * batchSize;
    if (earlier > 0 && prng.chance(0.05)) spec.parent = prng.int(earlier);
    if (prng.chance(0.3)) {
      spec.externalIds = { hdx: `org-${100000 + i}` };
      if (prng.chance(0.3)) spec.externalIds.iati = `XM-DAC-${prng.int(90000) + 10000}`;
    }
    specs.push(spec);
  }
  return specs;
}

const typeWeights: readonly (readonly [SiteInput['type'], number])[] = siteTypes.map((type) => [
  type,
  {
    refugee_camp: 5,
    idp_camp: 25,
    collective_shelter: 12,
    informal_settlement: 10,
    health_facility: 15,
    school: 15,
    warehouse: 6,
    border_crossing: 1,
    office: 6,
    other: 5,
  }[type],
]);

const statusWeights: readonly (readonly [SiteInput['status'], number])[] = siteStatuses.map((status) => [
  status,
  { planned: 5, active: 75, inactive: 12, closed: 8 }[status],
]);

/**
 * `count` sites: ~90% in one of `adminUnitCount` admin units, ~85% run by one of
 * `organizationCount` organizations, about half with coordinates inside Syria.
 */
export function generateSites(
  count: number,
  organizationCount: number,
  adminUnitCount: number,
  seed = 2,
): SiteSpec[] {
  const prng = new Prng(seed);
  const specs: SiteSpec[] = [];
  for (let i = 0; i < count; i++) {
    const type = prng.weighted(typeWeights);
    const [formAr, formEn] = prng.pick(siteForms[type]);
    const [nameAr, nameEn] = prng.pick(siteNames);
    const [placeAr, placeEn] = prng.pick(places);
    let ar = `${formAr} ${nameAr} في ${placeAr}`;
    let en = `${nameEn} ${formEn}, ${placeEn}`;
    if (prng.chance(0.3)) {
      const n = prng.int(60) + 1;
      ar += ` ${prng.chance(0.5) ? arabicIndic(n) : String(n)}`;
      en += ` ${n}`;
    }
    const spec: SiteSpec = {
      ...bilingual(prng, ar, en),
      type,
      status: prng.weighted(statusWeights),
      sensitivity: prng.weighted(sensitivityWeights),
    };
    if (adminUnitCount > 0 && prng.chance(0.9)) spec.adminUnit = prng.int(adminUnitCount);
    if (prng.chance(0.5))
      spec.location = { lat: prng.between(32.3, 37.3, 5), lon: prng.between(35.7, 42.3, 5) };
    if (organizationCount > 0 && prng.chance(0.85)) spec.operator = prng.int(organizationCount);
    specs.push(spec);
  }
  return specs;
}

export interface ItemSpec {
  code: string;
  nameAr: string;
  nameEn: string;
  category: ItemInput['category'];
  sector: ItemInput['sector'];
  baseUnit: string;
  unitKind: ItemInput['unitKind'];
  conversions: { unit: string; factor: number }[];
}

type ItemTemplate = Omit<ItemSpec, 'code'>;

type ItemRow = readonly [
  nameAr: string,
  nameEn: string,
  category: ItemSpec['category'],
  sector: ItemSpec['sector'],
  baseUnit: string,
  unitKind: ItemSpec['unitKind'],
  conversions: readonly (readonly [unit: string, factor: number])[],
];

const itemRows: readonly ItemRow[] = [
  ['دقيق القمح', 'Wheat flour', 'food', 'food_security', 'kg', 'mass', [['bag', 50]]],
  ['أرز', 'Rice', 'food', 'food_security', 'kg', 'mass', [['bag', 25]]],
  ['عدس', 'Lentils', 'food', 'food_security', 'kg', 'mass', [['bag', 25]]],
  ['سكر', 'Sugar', 'food', 'food_security', 'kg', 'mass', [['bag', 50]]],
  ['زيت نباتي', 'Vegetable oil', 'food', 'food_security', 'l', 'volume', [['can', 5]]],
  ['سلة غذائية', 'Food basket', 'food', 'food_security', 'piece', 'count', [['pallet', 40]]],
  ['حليب أطفال', 'Infant formula', 'food', 'nutrition', 'kg', 'mass', [['tin', 0.4]]],
  ['معجون غذائي علاجي', 'Therapeutic food paste', 'food', 'nutrition', 'sachet', 'count', [['carton', 150]]],
  ['مكملات غذائية', 'Micronutrient powder', 'food', 'nutrition', 'sachet', 'count', [['box', 30]]],
  ['لقاح سبوتنيك لايت', 'Sputnik Light vaccine', 'vaccine', 'health', 'dose', 'count', [['vial', 5]]],
  ['لقاح الحصبة', 'Measles vaccine', 'vaccine', 'health', 'dose', 'count', [['vial', 10]]],
  ['باراسيتامول', 'Paracetamol', 'health', 'health', 'tablet', 'count', [['box', 100]]],
  ['أموكسيسيلين', 'Amoxicillin', 'health', 'health', 'capsule', 'count', [['box', 500]]],
  ['محلول وريدي', 'IV fluid', 'health', 'health', 'l', 'volume', [['bag', 0.5]]],
  ['حقيبة جراحية', 'Surgical kit', 'health', 'health', 'kit', 'count', []],
  ['خيمة عائلية', 'Family tent', 'shelter', 'shelter', 'piece', 'count', []],
  ['شادر بلاستيكي', 'Plastic tarpaulin', 'shelter', 'shelter', 'piece', 'count', [['bale', 10]]],
  ['بطانية', 'Blanket', 'nfi', 'shelter', 'piece', 'count', [['bale', 20]]],
  ['فرشة', 'Mattress', 'nfi', 'camp_coordination', 'piece', 'count', []],
  ['طقم مطبخ', 'Kitchen set', 'nfi', 'camp_coordination', 'kit', 'count', []],
  ['حقيبة نظافة', 'Hygiene kit', 'wash', 'wash', 'kit', 'count', [['pallet', 48]]],
  ['أقراص تنقية المياه', 'Water purification tablets', 'wash', 'wash', 'tablet', 'count', [['strip', 10]]],
  ['جالون مياه', 'Jerrycan', 'wash', 'wash', 'piece', 'count', []],
  ['كلور', 'Chlorine', 'wash', 'wash', 'kg', 'mass', [['drum', 45]]],
  ['حقيبة مدرسية', 'School kit', 'education', 'education', 'kit', 'count', [['carton', 20]]],
  ['حقيبة ترفيهية', 'Recreation kit', 'education', 'education', 'kit', 'count', []],
  ['حقيبة كرامة', 'Dignity kit', 'nfi', 'protection', 'kit', 'count', []],
  ['مولدة كهربائية', 'Generator', 'equipment', 'early_recovery', 'piece', 'count', []],
  ['وقود ديزل', 'Diesel fuel', 'other', 'logistics', 'l', 'volume', [['barrel', 200]]],
  ['جهاز لاسلكي', 'Radio handset', 'equipment', 'emergency_telecommunications', 'piece', 'count', []],
  ['مصباح شمسي', 'Solar lamp', 'nfi', 'shelter', 'piece', 'count', [['carton', 12]]],
  ['ملابس شتوية', 'Winter clothing kit', 'nfi', 'multi_sector', 'kit', 'count', []],
];

const itemTemplates: readonly ItemTemplate[] = itemRows.map(
  ([nameAr, nameEn, category, sector, baseUnit, unitKind, conversions]) => ({
    nameAr,
    nameEn,
    category,
    sector,
    baseUnit,
    unitKind,
    conversions: conversions.map(([unit, factor]) => ({ unit, factor })),
  }),
);

const itemGrades: Words = [
  ['', ''],
  [' - نوع ب', ', grade B'],
  [' - مخزون احتياطي', ', reserve stock'],
];

/**
 * `count` items across sectors, each with its base unit and a packaging conversion or none (a
 * template's second and third use is another grade of it, with its own code).
 */
export function generateItems(count: number): ItemSpec[] {
  const specs: ItemSpec[] = [];
  for (let i = 0; i < count; i++) {
    const template = itemTemplates[i % itemTemplates.length];
    const [gradeAr, gradeEn] = itemGrades[Math.floor(i / itemTemplates.length) % itemGrades.length] ?? [
      '',
      '',
    ];
    if (!template) throw new Error('no item templates');
    specs.push({
      ...template,
      code: `BENCH-${String(i + 1).padStart(3, '0')}`,
      nameAr: template.nameAr + gradeAr,
      nameEn: template.nameEn + gradeEn,
    });
  }
  return specs;
}
