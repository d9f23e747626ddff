/**
 * Checks an extraction against a facts file (`shared/corpus/*.facts.json`): each `must` item found, no
 * `must_not` item reported. One matcher for `npm run eval` and for the test suite.
 *
 * How an item matches (the contract's words where it has them):
 * - `document`: `language` and `published` are equal; `title` is equal once white space is collapsed;
 *   `outlet` and `author` list accepted spellings, one of which must equal the reported value (white space
 *   collapsed, case ignored).
 * - `quantities`, `dates`, `places`, `organizations`: a reported entry with the same span (`start`, `end`)
 *   — the contract fixes what a span covers — and the same value of every other field given, except a
 *   quantity's `item`, which the contract compares "only loosely": it matches when the reported item shares
 *   a word with the expected one (case and a plural -s ignored, "the/and/of" left out), or is written in
 *   Arabic script (the contract allows an item "as written" where no English name is known), or is null
 *   where the expected item only restates the unit ("Syrian cities" for «7 مدن», unit `city`).
 * - `events`: some reported event of that `type` whose `date` (deep-equal), `status`, `place` and
 *   `claimant` agree where the item gives them, whose `participants` include every `participants_include`
 *   and whose `quantities` include every `quantities_include`.
 * - Names (places, claimants, participants) are equal when they are the same once case, punctuation and a
 *   leading "the" are ignored, or when both name the same country ("United States" = "United States of
 *   America", by ISO 3166 through i18n-iso-countries).
 * - `must_not.<kind>`: violated when some reported entry of that kind agrees with every field the item
 *   gives (its `why` aside), anywhere in the document.
 */
import countries from 'i18n-iso-countries';
import type { EventMention, Extraction } from '../src/extract/types.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Item = Record<string, Json>;

export interface FactsFile {
  file: string;
  must: {
    document?: Item;
    quantities?: Item[];
    dates?: Item[];
    places?: Item[];
    organizations?: Item[];
    events?: Item[];
  };
  must_not?: Record<string, Item[]>;
  notes?: string[];
}

export interface Check {
  /** `document.published`, `quantities[1]`, `must_not.places[0]`… */
  path: string;
  /** The stage that produces what is checked, to route a failure to its owner. */
  stage: string;
  expected: Json;
  ok: boolean;
  /** What was reported instead (for a failure), or what matched. */
  detail: string;
}

export interface FactsReport {
  must: Check[];
  mustNot: Check[];
  passed: boolean;
}

/** The file of the extractor that answers for each part of the contract. */
export const stageOf: Record<string, string> = {
  'document.language': 'document.ts',
  'document.title': 'document.ts',
  'document.outlet': 'document.ts',
  'document.author': 'document.ts',
  'document.published': 'dates.ts (statedPublicationDate) / document.ts',
  numbers: 'numbers.ts',
  quantities: 'quantities.ts',
  dates: 'dates.ts',
  places: 'places.ts',
  organizations: 'organizations.ts',
  events: 'events.ts',
};

