/**
 * Organizations: named bodies from a lexicon (UN agencies, Red Cross and Red Crescent, NGOs, media, armed
 * groups), and the names that news build from parts, which no list can hold: a ministry and a nationality
 * («وزارة الدفاع الروسية», «الخارجية الأمريكية», "Russia's Defence Ministry"), an embassy and its city
 * («السفارة الروسية في دمشق»), a government or an army and its nationality, a coordination body and its
 * members («مركز التنسيق الروسي السوري»). At each word the longest reading wins; a named body wins a tie.
 */
import {
  type ArabicNationalityForm,
  arabicNationalityForms,
  englishNationalityWords,
  type Nationality,
  nationalityByCountry,
} from './lexicon/nationalities.js';
import {
  coordinationHeads,
  coordinationPurposes,
  type Department,
  departments,
  type NationalBody,
  nationalBodies,
  organizations,
} from './lexicon/organizations.js';
import { type Folded, fold, originalSpan } from './normalize.js';
import {
  addPhrase,
  addPhraseStarts,
  addWordStart,
  createPhraseIndex,
  joined,
  matchPhrase,
  matchPlace,
  mayStartPhrase,
  type PhraseIndex,
  placeIndex,
  readingsAt,
  type Words,
  wordAt,
  wordsOf,
} from './places.js';
import type { OrganizationKind, OrganizationMention } from './types.js';

interface Found {
  name: string;
  kind: OrganizationKind;
  /** Folded offsets. */
  start: number;
  end: number;
  last: number;
}

interface Lexicon {
  named: PhraseIndex<{ name: string; kind: OrganizationKind }>;
  departmentsAr: PhraseIndex<Department>;
  bareDepartmentsAr: PhraseIndex<Department>;
  departmentsEn: PhraseIndex<Department>;
  bodiesAr: PhraseIndex<NationalBody>;
  bodiesEn: PhraseIndex<NationalBody>;
  coordination: PhraseIndex<string>;
  purposes: PhraseIndex<string>;
  nationalitiesEn: PhraseIndex<Nationality>;
  nationalitiesAr: Map<string, ArabicNationalityForm>;
  /**
   * Where an organization may start: the starts of the phrases read at a word, and the head words read
   * there («وزارة», "embassy"…). A word none of them may start, with the word after it, is passed over
   * at once: "the" opens a few names, but rarely with the word that follows it.
   */
  starts: PhraseIndex<unknown>;
}

const MINISTRY = fold('وزارة');
const CONSULATE = fold('قنصلية');
const EMBASSY_HEADS = new Set([fold('سفارة'), CONSULATE]);
const GOVERNMENT_HEAD = fold('حكومة');
const IN_WORDS = new Set([fold('في'), fold('لدى')]);
const JOINT = new Set([fold('المشترك'), fold('المشتركة')]);
const ENGLISH_HEADS = ['ministry', 'department', 'embassy', 'government'];
const PURPOSE_LINKS = new Set([fold('بشأن'), fold('حول'), fold('الخاص'), fold('الخاصة')]);

function indexOf<T>(entries: Iterable<[string, T]>): PhraseIndex<T> {
  const index = createPhraseIndex<T>();
  for (const [written, value] of entries) addPhrase(index, written, value);
  return index;
}

function buildLexicon(): Lexicon {
  const lexicon: Omit<Lexicon, 'starts'> = {
    named: indexOf(
      organizations.flatMap(({ name, kind, ar, en }) =>
        [...(ar ?? []), ...(en ?? [])].map((written): [string, { name: string; kind: OrganizationKind }] => [
          written,
          { name, kind },
        ]),
      ),
    ),
    departmentsAr: indexOf(departments.flatMap((d) => d.ar.map((w): [string, Department] => [w, d]))),
    bareDepartmentsAr: indexOf(
      departments.filter((d) => d.bare).flatMap((d) => d.ar.map((w): [string, Department] => [w, d])),
    ),
    // Department words and English head nouns are written in capitals or not, as house styles choose
    departmentsEn: indexOf(
      departments.flatMap((d) => d.en.map((w): [string, Department] => [w.toLowerCase(), d])),
    ),
    bodiesAr: indexOf(nationalBodies.flatMap((b) => b.ar.map((w): [string, NationalBody] => [w, b]))),
    bodiesEn: indexOf(
      nationalBodies.flatMap((b) => b.en.map((w): [string, NationalBody] => [w.toLowerCase(), b])),
    ),
    coordination: indexOf(coordinationHeads.flatMap((h) => h.ar.map((w): [string, string] => [w, h.name]))),
    purposes: indexOf(coordinationPurposes.flatMap((p) => p.ar.map((w): [string, string] => [w, p.name]))),
    nationalitiesEn: indexOf(englishNationalityWords().map(({ word, nationality }) => [word, nationality])),
    nationalitiesAr: arabicNationalityForms(),
  };
  // Exactly the indexes `organizationAt` matches at the word itself, and the heads it compares it with.
  const starts = createPhraseIndex<unknown>();
  const readAtTheWord: PhraseIndex<unknown>[] = [
    lexicon.named,
    lexicon.departmentsAr,
    lexicon.bareDepartmentsAr,
    lexicon.departmentsEn,
    lexicon.bodiesAr,
    lexicon.coordination,
    lexicon.nationalitiesEn,
  ];
  for (const index of readAtTheWord) addPhraseStarts(starts, index);
  // A place starts an organization only as an English country ("Russia's Defence Ministry").
  addPhraseStarts(starts, placeIndex(), (place, firstWord) => place.isCountry && isLatin(firstWord));
  for (const head of [MINISTRY, GOVERNMENT_HEAD, ...EMBASSY_HEADS, ...ENGLISH_HEADS])
    addWordStart(starts, head);
  return { ...lexicon, starts };
}

