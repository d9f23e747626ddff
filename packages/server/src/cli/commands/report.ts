import {
  AppError,
  ConditionedAidQuery,
  type ConditionedAidReport,
  type Lang,
  MeetingsTimelineQuery,
  type MeetingsTimelineReport,
  PipelineQuery,
  type PipelineRow,
  type ReturnsReport,
  ReturnsReportQuery,
  StockQuery,
  ThreeWQuery,
  type ThreeWRow,
} from '@tansiq/core';
import type { z } from 'zod';
import type { Ctx } from '../../services/context.ts';
import { report3w } from '../../services/report-3w.ts';
import { reportConditionedAid } from '../../services/report-conditioned-aid.ts';
import { reportMeetingsTimeline } from '../../services/report-meetings-timeline.ts';
import { reportPipeline } from '../../services/report-pipeline.ts';
import { reportReturns } from '../../services/report-returns.ts';
import { reportStock } from '../../services/report-stock.ts';
import { items, sites } from '../../services/resources/registry.ts';
import type { Command } from '../command.ts';
import { enumValues, fieldsFromFlags, kebab, stringOptions, validateFlags } from '../flags.ts';
import { words } from '../labels.ts';
import { namesByIds } from '../names.ts';
import { type Column, renderTable, type Texts, textIn, yesNo } from '../table.ts';
import { withStore } from '../with-store.ts';

type FieldOf<S extends z.ZodObject> = Extract<keyof S['shape'], string>;
type FilterField =
  | FieldOf<typeof PipelineQuery>
  | FieldOf<typeof ThreeWQuery>
  | FieldOf<typeof StockQuery>
  | FieldOf<typeof ConditionedAidQuery>
  | FieldOf<typeof ReturnsReportQuery>
  | FieldOf<typeof MeetingsTimelineQuery>;

/** What each filter means, with the placeholder its help shows; enum values are added from the schema. */
const filterHelp = {
  operationId: { value: 'ID', en: 'only this operation', ar: 'هذه العملية فقط' },
  itemId: { value: 'ID', en: 'only this item', ar: 'هذا الصنف فقط' },
  adminUnitId: {
    value: 'ID',
    en: 'figures for places inside this admin unit',
    ar: 'أرقام الأماكن الواقعة ضمن هذه الوحدة الإدارية',
  },
  from: { value: 'DATE', en: 'from this date (YYYY-MM-DD)', ar: 'من هذا التاريخ (YYYY-MM-DD)' },
  to: { value: 'DATE', en: 'up to this date (YYYY-MM-DD)', ar: 'حتى هذا التاريخ (YYYY-MM-DD)' },
  organizationId: { value: 'ID', en: 'only this organization', ar: 'هذه المنظمة فقط' },
  sector: { value: 'SECTOR', en: 'only this sector', ar: 'هذا القطاع فقط' },
  governorateId: { value: 'ID', en: 'only this governorate', ar: 'هذه المحافظة فقط' },
  groupBy: { value: 'PERIOD', en: 'period buckets (default month)', ar: 'فترات التجميع (افتراضيًا month)' },
  siteId: { value: 'ID', en: 'only this site', ar: 'هذا الموقع فقط' },
  agreementId: { value: 'ID', en: 'only this agreement', ar: 'هذا الاتفاق فقط' },
  aidType: { value: 'TYPE', en: 'only this kind of aid', ar: 'هذا النوع من المساعدة فقط' },
  aidId: {
    value: 'ID',
    en: 'only this pledge, shipment or distribution',
    ar: 'هذا التعهد أو الشحنة أو التوزيع فقط',
  },
  conditionType: { value: 'TYPE', en: 'only conditions of this type', ar: 'الشروط من هذا النوع فقط' },
  state: { value: 'STATE', en: 'only conditions in this state', ar: 'الشروط في هذه الحالة فقط' },
  political: {
    value: 'true|false',
    en: 'only links to political conditions (true), or only the others (false)',
    ar: 'الروابط بشروط سياسية فقط (true) أو غيرها فقط (false)',
  },
  populationGroup: { value: 'GROUP', en: 'only this population group', ar: 'هذه الفئة السكانية فقط' },
  countingMethod: { value: 'METHOD', en: 'only this counting method', ar: 'طريقة العد هذه فقط' },
  governorate: {
    value: 'ID',
    en: 'only this governorate (a level-1 admin unit id)',
    ar: 'هذه المحافظة فقط (معرّف وحدة إدارية من المستوى الأول)',
  },
  combineMethods: {
    value: 'true|false',
    en: 'add figures of different counting methods together (default false)',
    ar: 'جمع أرقام طرق العد المختلفة معًا (افتراضيًا false)',
  },
  kind: { value: 'KIND', en: 'only meetings of this kind', ar: 'الاجتماعات من هذا النوع فقط' },
  placeAdminUnitId: {
    value: 'ID',
    en: 'meetings in this admin unit or inside it',
    ar: 'الاجتماعات في هذه الوحدة الإدارية أو ضمنها',
  },
  limit: { value: 'N', en: 'at most N meetings (default 500)', ar: 'N اجتماعًا على الأكثر (افتراضيًا 500)' },
} satisfies Record<FilterField, { value: string } & Record<Lang, string>>;

