// The columns of each importable and exportable resource, written once: the HXL hashtag, the English
// and Arabic headers, and the field of the resource's input each fills. Imports find a file's
// columns here (by hashtag, else by header in either language, else by a saved mapping); exports and
// templates write these headers and hashtags, so what tansiq writes it reads back.

import {
  agreementDomains,
  agreementTypes,
  countingMethods,
  datePrecisions,
  type ErrorCode,
  itemCategories,
  meetingKinds,
  movementTypes,
  organizationKinds,
  populationGroups,
  sectors,
  sensitivities,
  shipmentModes,
  siteStatuses,
  siteTypes,
  unitKinds,
} from '@tansiq/core';

/**
 * How a cell becomes a field value. `admin`: a p-code or an admin unit's name (Arabic or English),
 * resolved to the unit's id; `organization`: an organization's name or acronym, resolved to its id;
 * `item`: an item's code or name, resolved to its id.
 */
export type ColumnKind = 'text' | 'integer' | 'number' | 'date' | 'enum' | 'admin' | 'organization' | 'item';

export interface ResourceColumn {
  /** Dotted path in the resource's input: `names.en`, `centre.lat`. */
  field: string;
  /** The hashtag written on export, and the first one recognised on import. */
  hxl: string;
  /** Other hashtags recognised on import (OCHA's own tables say `#adm2+code`). */
  alsoHxl?: readonly string[];
  en: string;
  ar: string;
  /** Other headers recognised on import, in either language. */
  alsoHeaders?: readonly string[];
  kind: ColumnKind;
  /** Allowed values of an `enum` column: the template's drop-down list. */
  values?: readonly string[];
  /** Where the cell's text is kept as written, beside the id it resolved to (a place's reported name). */
  rawTo?: string;
  /**
   * A list in one cell, parts separated by `;` (or the Arabic `؛`), each read by `kind` and added
   * to the array at `field`: as is, or as `{ [key]: value, ...with }` (a participant with its role).
   * Several columns may fill one array, each with its own `with`.
   */
  list?: { key?: string; with?: Readonly<Record<string, string>> };
}

export interface ResourceExchange {
  /** The API's resource path: `admin-units`. */
  path: string;
  columns: readonly ResourceColumn[];
  /**
   * How a row finds the record it describes when it has no id: each key is a list of fields, tried
   * in order; the first key whose fields the row fills decides.
   */
  naturalKeys: readonly (readonly string[])[];
  /**
   * Values a file's hashtags imply when no column gives the field: a count tagged
   * `#affected+returnees` is of returnees. Matched by tag and one attribute.
   */
  implied?: readonly { tag: string; attribute: string; field: string; value: string }[];
  /**
   * Fields the resource's patch wants together (a movement's individuals with its breakdown): when
   * a row changes one, the others are sent too, as the row gives them or as they are.
   */
  patchTogether?: readonly (readonly string[])[];
  /**
   * One record over several rows: rows with the same `groupBy` value are one record, and the
   * columns under `field.` (`lines.itemId`) fill one child per row (a shipment's lines).
   */
  childRows?: {
    field: string;
    groupBy: string;
    /** When a record's children can no longer be replaced (a dispatched shipment's lines), and the error then. */
    locked?: { when: (view: Record<string, unknown>) => boolean; code: ErrorCode };
  };
  /**
   * For a list only partly given by a file's columns (participants but no conveners): the fields
   * of the record's other entries kept when the list is rewritten.
   */
  listKeep?: Readonly<Record<string, readonly string[]>>;
}

const idColumn: ResourceColumn = {
  field: 'id',
  hxl: '#meta+id',
  en: 'ID',
  ar: 'المعرّف',
  kind: 'text',
};

const sensitivityColumn: ResourceColumn = {
  field: 'sensitivity',
  hxl: '#meta+sensitivity',
  en: 'Sensitivity',
  ar: 'الحساسية',
  kind: 'enum',
  values: sensitivities,
};

