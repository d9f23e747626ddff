import { AppError, type Lang, type Page, Uuid } from '@tansiq/core';
import { z } from 'zod';
import { getRecord } from '../../services/get-record.ts';
import { listRecords } from '../../services/list-records.ts';
import type { Resource } from '../../services/resource.ts';
import { allResources } from '../../services/resources/index.ts';
import { validate } from '../../services/validate.ts';
import type { Command, CommandInput } from '../command.ts';
import { enumValues, fieldsFromFlags, kebab, stringOptions, validateFlags } from '../flags.ts';
import { words } from '../labels.ts';
import { recordColumns, type ViewRecord } from '../record-columns.ts';
import { formatNumber, renderTable } from '../table.ts';
import { withStore } from '../with-store.ts';

const resourcePaths = allResources.map((resource) => resource.path);

/** The query fields of a resource's list route (`GET /api/R`), each with the flag that sets it. */
function queryShape(resource: Resource): Record<string, z.ZodType> {
  return resource.query instanceof z.ZodObject ? resource.query.shape : {};
}

function flagsOf(resource: Resource): Record<string, string> {
  return Object.fromEntries(Object.keys(queryShape(resource)).map((field) => [field, kebab(field)]));
}

/** The resource at this API path; any other word is a usage error naming the resources. */
function resourceAt(path: string, command: string, lang: Lang): Resource {
  const resource = allResources.find((candidate) => candidate.path === path);
  if (resource) return resource;
  const reason =
    lang === 'ar'
      ? `لا يوجد مورد باسم «${path}»؛ الموارد: ${resourcePaths.join('، ')}`
      : `There is no resource "${path}"; the resources are: ${resourcePaths.join(', ')}`;
  throw new AppError('cli.usage', { command, reason });
}

/** Fields every list takes (ListQuery), described once. */
const commonHelp: Record<string, { value: string } & Record<Lang, string>> = {
  q: {
    value: 'TEXT',
    en: 'search (Arabic or Latin, either language)',
    ar: 'بحث (بالعربية أو اللاتينية، في اللغتين)',
  },
  limit: {
    value: 'N',
    en: 'at most N records (default 50, at most 500)',
    ar: 'N سجلًا على الأكثر (افتراضيًا 50، وحدّه 500)',
  },
  cursor: {
    value: 'C',
    en: 'the next page (the cursor the previous page printed)',
    ar: 'الصفحة التالية (المؤشر الذي طبعته الصفحة السابقة)',
  },
  sort: {
    value: 'FIELD',
    en: 'order by FIELD, or -FIELD for descending',
    ar: 'الترتيب حسب FIELD، أو ‎-FIELD‎ تنازليًا',
  },
};

/** What a filter's value looks like, from its schema. */
function placeholder(type: z.ZodType): string {
  let inner = type;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
  if (inner instanceof z.ZodUUID) return 'ID';
  if (inner instanceof z.ZodISODate) return 'DATE';
  if (inner instanceof z.ZodNumber) return 'N';
  // z.stringbool(): "true" or "false" in a URL, a boolean once parsed.
  if (inner instanceof z.ZodPipe) return 'true|false';
  return 'VALUE';
}

/** One help row per filter: the resources that take it, and its values when they agree. */
function filterHelp(): Record<string, Record<Lang, string>> {
  const byField = new Map<string, { type: z.ZodType; paths: string[]; values: Set<string> }>();
  for (const resource of allResources) {
    for (const [field, type] of Object.entries(queryShape(resource))) {
      if (field in commonHelp) continue;
      const entry = byField.get(field) ?? { type, paths: [], values: new Set<string>() };
      entry.paths.push(resource.path);
      entry.values.add(enumValues(type).join(', '));
      byField.set(field, entry);
    }
  }
  const help: Record<string, Record<Lang, string>> = {};
  for (const [field, { type, paths, values }] of [...byField].sort(([a], [b]) => a.localeCompare(b))) {
    const [only] = values;
    const list = values.size === 1 && only ? `: ${only}` : '';
    help[`${kebab(field)} ${placeholder(type)}`] = {
      en: `[${paths.join(', ')}]${list}`,
      ar: `[${paths.join('، ')}]${list}`,
    };
  }
  return help;
}

const jsonHelp = {
  list: {
    en: 'print the page as JSON ({ items, total, nextCursor }, as GET /api/RESOURCE answers)',
    ar: 'طباعة الصفحة بصيغة JSON (‏{ items, total, nextCursor }‏ كما تجيب GET /api/RESOURCE)',
  },
  get: {
    en: 'print the record as JSON (the default: records are nested)',
    ar: 'طباعة السجل بصيغة JSON (الافتراضي: السجلات متداخلة)',
  },
};