const jsonHelp = {
  en: 'print the service result as JSON (as the API answers)',
  ar: 'طباعة نتيجة الخدمة بصيغة JSON (كما تجيب الواجهة البرمجية)',
};

/** One report: its route's query schema, its service, and how a table shows the result. */
interface ReportSpec<S extends z.ZodObject, R> {
  name: string;
  query: S;
  summary: Record<Lang, string>;
  run(ctx: Ctx, query: z.output<S>): Promise<R>;
  print(result: R, ctx: Ctx): string | Promise<string>;
}

interface Filter {
  field: string;
  flag: string;
  help: Record<Lang, string>;
  value: string;
}

function filtersOf(schema: z.ZodObject): Filter[] {
  const help: Record<string, { value: string } & Record<Lang, string>> = filterHelp;
  return Object.entries(schema.shape).map(([field, type]) => {
    const entry = help[field] ?? { value: 'VALUE', en: field, ar: field };
    const values = enumValues(type as z.ZodType);
    const list = values.length ? `: ${values.join(', ')}` : '';
    return {
      field,
      flag: kebab(field),
      value: entry.value,
      help: { en: `${entry.en}${list}`, ar: `${entry.ar}${list}` },
    };
  });
}

const flagMap = (filters: readonly Filter[]) =>
  Object.fromEntries(filters.map((filter) => [filter.field, filter.flag]));

function defineReport<S extends z.ZodObject, R>(spec: ReportSpec<S, R>): Command & { filters: Filter[] } {
  const filters = filtersOf(spec.query);
  const flagByField = flagMap(filters);
  return {
    name: `report ${spec.name}`,
    usage: `report ${spec.name} [FILTERS] [--json]`,
    summary: spec.summary,
    filters,
    options: { ...stringOptions(filters.map((filter) => filter.flag)), json: { type: 'boolean' } },
    optionHelp: {
      ...Object.fromEntries(filters.map((filter) => [`${filter.flag} ${filter.value}`, filter.help])),
      json: jsonHelp,
    },
    async run(input) {
      // Checked before the database is opened: a bad value is refused at once.
      const query = validateFlags(spec.query, fieldsFromFlags(input.values, flagByField), flagByField);
      const text = await withStore(input, async (ctx) => {
        const result = await spec.run(ctx, query);
        return input.values.json ? `${JSON.stringify(result, null, 2)}\n` : await spec.print(result, ctx);
      });
      input.out.write(text);
      return 0;
    },
  };
}