function names(tag: string, en: string, ar: string): ResourceColumn[] {
  return [
    {
      field: 'names.en',
      hxl: `${tag}+name+i_en`,
      en: `${en} (English)`,
      ar: `${ar} (بالإنجليزية)`,
      alsoHeaders: [`${en} (en)`, 'Name', 'Name (en)', 'English name'],
      kind: 'text',
    },
    {
      field: 'names.ar',
      hxl: `${tag}+name+i_ar`,
      en: `${en} (Arabic)`,
      ar: `${ar} (بالعربية)`,
      alsoHeaders: [`${en} (ar)`, 'Name (ar)', 'Arabic name', ar, 'الاسم'],
      kind: 'text',
    },
  ];
}

export const organizationColumns: ResourceExchange = {
  path: 'organizations',
  columns: [
    idColumn,
    ...names('#org', 'Organization', 'المنظمة'),
    { field: 'acronym', hxl: '#org+acronym', en: 'Acronym', ar: 'الاختصار', kind: 'text' },
    {
      field: 'kind',
      hxl: '#org+type',
      en: 'Type',
      ar: 'النوع',
      kind: 'enum',
      values: organizationKinds,
    },
    { field: 'country', hxl: '#country+code', en: 'Country', ar: 'البلد', kind: 'text' },
    sensitivityColumn,
  ],
  naturalKeys: [['acronym'], ['names.en'], ['names.ar']],
};

export const adminUnitColumns: ResourceExchange = {
  path: 'admin-units',
  columns: [
    idColumn,
    {
      field: 'pcode',
      hxl: '#adm+code',
      en: 'P-code',
      ar: 'الرمز',
      alsoHeaders: ['Pcode', 'P code'],
      kind: 'text',
    },
    { field: 'level', hxl: '#adm+level', en: 'Level', ar: 'المستوى', kind: 'integer' },
    {
      field: 'parentPcode',
      hxl: '#adm+code+parent',
      en: 'Parent p-code',
      ar: 'رمز الوحدة الأم',
      kind: 'text',
    },
    ...names('#adm', 'Name', 'الاسم'),
    {
      field: 'validFrom',
      hxl: '#date+start',
      en: 'Valid from',
      ar: 'ساري من',
      kind: 'date',
    },
    { field: 'validTo', hxl: '#date+end', en: 'Valid to', ar: 'ساري حتى', kind: 'date' },
    { field: 'centre.lat', hxl: '#geo+lat', en: 'Latitude', ar: 'خط العرض', kind: 'number' },
    { field: 'centre.lon', hxl: '#geo+lon', en: 'Longitude', ar: 'خط الطول', kind: 'number' },
  ],
  naturalKeys: [['pcode']],
};

export const siteColumns: ResourceExchange = {
  path: 'sites',
  columns: [
    idColumn,
    ...names('#loc', 'Site', 'الموقع'),
    { field: 'type', hxl: '#loc+type', en: 'Type', ar: 'النوع', kind: 'enum', values: siteTypes },
    {
      field: 'adminUnitId',
      hxl: '#adm+code',
      alsoHxl: ['#adm+name'],
      en: 'Admin unit',
      ar: 'الوحدة الإدارية',
      alsoHeaders: ['P-code', 'District', 'Sub-district', 'المنطقة', 'الناحية'],
      kind: 'admin',
    },
    { field: 'location.lat', hxl: '#geo+lat', en: 'Latitude', ar: 'خط العرض', kind: 'number' },
    { field: 'location.lon', hxl: '#geo+lon', en: 'Longitude', ar: 'خط الطول', kind: 'number' },
    {
      field: 'operatorId',
      hxl: '#org+name',
      en: 'Operator',
      ar: 'الجهة المشغّلة',
      kind: 'organization',
    },
    { field: 'status', hxl: '#status', en: 'Status', ar: 'الحالة', kind: 'enum', values: siteStatuses },
    sensitivityColumn,
  ],
  naturalKeys: [
    ['names.en', 'adminUnitId'],
    ['names.ar', 'adminUnitId'],
  ],
};