/** The reference time a facts file's notes give its evaluation ("referenceTime 2026-11-29T00:00:00Z"). */
export function referenceTimeOf(facts: FactsFile): string | null {
  for (const note of facts.notes ?? []) {
    const match = /referenceTime\s+(\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)/.exec(note);
    if (match) return match[1] as string;
  }
  return null;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

function simpleName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

export function sameName(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  if (simpleName(a) === simpleName(b)) return true;
  const codeA = countries.getAlpha2Code(a, 'en');
  return codeA !== undefined && codeA === countries.getAlpha2Code(b, 'en');
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** "cities" → "city", "agreements" → "agreement", "boxes" → "box": enough to compare an item with a unit. */
function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:x|ch|sh|ss)es$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

const STOP_WORDS = new Set(['the', 'and', 'of', 'a', 'an', 'for']);

function words(text: string): Set<string> {
  return new Set(
    simpleName(text)
      .split(' ')
      .filter((word) => word !== '' && !STOP_WORDS.has(word))
      .map(singular),
  );
}

export function looseItem(expected: string | null, reported: string | null, unit = ''): boolean {
  if (expected === null) return true;
  if (reported === null) return unit !== '' && words(expected).has(singular(unit));
  if (/\p{Script=Arabic}/u.test(reported)) return true;
  const wanted = words(expected);
  for (const word of words(reported)) if (wanted.has(word)) return true;
  return false;
}

function show(value: unknown): string {
  return JSON.stringify(value);
}

/** The reported entries of one kind as `{field: value}` records. */
function entries(result: Extraction, kind: string): Record<string, unknown>[] {
  const list = (result as unknown as Record<string, unknown>)[kind];
  return Array.isArray(list) ? (list as Record<string, unknown>[]) : [];
}

function checkDocument(result: Extraction, expected: Item): Check[] {
  const checks: Check[] = [];
  for (const [field, want] of Object.entries(expected)) {
    const got = (result.document as unknown as Record<string, unknown>)[field] ?? null;
    let ok: boolean;
    if (Array.isArray(want)) {
      ok =
        typeof got === 'string' &&
        want.some(
          (spelling) =>
            typeof spelling === 'string' && collapse(spelling).toLowerCase() === collapse(got).toLowerCase(),
        );
    } else if (field === 'title') {
      ok = typeof got === 'string' && typeof want === 'string' && collapse(got) === collapse(want);
    } else {
      ok = equal(got, want);
    }
    const path = `document.${field}`;
    checks.push({
      path,
      stage: stageOf[path] ?? 'document.ts',
      expected: want,
      ok,
      detail: `reported ${show(got)}`,
    });
  }
  return checks;
}

/** Why a reported entry at the item's span differs, field by field. */
function spanEntryMismatches(kind: string, want: Item, got: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [field, value] of Object.entries(want)) {
    if (field === 'start' || field === 'end' || field === 'why') continue;
    const reported = got[field] ?? null;
    let ok: boolean;
    if (kind === 'quantities' && field === 'item')
      ok = looseItem(value as string | null, reported as string | null, String(got.unit ?? ''));
    else if (field === 'name') ok = sameName(value as string | null, reported as string | null);
    else ok = equal(reported, value);
    if (!ok) problems.push(`${field} ${show(reported)} (expected ${show(value)})`);
  }
  return problems;
}

function checkSpans(result: Extraction, kind: string, items: readonly Item[]): Check[] {
  const reported = entries(result, kind);
  return items.map((want, index) => {
    const path = `${kind}[${index}]`;
    const stage = stageOf[kind] ?? kind;
    const atSpan = reported.find((got) => got.start === want.start && got.end === want.end);
    if (atSpan) {
      const problems = spanEntryMismatches(kind, want, atSpan);
      return {
        path,
        stage,
        expected: want,
        ok: problems.length === 0,
        detail:
          problems.length === 0 ? `found «${String(atSpan.text)}»` : `at the span: ${problems.join('; ')}`,
      };
    }
    const start = Number(want.start);
    const end = Number(want.end);
    const near = reported.filter((got) => Number(got.start) < end && start < Number(got.end));
    const detail =
      near.length === 0
        ? 'nothing reported at or across this span'
        : `reported across it instead: ${near
            .map((got) => `«${String(got.text)}» ${String(got.start)}–${String(got.end)}`)
            .join(', ')}`;
    return { path, stage, expected: want, ok: false, detail };
  });
}

function eventProblems(want: Item, event: EventMention): string[] {
  const problems: string[] = [];
  if (want.date !== undefined && !equal(event.date, want.date))
    problems.push(`date ${show(event.date)} (expected ${show(want.date)})`);
  if (want.status !== undefined && event.status !== want.status)
    problems.push(`status ${event.status} (expected ${String(want.status)})`);
  for (const field of ['place', 'claimant'] as const) {
    const value = want[field];
    if (value !== undefined && !sameName(event[field], value as string | null))
      problems.push(`${field} ${show(event[field])} (expected ${show(value)})`);
  }
  for (const participant of (want.participants_include ?? []) as string[]) {
    if (!event.participants.some((name) => sameName(name, participant)))
      problems.push(`no participant ${show(participant)} (has ${show(event.participants)})`);
  }
  for (const value of (want.quantities_include ?? []) as number[]) {
    if (!event.quantities.includes(value))
      problems.push(`no quantity ${value} (has ${show(event.quantities)})`);
  }
  return problems;
}