/** "2020-11-11 – 2020-11-12", "2021-01", "2021": a period to the precision it was given. */
function periodText(period: { start: string; end: string | null; precision: 'day' | 'month' | 'year' }) {
  const cut = (date: string) =>
    period.precision === 'year' ? date.slice(0, 4) : period.precision === 'month' ? date.slice(0, 7) : date;
  const start = cut(period.start);
  const end = period.end ? cut(period.end) : null;
  return end && end !== start ? `${start} – ${end}` : start;
}

const listIn = (texts: (string | null)[], lang: Lang) =>
  texts.filter((text): text is string => Boolean(text)).join(lang === 'ar' ? '، ' : ', ');

const pipelineReport = defineReport({
  name: 'pipeline',
  query: PipelineQuery,
  summary: {
    en: 'The aid pipeline per item: pledged, dispatched, received, distributed, lost, in stock.',
    ar: 'مسار المساعدات لكل صنف: المتعهَّد به والمُرسَل والمُستلَم والمُوزَّع والمفقود وما في المخزون.',
  },
  run: (ctx, query) => reportPipeline(ctx, query),
  print: (result, ctx) => {
    const columns: Column<PipelineRow>[] = [
      { header: 'item', cell: (row) => textIn(row.names, ctx.lang) ?? row.itemId },
      { header: 'unit', cell: (row) => row.baseUnit },
      { header: 'pledged', cell: (row) => row.pledged },
      { header: 'dispatched', cell: (row) => row.dispatched },
      { header: 'received', cell: (row) => row.received },
      { header: 'distributed', cell: (row) => row.distributed },
      { header: 'lost', cell: (row) => row.lost },
      { header: 'inPipeline', cell: (row) => row.inPipeline },
      { header: 'inStock', cell: (row) => row.inStock },
      { header: 'plannedDistribution', cell: (row) => row.plannedDistribution },
    ];
    return renderTable(columns, result.items, ctx.lang);
  },
});

const threeWReport = defineReport({
  name: '3w',
  query: ThreeWQuery,
  summary: {
    en: 'Who does what where: organization × sector × governorate × period.',
    ar: 'من يفعل ماذا وأين: المنظمة × القطاع × المحافظة × الفترة.',
  },
  run: (ctx, query) => report3w(ctx, query),
  print: (result, ctx) => {
    const columns: Column<ThreeWRow>[] = [
      {
        header: 'organization',
        cell: (row) => (row.organization ? organizationName(row.organization, ctx) : null),
      },
      { header: 'sector', cell: (row) => row.sector },
      {
        header: 'governorate',
        cell: (row) =>
          row.governorate ? (textIn(row.governorate.names, ctx.lang) ?? row.governorate.pcode) : null,
      },
      { header: 'period', cell: (row) => row.period },
      { header: 'status', cell: (row) => row.status },
      { header: 'activities', cell: (row) => row.activities },
      { header: 'items', cell: (row) => row.items },
      { header: 'individuals', cell: (row) => row.individuals },
    ];
    return renderTable(columns, result.items, ctx.lang);
  },
});

function organizationName(organization: { id: string; names: Texts }, ctx: Ctx): string {
  return textIn(organization.names, ctx.lang) ?? organization.id;
}

type StockResult = Awaited<ReturnType<typeof reportStock>>;

const stockReport = defineReport({
  name: 'stock',
  query: StockQuery,
  summary: {
    en: 'Stock on hand per site and item, derived from the ledger.',
    ar: 'المخزون المتوفر لكل موقع وصنف، محسوبًا من السجل.',
  },
  run: (ctx, query) => reportStock(ctx, query),
  print: async (result: StockResult, ctx) => {
    const siteNames = await namesByIds(
      ctx,
      sites,
      result.items.map((row) => row.siteId),
    );
    const itemNames = await namesByIds(
      ctx,
      items,
      result.items.map((row) => row.itemId),
    );
    const columns: Column<StockResult['items'][number]>[] = [
      { header: 'site', cell: (row) => textIn(siteNames.get(row.siteId), ctx.lang) ?? row.siteId },
      { header: 'item', cell: (row) => textIn(itemNames.get(row.itemId), ctx.lang) ?? row.itemId },
      { header: 'quantity', cell: (row) => row.quantity },
      { header: 'unit', cell: (row) => row.baseUnit },
    ];
    return renderTable(columns, result.items, ctx.lang);
  },
});