export const itemColumns: ResourceExchange = {
  path: 'items',
  columns: [
    idColumn,
    { field: 'code', hxl: '#item+code', en: 'Code', ar: 'الرمز', kind: 'text' },
    ...names('#item', 'Item', 'المادة'),
    {
      field: 'category',
      hxl: '#item+type',
      en: 'Category',
      ar: 'الفئة',
      kind: 'enum',
      values: itemCategories,
    },
    { field: 'sector', hxl: '#sector', en: 'Sector', ar: 'القطاع', kind: 'enum', values: sectors },
    { field: 'baseUnit', hxl: '#item+unit', en: 'Base unit', ar: 'الوحدة الأساسية', kind: 'text' },
    {
      field: 'unitKind',
      hxl: '#item+unit+kind',
      en: 'Unit kind',
      ar: 'نوع الوحدة',
      kind: 'enum',
      values: unitKinds,
    },
  ],
  naturalKeys: [['code'], ['names.en'], ['names.ar']],
};

export const pledgeColumns: ResourceExchange = {
  path: 'pledges',
  columns: [
    idColumn,
    {
      field: 'titles.en',
      hxl: '#activity+name+i_en',
      en: 'Pledge (English)',
      ar: 'التعهد (بالإنجليزية)',
      alsoHeaders: ['Title', 'Title (en)'],
      kind: 'text',
    },
    {
      field: 'titles.ar',
      hxl: '#activity+name+i_ar',
      en: 'Pledge (Arabic)',
      ar: 'التعهد (بالعربية)',
      alsoHeaders: ['Title (ar)', 'العنوان'],
      kind: 'text',
    },
    {
      field: 'sourceOrganizationId',
      hxl: '#org+funder',
      en: 'Donor',
      ar: 'المانح',
      kind: 'organization',
    },
    {
      field: 'destinationOrganizationId',
      hxl: '#org+impl',
      en: 'Recipient',
      ar: 'الجهة المتلقية',
      kind: 'organization',
    },
    {
      field: 'modality',
      hxl: '#modality',
      en: 'Modality',
      ar: 'الشكل',
      kind: 'enum',
      values: ['financial', 'in_kind'],
    },
    { field: 'amount', hxl: '#value', en: 'Amount', ar: 'المبلغ', kind: 'number' },
    { field: 'currency', hxl: '#currency', en: 'Currency', ar: 'العملة', kind: 'text' },
    { field: 'amountUsd', hxl: '#value+usd', en: 'Amount (USD)', ar: 'المبلغ (دولار)', kind: 'number' },
    { field: 'itemId', hxl: '#item+name', en: 'Item', ar: 'المادة', kind: 'item' },
    { field: 'quantity', hxl: '#quantity', en: 'Quantity', ar: 'الكمية', kind: 'number' },
    { field: 'unit', hxl: '#quantity+unit', en: 'Unit', ar: 'الوحدة', kind: 'text' },
    { field: 'period.start', hxl: '#date+start', en: 'Start', ar: 'البداية', kind: 'date' },
    { field: 'period.end', hxl: '#date+end', en: 'End', ar: 'النهاية', kind: 'date' },
    {
      field: 'period.precision',
      hxl: '#date+precision',
      en: 'Date precision',
      ar: 'دقة التاريخ',
      kind: 'enum',
      values: datePrecisions,
    },
    {
      field: 'place.adminUnitId',
      hxl: '#adm+code',
      alsoHxl: ['#adm+name'],
      en: 'Place',
      ar: 'المكان',
      kind: 'admin',
      rawTo: 'place.text',
    },
    sensitivityColumn,
  ],
  naturalKeys: [
    ['sourceOrganizationId', 'titles.en', 'period.start'],
    ['sourceOrganizationId', 'titles.ar', 'period.start'],
  ],
};

/** Counts tagged as OCHA's tables tag them, with or without the population's attribute. */
function countTags(tag: string, unit: 'ind' | 'hh'): { hxl: string; alsoHxl: string[] } {
  const groups = ['returnees', 'idps', 'refugees'];
  const alsoHxl = groups.map((g) => `${tag}+${g}+${unit}`);
  // A count with no unit attribute is of people, as in most 3W and displacement tables.
  if (unit === 'ind') alsoHxl.push(tag, ...groups.map((g) => `${tag}+${g}`));
  return { hxl: `${tag}+${unit}`, alsoHxl };
}