let lexiconCache: Lexicon | null = null;

function lexicon(): Lexicon {
  lexiconCache ??= buildLexicon();
  return lexiconCache;
}

/** The word at `i` without a proclitic, when it is `word` («لمقر» → «مقر»). */
function isWord(words: Words, i: number, wanted: ReadonlySet<string> | string): { clitic: string } | null {
  if (i >= words.count) return null;
  for (const { stem, clitic } of readingsAt(words, i)) {
    if (typeof wanted === 'string' ? stem === wanted : wanted.has(stem)) return { clitic };
  }
  return null;
}

/** A definite nationality adjective at word `i`, following word `i - 1` directly. */
function arabicNationality(words: Words, i: number, feminineOnly = false): Nationality | null {
  if (i === 0 || !joined(words, i - 1)) return null;
  const form = lexicon().nationalitiesAr.get(wordAt(words, i) ?? '');
  if (!form?.definite || (feminineOnly && !form.feminine)) return null;
  return form.nationality;
}

function ministryName(department: Department, nationality: Nationality | null): string {
  if (!nationality) return `Ministry of ${department.name}`;
  if (nationality.country === 'US') return `US ${department.us ?? `Department of ${department.name}`}`;
  return `${nationality.en} Ministry of ${department.name}`;
}

function bodyName(body: NationalBody, nationality: Nationality): string {
  return body.byCountry?.[nationality.country] ?? body.template.replace('{adj}', nationality.en);
}

/** « في دمشق», «بدمشق», " in Damascus" after an embassy: the place's name and its last word. */
function locatedIn(words: Words, i: number): { name: string; end: number; last: number } | null {
  if (i === 0 || !joined(words, i - 1)) return null;
  const word = wordAt(words, i);
  let at = i;
  if (word !== undefined && (IN_WORDS.has(word) || word === 'in')) {
    if (!joined(words, i)) return null;
    at = i + 1;
  }
  const place = matchPlace(words, at);
  if (!place || (at === i && place.clitic !== 'ب')) return null;
  if (at !== i && place.clitic !== '') return null;
  return { name: place.value.name, end: place.end, last: place.last };
}

// ---------------------------------------------------------------------------------------------------
// Arabic

function arabicMinistry(words: Words, i: number): Found | null {
  const head = isWord(words, i, MINISTRY);
  if (head) {
    if (!joined(words, i)) return null;
    const department = matchPhrase(lexicon().departmentsAr, words, i + 1, (m) => m.clitic === '');
    if (!department) return null;
    const nationality = arabicNationality(words, department.last + 1);
    const last = nationality ? department.last + 1 : department.last;
    return {
      name: ministryName(department.value, nationality),
      kind: 'government',
      start: (words.starts[i] as number) + head.clitic.length,
      end: words.ends[last] as number,
      last,
    };
  }
  // «الخارجية الأمريكية»: the ministry without «وزارة», known by its adjective's agreement
  const bare = matchPhrase(lexicon().bareDepartmentsAr, words, i);
  if (!bare) return null;
  const nationality = arabicNationality(words, bare.last + 1, true);
  if (!nationality) return null;
  return {
    name: ministryName(bare.value, nationality),
    kind: 'government',
    start: bare.start,
    end: words.ends[bare.last + 1] as number,
    last: bare.last + 1,
  };
}

