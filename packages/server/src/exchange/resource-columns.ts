// The columns of each importable and exportable resource, written once: the HXL hashtag, the English
// and Arabic headers, and the field of the resource's input each fills. Imports find a file's
// columns here (by hashtag, else by header in either language, else by a saved mapping); exports and
// templates write these headers and hashtags, so what tansiq writes it reads back.

import {
  datePrecisions,
  itemCategories,
  organizationKinds,
  sectors,
  sensitivities,
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

/** Every resource that can be imported, exported and given a template, by its API path. */
export const exchangeColumns: ReadonlyMap<string, ResourceExchange> = new Map(
  [organizationColumns, adminUnitColumns, siteColumns, itemColumns, pledgeColumns].map((r) => [r.path, r]),
);