/**
 * Individuals by sex and age bracket, as HXL writes disaggregated counts (`#affected+f+age0_4`,
 * with or without the population's attribute): one column per sex and bracket.
 */
function sexAgeColumns(): ResourceColumn[] {
  const sexes = [
    { key: 'female', attribute: 'f', en: 'Female', ar: 'إناث' },
    { key: 'male', attribute: 'm', en: 'Male', ar: 'ذكور' },
  ];
  const brackets = [
    { key: '0-4', attribute: 'age0_4' },
    { key: '5-11', attribute: 'age5_11' },
    { key: '12-17', attribute: 'age12_17' },
    { key: '18-59', attribute: 'age18_59' },
    { key: '60+', attribute: 'age60_plus' },
  ];
  return sexes.flatMap((sex) =>
    brackets.map((bracket) => {
      const attributes = `+${sex.attribute}+${bracket.attribute}`;
      return {
        field: `disaggregation.${sex.key}.${bracket.key}`,
        hxl: `#affected${attributes}`,
        alsoHxl: ['returnees', 'idps', 'refugees'].map((group) => `#affected+${group}${attributes}`),
        en: `${sex.en} ${bracket.key}`,
        ar: `${sex.ar} ${bracket.key}`,
        kind: 'integer' as const,
      };
    }),
  );
}

/** The admin unit a fact happened in; OCHA's level tags (`#adm2+code`…) are read by the importer. */
function placeColumn(
  field: string,
  rawTo: string,
  en: string,
  ar: string,
  also: string[] = [],
): ResourceColumn {
  return {
    field,
    hxl: '#adm+code',
    alsoHxl: ['#adm+name'],
    en,
    ar,
    alsoHeaders: ['P-code', 'Admin unit', 'الوحدة الإدارية', ...also],
    kind: 'admin',
    rawTo,
  };
}

const periodColumns: ResourceColumn[] = [
  {
    field: 'period.start',
    hxl: '#date+start',
    alsoHxl: ['#date'],
    en: 'Start',
    ar: 'البداية',
    alsoHeaders: ['Date', 'التاريخ'],
    kind: 'date',
  },
  { field: 'period.end', hxl: '#date+end', en: 'End', ar: 'النهاية', kind: 'date' },
  {
    field: 'period.precision',
    hxl: '#date+precision',
    en: 'Date precision',
    ar: 'دقة التاريخ',
    kind: 'enum',
    values: datePrecisions,
  },
];

/**
 * Returns and displacement figures: one row per movement. Natural key: the reporting
 * organization, destination, population group, counting method and start of the period (one
 * organization reports one figure per place, group, method and period).
 */