function checkEvents(result: Extraction, items: readonly Item[]): Check[] {
  return items.map((want, index) => {
    const path = `events[${index}]`;
    const candidates = result.events.filter((event) => event.type === want.type);
    const scored = candidates
      .map((event) => ({ event, problems: eventProblems(want, event) }))
      .sort((a, b) => a.problems.length - b.problems.length);
    const best = scored[0];
    if (best && best.problems.length === 0) {
      return {
        path,
        stage: 'events.ts',
        expected: want,
        ok: true,
        detail: `found at ${best.event.start}–${best.event.end} (${best.event.mentions.length} mention(s))`,
      };
    }
    const detail = best
      ? `closest ${String(want.type)} at ${best.event.start}–${best.event.end}: ${best.problems.join('; ')}`
      : `no ${String(want.type)} event reported`;
    // An event dated with the wrong value of a date the text states: the date is wrong, not the event.
    const onlyDate = best?.problems.every((problem) => problem.startsWith('date ')) ?? false;
    const stage = onlyDate ? 'dates.ts (the value events.ts took)' : 'events.ts';
    return { path, stage, expected: want, ok: false, detail };
  });
}

function checkMustNot(result: Extraction, mustNot: Record<string, Item[]>): Check[] {
  const checks: Check[] = [];
  for (const [kind, items] of Object.entries(mustNot)) {
    const reported = entries(result, kind);
    items.forEach((item, index) => {
      const offenders = reported.filter((got) => spanlessMatch(item, got));
      checks.push({
        path: `must_not.${kind}[${index}]`,
        stage: stageOf[kind] ?? kind,
        expected: item,
        ok: offenders.length === 0,
        detail:
          offenders.length === 0
            ? 'not reported'
            : `reported: ${offenders.map((got) => `«${String(got.text)}» at ${String(got.start)}`).join(', ')}`,
      });
    });
  }
  return checks;
}

function spanlessMatch(item: Item, got: Record<string, unknown>): boolean {
  for (const [field, value] of Object.entries(item)) {
    if (field === 'why') continue;
    const reported = got[field] ?? null;
    if (
      field === 'name'
        ? !sameName(reported as string | null, value as string | null)
        : !equal(reported, value)
    )
      return false;
  }
  return true;
}

export function checkFacts(result: Extraction, facts: FactsFile): FactsReport {
  const must: Check[] = [];
  if (facts.must.document) must.push(...checkDocument(result, facts.must.document));
  for (const kind of ['quantities', 'dates', 'places', 'organizations'] as const) {
    const items = facts.must[kind];
    if (items) must.push(...checkSpans(result, kind, items));
  }
  if (facts.must.events) must.push(...checkEvents(result, facts.must.events));
  const mustNot = checkMustNot(result, facts.must_not ?? {});
  return { must, mustNot, passed: must.every((c) => c.ok) && mustNot.every((c) => c.ok) };
}

/** The report as lines: every must item found or missing, every must_not respected or violated. */
export function formatFactsReport(report: FactsReport): string[] {
  const found = report.must.filter((check) => check.ok).length;
  const respected = report.mustNot.filter((check) => check.ok).length;
  const lines = [`must: ${found}/${report.must.length} found`];
  for (const check of report.must) {
    const mark = check.ok ? '✓' : '✗';
    const owner = check.ok ? '' : `  [${check.stage}]`;
    lines.push(`  ${mark} ${check.path} ${summarize(check.expected)} — ${check.detail}${owner}`);
  }
  lines.push(`must_not: ${respected}/${report.mustNot.length} respected`);
  for (const check of report.mustNot) {
    const mark = check.ok ? '✓' : '✗ VIOLATED';
    const owner = check.ok ? '' : `  [${check.stage}]`;
    lines.push(`  ${mark} ${check.path} ${summarize(check.expected)} — ${check.detail}${owner}`);
  }
  return lines;
}

function summarize(expected: Json): string {
  if (expected === null || typeof expected !== 'object' || Array.isArray(expected)) return show(expected);
  const { why: _why, start, end, ...rest } = expected;
  const span = start !== undefined ? ` @${String(start)}–${String(end)}` : '';
  return `${show(rest)}${span}`;
}