function arabicNationalBody(words: Words, i: number): Found | null {
  const body = matchPhrase(lexicon().bodiesAr, words, i);
  if (!body) return null;
  const nationality = arabicNationality(words, body.last + 1);
  if (!nationality) return null;
  let name = bodyName(body.value, nationality);
  let last = body.last + 1;
  let end = words.ends[last] as number;
  if (body.value.located) {
    const place = locatedIn(words, last + 1);
    if (place) {
      name = `${name} in ${place.name}`;
      last = place.last;
      end = place.end;
    }
  }
  return { name, kind: body.value.kind, start: body.start, end, last };
}

/** «سفارة روسيا في دمشق», «حكومة لبنان»: a body followed by its country's name. */
function arabicBodyOfCountry(words: Words, i: number): Found | null {
  const embassy = isWord(words, i, EMBASSY_HEADS);
  const government = embassy ? null : isWord(words, i, GOVERNMENT_HEAD);
  const head = embassy ?? government;
  if (!head || !joined(words, i)) return null;
  const country = matchPlace(words, i + 1);
  if (country?.clitic !== '' || !country.value.isCountry) return null;
  const adjective = nationalityByCountry.get(country.value.country)?.en;
  const consulate = wordAt(words, i)?.endsWith(CONSULATE);
  const noun = government ? 'government' : consulate ? 'Consulate' : 'Embassy';
  let name = adjective ? `${adjective} ${noun}` : `${noun} of ${country.value.name}`;
  if (government && adjective === undefined) name = `Government of ${country.value.name}`;
  let last = country.last;
  let end = country.end;
  if (embassy) {
    const place = locatedIn(words, last + 1);
    if (place) {
      name = `${name} in ${place.name}`;
      last = place.last;
      end = place.end;
    }
  }
  return {
    name,
    kind: embassy ? 'embassy' : 'government',
    start: (words.starts[i] as number) + head.clitic.length,
    end,
    last,
  };
}

/** «مقر التنسيق المشترك الروسي السوري بشأن عودة اللاجئين». */
function arabicCoordination(words: Words, i: number): Found | null {
  const head = matchPhrase(lexicon().coordination, words, i);
  if (!head) return null;
  let last = head.last;
  let joint = false;
  const adjectives: string[] = [];
  const takeJoint = () => {
    if (joined(words, last) && JOINT.has(wordAt(words, last + 1) ?? '')) {
      joint = true;
      last++;
    }
  };
  takeJoint();
  for (;;) {
    if (!joined(words, last)) break;
    const word = wordAt(words, last + 1) ?? '';
    const stem = adjectives.length > 0 && word.startsWith('و') ? word.slice(1) : word;
    const form = lexicon().nationalitiesAr.get(stem);
    if (!form?.definite) break;
    if (!adjectives.includes(form.nationality.en)) adjectives.push(form.nationality.en);
    last++;
  }
  takeJoint();
  let purpose = '';
  if (joined(words, last)) {
    const link = PURPOSE_LINKS.has(wordAt(words, last + 1) ?? '') && joined(words, last + 1);
    const at = link ? last + 2 : last + 1;
    const found = matchPhrase(lexicon().purposes, words, at, (m) =>
      link ? m.clitic === '' || m.clitic === 'ب' : m.clitic === 'ل',
    );
    if (found) {
      purpose = ` ${found.value}`;
      last = found.last;
    }
  }
  const members = adjectives.length > 0 ? `${adjectives.join('-')} ` : '';
  return {
    name: `${members}${joint ? 'Joint ' : ''}${head.value}${purpose}`,
    kind: 'government',
    start: head.start,
    end: words.ends[last] as number,
    last,
  };
}

// ---------------------------------------------------------------------------------------------------
// English

/** "Russian", "U.S.", "Russia's": a nationality before a body; `next` is the word after it. */
function englishNationality(words: Words, i: number): { nationality: Nationality; next: number } | null {
  const adjective = matchPhrase(lexicon().nationalitiesEn, words, i);
  if (adjective) return { nationality: adjective.value, next: adjective.last + 1 };
  const country = matchPlace(words, i);
  if (!country?.value.isCountry || wordAt(words, country.last + 1) !== 's') return null;
  const apostrophe = words.doc.text[country.end];
  if (apostrophe !== "'" && apostrophe !== '’') return null;
  const nationality = nationalityByCountry.get(country.value.country);
  return nationality ? { nationality, next: country.last + 2 } : null;
}