export const populationMovementColumns: ResourceExchange = {
  path: 'population-movements',
  columns: [
    idColumn,
    placeColumn('destination.adminUnitId', 'destination.text', 'Destination', 'الوجهة', [
      'Destination p-code',
      'رمز الوجهة',
    ]),
    {
      field: 'destination.text',
      hxl: '#adm+name+reported',
      en: 'Destination (as reported)',
      ar: 'الوجهة (كما وردت)',
      kind: 'text',
    },
    {
      field: 'populationGroup',
      hxl: '#affected+group',
      en: 'Population group',
      ar: 'الفئة السكانية',
      kind: 'enum',
      values: populationGroups,
    },
    {
      ...countTags('#affected', 'ind'),
      field: 'individuals',
      en: 'Individuals',
      ar: 'الأفراد',
      alsoHeaders: ['Persons', 'الأشخاص'],
      kind: 'integer',
    },
    {
      ...countTags('#affected', 'hh'),
      field: 'households',
      en: 'Households',
      ar: 'الأسر',
      alsoHeaders: ['Families', 'العائلات'],
      kind: 'integer',
    },
    ...sexAgeColumns(),
    ...periodColumns,
    {
      field: 'countingMethod',
      hxl: '#x_counting+method',
      en: 'Counting method',
      ar: 'طريقة العد',
      kind: 'enum',
      values: countingMethods,
    },
    {
      field: 'movementType',
      hxl: '#x_movement+type',
      en: 'Movement type',
      ar: 'نوع الحركة',
      kind: 'enum',
      values: movementTypes,
    },
    {
      field: 'reportingOrganizationId',
      hxl: '#org+name',
      alsoHxl: ['#org+acronym', '#org', '#org+reporting'],
      en: 'Reporting organization',
      ar: 'الجهة المبلِّغة',
      alsoHeaders: ['Organization', 'Reported by', 'المنظمة'],
      kind: 'organization',
    },
    {
      field: 'originCountry',
      hxl: '#country+code+origin',
      en: 'Origin country',
      ar: 'بلد المنشأ',
      kind: 'text',
    },
    {
      field: 'originAdminUnitId',
      hxl: '#adm+code+origin',
      alsoHxl: ['#adm+name+origin'],
      en: 'Origin',
      ar: 'المنشأ',
      kind: 'admin',
    },
    {
      field: 'originText',
      hxl: '#loc+name+origin',
      en: 'Origin (as reported)',
      ar: 'المنشأ (كما ورد)',
      kind: 'text',
    },
    {
      field: 'notes.en',
      hxl: '#description+i_en',
      en: 'Notes (English)',
      ar: 'ملاحظات (بالإنجليزية)',
      kind: 'text',
    },
    {
      field: 'notes.ar',
      hxl: '#description+i_ar',
      en: 'Notes (Arabic)',
      ar: 'ملاحظات (بالعربية)',
      kind: 'text',
    },
    sensitivityColumn,
  ],
  naturalKeys: [
    [
      'reportingOrganizationId',
      'destination.adminUnitId',
      'populationGroup',
      'countingMethod',
      'period.start',
    ],
  ],
  implied: [
    { tag: '#affected', attribute: 'returnees', field: 'populationGroup', value: 'RET' },
    { tag: '#affected', attribute: 'idps', field: 'populationGroup', value: 'IDP' },
    { tag: '#affected', attribute: 'refugees', field: 'populationGroup', value: 'REF' },
  ],
  patchTogether: [['individuals', 'households', 'disaggregation']],
};

function titleColumns(en: string, ar: string, tag = '#activity'): ResourceColumn[] {
  return [
    {
      field: 'titles.en',
      hxl: `${tag}+name+i_en`,
      en: `${en} (English)`,
      ar: `${ar} (بالإنجليزية)`,
      alsoHeaders: ['Title', 'Title (en)', 'Activity'],
      kind: 'text',
    },
    {
      field: 'titles.ar',
      hxl: `${tag}+name+i_ar`,
      en: `${en} (Arabic)`,
      ar: `${ar} (بالعربية)`,
      alsoHeaders: ['Title (ar)', 'العنوان', 'النشاط'],
      kind: 'text',
    },
  ];
}

const itemColumn: ResourceColumn = {
  field: 'itemId',
  hxl: '#item+name',
  alsoHxl: ['#item+code', '#item'],
  en: 'Item',
  ar: 'المادة',
  kind: 'item',
};

const quantityColumns: ResourceColumn[] = [
  {
    field: 'quantity',
    hxl: '#output+quantity',
    alsoHxl: ['#quantity', '#output+num', '#output'],
    en: 'Quantity',
    ar: 'الكمية',
    kind: 'number',
  },
  {
    field: 'unit',
    hxl: '#output+unit',
    alsoHxl: ['#quantity+unit'],
    en: 'Unit',
    ar: 'الوحدة',
    kind: 'text',
  },
];

/**
 * Distributions to people or places. Natural key: title, item and start date; without a title,
 * the organization, item, place and start date.
 */