const conditionedAidReport = defineReport({
  name: 'conditioned-aid',
  query: ConditionedAidQuery,
  summary: {
    en: 'Which aid is conditioned on which agreement, one line per link.',
    ar: 'أي المساعدات مشروطة بأي اتفاق، سطر لكل ربط.',
  },
  run: (ctx, query) => reportConditionedAid(ctx, query),
  print: (result: ConditionedAidReport, ctx) => {
    const columns: Column<ConditionedAidReport['items'][number]>[] = [
      { header: 'aidType', cell: (row) => row.aid.type },
      { header: 'aid', cell: (row) => textIn(row.aid.description, ctx.lang) ?? row.aid.id },
      { header: 'status', cell: (row) => row.aid.status },
      { header: 'scope', cell: (row) => row.scope },
      { header: 'conditionType', cell: (row) => row.condition.type },
      { header: 'conditionState', cell: (row) => row.condition.state },
      { header: 'agreement', cell: (row) => textIn(row.agreement.titles, ctx.lang) ?? row.agreement.id },
      { header: 'instruments', cell: (row) => row.agreement.instrumentCount },
      { header: 'political', cell: (row) => yesNo(row.conditionedOnPoliticalAgreement, ctx.lang) },
    ];
    return renderTable(columns, result.items, ctx.lang);
  },
});

const returnsReport = defineReport({
  name: 'returns',
  query: ReturnsReportQuery,
  summary: {
    en: 'Returns by governorate, counting method, population group and period.',
    ar: 'العودة حسب المحافظة وطريقة العد والفئة السكانية والفترة.',
  },
  run: (ctx, query) => reportReturns(ctx, query),
  print: (result: ReturnsReport, ctx) => {
    const { lang } = ctx;
    const governorate = (row: { governorate: ReturnsReport['rows'][number]['governorate'] }) =>
      row.governorate ? (textIn(row.governorate.names, lang) ?? row.governorate.pcode) : null;
    const method = (row: { countingMethod: string | null }) => row.countingMethod ?? words.allMethods[lang];
    const rows: Column<ReturnsReport['rows'][number]>[] = [
      { header: 'governorate', cell: governorate },
      { header: 'populationGroup', cell: (row) => row.populationGroup },
      { header: 'period', cell: (row) => row.period.label },
      { header: 'countingMethod', cell: method },
      { header: 'individuals', cell: (row) => row.individuals },
      { header: 'households', cell: (row) => row.households },
      { header: 'movements', cell: (row) => row.movements },
    ];
    const totals: Column<ReturnsReport['totals'][number]>[] = [
      { header: 'governorate', cell: governorate },
      { header: 'countingMethod', cell: method },
      { header: 'individuals', cell: (row) => row.individuals },
      { header: 'households', cell: (row) => row.households },
      { header: 'movements', cell: (row) => row.movements },
    ];
    const parts = [renderTable(rows, result.rows, lang)];
    if (result.totals.length)
      parts.push(`\n${words.totals[lang]}\n${renderTable(totals, result.totals, lang)}`);
    if (!result.methodsCombined && result.countingMethods.length > 1)
      parts.push(`\n${words.methodsApart[lang]}\n`);
    return parts.join('');
  },
});