const nextPage = { en: 'next page: --cursor', ar: 'الصفحة التالية: ‎--cursor‎' };

/** Refuses, as a usage error, a flag that is some resource's filter but not this one's. */
function refuseForeignFlags(input: CommandInput, resource: Resource, flags: Record<string, string>): void {
  const own = new Set([...Object.values(flags), 'json', 'lang', 'help']);
  const foreign = Object.keys(input.values).filter(
    (flag) => input.values[flag] !== undefined && !own.has(flag),
  );
  if (foreign.length === 0) return;
  const given = foreign.map((flag) => `--${flag}`).join(', ');
  const accepted = Object.values(flags)
    .map((flag) => `--${flag}`)
    .join(', ');
  const reason =
    input.lang === 'ar'
      ? `القائمة ${resource.path} لا تقبل ${given}؛ خياراتها: ${accepted}`
      : `${resource.path} does not take ${given}; its flags are: ${accepted}`;
  throw new AppError('cli.usage', { command: 'list', reason });
}

/** A service's own refusal of a list parameter (an unknown sort key, a bad cursor), by its flag. */
function withFlagNames(error: unknown, flags: Record<string, string>): unknown {
  if (!(error instanceof AppError) || error.code !== 'validation.invalid') return error;
  const problems = error.details.fields;
  if (!Array.isArray(problems)) return error;
  const fields = problems.map((problem: { field?: unknown }) => {
    const flag = typeof problem.field === 'string' ? flags[problem.field] : undefined;
    return flag ? { ...problem, field: `--${flag}` } : problem;
  });
  return new AppError('validation.invalid', { ...error.details, fields }, { cause: error });
}

const allFlags = [...new Set(allResources.flatMap((resource) => Object.values(flagsOf(resource))))];

export const listCommand: Command = {
  name: 'list',
  usage: 'list RESOURCE [FILTERS] [--json]',
  summary: {
    en: `List records as GET /api/RESOURCE does; RESOURCE: ${resourcePaths.join(', ')}.`,
    ar: `سرد السجلات كما تفعل GET /api/RESOURCE؛ الموارد: ${resourcePaths.join('، ')}.`,
  },
  options: { ...stringOptions(allFlags), json: { type: 'boolean' } },
  optionHelp: {
    ...Object.fromEntries(
      Object.entries(commonHelp).map(([field, help]) => [`${field} ${help.value}`, help]),
    ),
    ...filterHelp(),
    json: jsonHelp.list,
  },
  positionals: { min: 1, max: 1 },
  async run(input) {
    const resource = resourceAt(String(input.positionals[0]), 'list', input.lang);
    const flags = flagsOf(resource);
    refuseForeignFlags(input, resource, flags);
    // The route's own query schema, checked before the database is opened.
    const query = validateFlags(resource.query, fieldsFromFlags(input.values, flags), flags) as Parameters<
      typeof listRecords
    >[2];
    const page: Page<unknown> = await withStore(input, async (ctx) => {
      try {
        return await listRecords(ctx, resource, query);
      } catch (error) {
        throw withFlagNames(error, flags);
      }
    });
    if (input.values.json) {
      input.out.write(`${JSON.stringify(page, null, 2)}\n`);
      return 0;
    }
    const columns = recordColumns(resource.view, input.lang);
    input.out.write(renderTable(columns, page.items as ViewRecord[], input.lang));
    const { lang } = input;
    input.err.write(`${words.total[lang]}: ${formatNumber(page.total, lang)}\n`);
    if (page.nextCursor) input.err.write(`${nextPage[lang]} ${page.nextCursor}\n`);
    return 0;
  },
};

export const getCommand: Command = {
  name: 'get',
  usage: 'get RESOURCE ID [--json]',
  summary: {
    en: 'One record as JSON, as GET /api/RESOURCE/ID answers.',
    ar: 'سجل واحد بصيغة JSON، كما تجيب GET /api/RESOURCE/ID.',
  },
  options: { json: { type: 'boolean' } },
  optionHelp: { json: jsonHelp.get },
  positionals: { min: 2, max: 2 },
  async run(input) {
    const [path = '', rawId] = input.positionals;
    const resource = resourceAt(path, 'get', input.lang);
    // The route's path parameter: a malformed id is refused as the API refuses it.
    const { id } = validate(z.object({ id: Uuid }), { id: rawId });
    const view = await withStore(input, (ctx) => getRecord(ctx, resource, id));
    input.out.write(`${JSON.stringify(view, null, 2)}\n`);
    return 0;
  },
};