function englishMinistry(words: Words, i: number, nationality: Nationality | null, at: number): Found | null {
  const { departmentsEn } = lexicon();
  const start = words.starts[i] as number;
  const word = wordAt(words, at);
  // "Ministry of Defence", "Department of the Treasury"
  if ((word === 'ministry' || word === 'department') && wordAt(words, at + 1) === 'of') {
    const skipThe = wordAt(words, at + 2) === 'the' ? 1 : 0;
    if (!joined(words, at) || !joined(words, at + 1) || (skipThe && !joined(words, at + 2))) return null;
    const department = matchPhrase(departmentsEn, words, at + 2 + skipThe);
    if (!department) return null;
    const usOnly = !nationality && word === 'department' && department.value.us;
    const name = usOnly ? `US ${department.value.us}` : ministryName(department.value, nationality);
    return { name, kind: 'government', start, end: department.end, last: department.last };
  }
  // "Defence Ministry", "Foreign Ministry"
  const department = matchPhrase(departmentsEn, words, at);
  if (!department || !joined(words, department.last)) return null;
  const noun = wordAt(words, department.last + 1);
  if (noun !== 'ministry' && noun !== 'department') return null;
  const last = department.last + 1;
  return {
    name: ministryName(department.value, nationality),
    kind: 'government',
    start,
    end: words.ends[last] as number,
    last,
  };
}

function englishOrganization(words: Words, i: number): Found | null {
  const found = englishNationality(words, i);
  if (!found) return englishMinistry(words, i, null, i) ?? englishBodyOfCountry(words, i);
  const { nationality, next } = found;
  if (!joined(words, next - 1)) return null;
  const ministry = englishMinistry(words, i, nationality, next);
  if (ministry) return ministry;
  const body = matchPhrase(lexicon().bodiesEn, words, next);
  if (!body) return null;
  let name = bodyName(body.value, nationality);
  if (body.value.template === '{adj} government' && wordAt(words, body.last) === 'regime') {
    name = `${nationality.en} government`;
  }
  let last = body.last;
  let end = body.end;
  if (body.value.located) {
    const place = locatedIn(words, last + 1);
    if (place && wordAt(words, last + 1) === 'in') {
      name = `${name} in ${place.name}`;
      last = place.last;
      end = place.end;
    }
  }
  return { name, kind: body.value.kind, start: words.starts[i] as number, end, last };
}

/** "Embassy of Russia in Beirut", "Government of Lebanon". */
function englishBodyOfCountry(words: Words, i: number): Found | null {
  const head = wordAt(words, i);
  if ((head !== 'embassy' && head !== 'government') || wordAt(words, i + 1) !== 'of') return null;
  if (!joined(words, i) || !joined(words, i + 1)) return null;
  const country = matchPlace(words, i + 2);
  if (!country?.value.isCountry) return null;
  const adjective = nationalityByCountry.get(country.value.country)?.en;
  const noun = head === 'embassy' ? 'Embassy' : 'government';
  let name = adjective
    ? `${adjective} ${noun}`
    : `${head === 'embassy' ? 'Embassy' : 'Government'} of ${country.value.name}`;
  let last = country.last;
  let end = country.end;
  if (head === 'embassy' && wordAt(words, last + 1) === 'in') {
    const place = locatedIn(words, last + 1);
    if (place) {
      name = `${name} in ${place.name}`;
      last = place.last;
      end = place.end;
    }
  }
  return {
    name,
    kind: head === 'embassy' ? 'embassy' : 'government',
    start: words.starts[i] as number,
    end,
    last,
  };
}

// ---------------------------------------------------------------------------------------------------

function isLatin(word: string): boolean {
  const code = word.charCodeAt(0);
  return code < 0x0600;
}

function organizationAt(words: Words, i: number): Found | null {
  if (!mayStartPhrase(words, i, lexicon().starts)) return null;
  const named = matchPhrase(lexicon().named, words, i);
  let best: Found | null = named
    ? { name: named.value.name, kind: named.value.kind, start: named.start, end: named.end, last: named.last }
    : null;
  const word = wordAt(words, i) as string;
  const built = isLatin(word)
    ? [englishOrganization(words, i)]
    : [
        arabicMinistry(words, i),
        arabicNationalBody(words, i),
        arabicBodyOfCountry(words, i),
        arabicCoordination(words, i),
      ];
  for (const candidate of built) if (candidate && (!best || candidate.end > best.end)) best = candidate;
  return best;
}

export function recognizeOrganizations(doc: Folded): OrganizationMention[] {
  const words = wordsOf(doc);
  const mentions: OrganizationMention[] = [];
  let i = 0;
  while (i < words.count) {
    const found = organizationAt(words, i);
    if (!found) {
      i++;
      continue;
    }
    const span = originalSpan(doc, found.start, found.end);
    mentions.push({
      name: found.name,
      kind: found.kind,
      text: doc.original.slice(span.start, span.end),
      start: span.start,
      end: span.end,
    });
    i = found.last + 1;
  }
  return mentions;
}