const meetingsTimelineReport = defineReport({
  name: 'meetings-timeline',
  query: MeetingsTimelineQuery,
  summary: {
    en: 'Meetings by date, with conveners and attendance (attended, boycotted, …) counted.',
    ar: 'الاجتماعات حسب التاريخ، مع الجهات الداعية وعدّ الحضور (حضر، قاطع، …).',
  },
  run: (ctx, query) => reportMeetingsTimeline(ctx, query),
  print: (result: MeetingsTimelineReport, ctx) => {
    const { lang } = ctx;
    type Entry = MeetingsTimelineReport['items'][number];
    const place = (entry: Entry) =>
      textIn(entry.place.siteNames, lang) ??
      textIn(entry.place.names, lang) ??
      entry.place.text ??
      (entry.virtual ? words.virtual[lang] : null);
    const columns: Column<Entry>[] = [
      { header: 'date', cell: (entry) => periodText(entry.period) },
      { header: 'kind', cell: (entry) => entry.kind },
      { header: 'title', cell: (entry) => textIn(entry.titles, lang) },
      { header: 'place', cell: place },
      { header: 'status', cell: (entry) => entry.status },
      {
        header: 'conveners',
        cell: (entry) =>
          listIn(
            entry.conveners.map((party) => textIn('group' in party ? party.group : party.names, lang)),
            lang,
          ) || null,
      },
      { header: 'attended', cell: (entry) => entry.counts.attended },
      { header: 'invited', cell: (entry) => entry.counts.invited },
      { header: 'observer', cell: (entry) => entry.counts.observer },
      { header: 'declined', cell: (entry) => entry.counts.declined },
      { header: 'boycotted', cell: (entry) => entry.counts.boycotted },
      { header: 'walkedOut', cell: (entry) => entry.counts.walked_out },
    ];
    const table = renderTable(columns, result.items, lang);
    return result.truncated ? `${table}\n${words.truncated[lang]}\n` : table;
  },
});

export const reportCommands = [
  pipelineReport,
  threeWReport,
  stockReport,
  conditionedAidReport,
  returnsReport,
  meetingsTimelineReport,
];

const reportNames = reportCommands.map((command) => command.name.slice('report '.length));

/** Every filter flag of any report, with the reports that take it. */
function allFilters(): Record<string, Record<Lang, string>> {
  const byFlag = new Map<string, { filter: Filter; reports: string[] }>();
  reportCommands.forEach((command, index) => {
    for (const filter of command.filters) {
      const entry = byFlag.get(filter.flag) ?? { filter, reports: [] };
      entry.reports.push(reportNames[index] ?? '');
      byFlag.set(filter.flag, entry);
    }
  });
  const help: Record<string, Record<Lang, string>> = {};
  for (const [flag, { filter, reports }] of byFlag) {
    const which = reports.join(', ');
    help[`${flag} ${filter.value}`] = {
      en: `[${which}] ${filter.help.en}`,
      ar: `[${which}] ${filter.help.ar}`,
    };
  }
  return help;
}

/**
 * `tansiq report NAME`: the reports are commands of their own (`report pipeline` …), each with its
 * route's filters; this one answers `report --help` and refuses a name that is not a report.
 */
export const reportCommand: Command = {
  name: 'report',
  usage: 'report NAME [FILTERS] [--json]',
  summary: {
    en: `Print a report (${reportNames.join(', ')}); "tansiq report NAME --help" lists its filters.`,
    ar: `طباعة تقرير (${reportNames.join('، ')})؛ «tansiq report NAME --help» يعرض مرشِّحاته.`,
  },
  options: {
    ...stringOptions(reportCommands.flatMap((command) => command.filters.map((filter) => filter.flag))),
    json: { type: 'boolean' },
  },
  optionHelp: { ...allFilters(), json: jsonHelp },
  positionals: { min: 1, max: 1 },
  async run(input) {
    const name = String(input.positionals[0]);
    const reason =
      input.lang === 'ar'
        ? `لا يوجد تقرير باسم «${name}»؛ التقارير: ${reportNames.join('، ')}`
        : `There is no report "${name}"; the reports are: ${reportNames.join(', ')}`;
    throw new AppError('cli.usage', { command: 'report', reason });
  },
};