export const distributionColumns: ResourceExchange = {
  path: 'distributions',
  columns: [
    idColumn,
    ...titleColumns('Distribution', 'التوزيع'),
    {
      field: 'organizationId',
      hxl: '#org+impl',
      alsoHxl: ['#org+name', '#org+acronym', '#org'],
      en: 'Organization',
      ar: 'المنظمة',
      alsoHeaders: ['Implementing partner', 'الشريك المنفذ'],
      kind: 'organization',
    },
    itemColumn,
    ...quantityColumns,
    placeColumn('place.adminUnitId', 'place.text', 'Place', 'المكان'),
    {
      field: 'place.text',
      hxl: '#adm+name+reported',
      en: 'Place (as reported)',
      ar: 'المكان (كما ورد)',
      kind: 'text',
    },
    ...periodColumns,
    {
      ...countTags('#reached', 'ind'),
      field: 'individuals',
      en: 'Individuals reached',
      ar: 'الأفراد المستفيدون',
      alsoHeaders: ['Individuals', 'Beneficiaries', 'المستفيدون'],
      kind: 'integer',
    },
    {
      ...countTags('#reached', 'hh'),
      field: 'households',
      en: 'Households reached',
      ar: 'الأسر المستفيدة',
      alsoHeaders: ['Households', 'الأسر'],
      kind: 'integer',
    },
    sensitivityColumn,
  ],
  naturalKeys: [
    ['titles.en', 'itemId', 'period.start'],
    ['titles.ar', 'itemId', 'period.start'],
    ['organizationId', 'itemId', 'place.adminUnitId', 'period.start'],
  ],
};

/**
 * Shipments, one row per line: rows with the same reference are one shipment, and each gives one
 * line (item, quantity, unit); the shipment's own columns may be repeated on every row or left
 * empty after the first. Natural key: the reference; without one, the title and the start date.
 * An import replaces a shipment's lines with the file's when they differ.
 */
export const shipmentColumns: ResourceExchange = {
  path: 'shipments',
  columns: [
    idColumn,
    {
      field: 'reference',
      hxl: '#activity+code',
      alsoHxl: ['#meta+ref', '#meta+reference'],
      en: 'Reference',
      ar: 'المرجع',
      alsoHeaders: ['Waybill', 'Shipment reference', 'رقم الشحنة'],
      kind: 'text',
    },
    ...titleColumns('Shipment', 'الشحنة'),
    placeColumn('destination.adminUnitId', 'destination.text', 'Destination', 'الوجهة'),
    {
      field: 'destination.text',
      hxl: '#adm+name+reported',
      en: 'Destination (as reported)',
      ar: 'الوجهة (كما وردت)',
      kind: 'text',
    },
    {
      field: 'origin.adminUnitId',
      hxl: '#adm+code+origin',
      alsoHxl: ['#adm+name+origin'],
      en: 'Origin',
      ar: 'المنشأ',
      kind: 'admin',
    },
    {
      field: 'donorIds',
      hxl: '#org+funder',
      en: 'Donors',
      ar: 'المانحون',
      alsoHeaders: ['Donor', 'المانح'],
      kind: 'organization',
      list: {},
    },
    {
      field: 'consigneeId',
      hxl: '#org+impl',
      alsoHxl: ['#org+consignee', '#org+name'],
      en: 'Consignee',
      ar: 'المستلم',
      kind: 'organization',
    },
    {
      field: 'mode',
      hxl: '#x_transport+mode',
      en: 'Mode',
      ar: 'وسيلة النقل',
      kind: 'enum',
      values: shipmentModes,
    },
    ...periodColumns,
    { ...itemColumn, field: 'lines.itemId' },
    ...quantityColumns.map((c) => ({ ...c, field: `lines.${c.field}` })),
    sensitivityColumn,
  ],
  naturalKeys: [['reference'], ['titles.en', 'period.start'], ['titles.ar', 'period.start']],
  childRows: {
    field: 'lines',
    groupBy: 'reference',
    locked: {
      // Goods in the pipeline were counted from these lines: the ledger would no longer add up.
      when: (view) =>
        Array.isArray(view.lines) &&
        view.lines.some((line) => Number((line as { dispatched?: number }).dispatched) > 0),
      code: 'shipment.lines_locked',
    },
  },
};

/** Organizations in one cell, `;`-separated, each with the role the column gives it. */
function organizationList(
  field: string,
  role: Record<string, string>,
  hxl: string,
  en: string,
  ar: string,
): ResourceColumn {
  return { field, hxl, en, ar, kind: 'organization', list: { key: 'organizationId', with: role } };
}

/**
 * Meetings. Participants (who attended), the invited and the conveners are `;`-separated lists of
 * organizations (name or acronym); an import replaces the meeting's participants with the file's
 * when they differ (groups rather than organizations, and other attendances such as observers,
 * are not exchanged). Natural key: the title and the start date.
 */
export const meetingColumns: ResourceExchange = {
  path: 'meetings',
  columns: [
    idColumn,
    ...titleColumns('Meeting', 'الاجتماع', '#event'),
    { field: 'kind', hxl: '#event+type', en: 'Kind', ar: 'النوع', kind: 'enum', values: meetingKinds },
    ...periodColumns,
    placeColumn('place.adminUnitId', 'place.text', 'Place', 'المكان'),
    {
      field: 'place.text',
      hxl: '#adm+name+reported',
      en: 'Place (as reported)',
      ar: 'المكان (كما ورد)',
      kind: 'text',
    },
    {
      ...organizationList(
        'participants',
        { role: 'participant', attendance: 'attended' },
        '#org+participant',
        'Participants',
        'المشاركون',
      ),
      alsoHeaders: ['Participants (organizations)', 'الجهات المشاركة'],
    },
    organizationList(
      'participants',
      { role: 'participant', attendance: 'invited' },
      '#org+invited',
      'Invited',
      'المدعوون',
    ),
    organizationList('participants', { role: 'convener' }, '#org+convener', 'Conveners', 'الجهات الداعية'),
    sensitivityColumn,
  ],
  naturalKeys: [
    ['titles.en', 'period.start'],
    ['titles.ar', 'period.start'],
  ],
  listKeep: { participants: ['organizationId', 'group', 'role', 'attendance'] },
};

/**
 * Agreements. Parties are `;`-separated lists of organizations, one column per role; domains a
 * `;`-separated list. An import replaces the parties with the file's when they differ; the
 * conditions are not exchanged (they have their own ids and links). Natural key: the title and type.
 */
export const agreementColumns: ResourceExchange = {
  path: 'agreements',
  columns: [
    idColumn,
    ...titleColumns('Agreement', 'الاتفاق'),
    { field: 'type', hxl: '#activity+type', en: 'Type', ar: 'النوع', kind: 'enum', values: agreementTypes },
    {
      field: 'domains',
      hxl: '#sector+domain',
      en: 'Domains',
      ar: 'المجالات',
      kind: 'enum',
      values: agreementDomains,
      list: {},
    },
    {
      field: 'instrumentCount',
      hxl: '#x_instruments+num',
      en: 'Instruments',
      ar: 'عدد الصكوك',
      kind: 'integer',
    },
    {
      ...organizationList('parties', { role: 'signatory' }, '#org+signatory', 'Signatories', 'الموقّعون'),
      alsoHeaders: ['Parties', 'الأطراف'],
    },
    organizationList('parties', { role: 'guarantor' }, '#org+guarantor', 'Guarantors', 'الضامنون'),
    organizationList('parties', { role: 'witness' }, '#org+witness', 'Witnesses', 'الشهود'),
    organizationList(
      'parties',
      { role: 'implementing' },
      '#org+impl',
      'Implementing parties',
      'الجهات المنفّذة',
    ),
    {
      field: 'effectivePeriod.start',
      hxl: '#date+start',
      alsoHxl: ['#date'],
      en: 'Effective from',
      ar: 'نافذ من',
      kind: 'date',
    },
    { field: 'effectivePeriod.end', hxl: '#date+end', en: 'Effective to', ar: 'نافذ حتى', kind: 'date' },
    sensitivityColumn,
  ],
  naturalKeys: [
    ['titles.en', 'type'],
    ['titles.ar', 'type'],
  ],
  listKeep: { parties: ['organizationId', 'role'] },
};

/** Every resource that can be imported, exported and given a template, by its API path. */
export const exchangeColumns: ReadonlyMap<string, ResourceExchange> = new Map(
  [
    organizationColumns,
    adminUnitColumns,
    siteColumns,
    itemColumns,
    pledgeColumns,
    populationMovementColumns,
    distributionColumns,
    shipmentColumns,
    meetingColumns,
    agreementColumns,
  ].map((r) => [r.path, r]),
);
