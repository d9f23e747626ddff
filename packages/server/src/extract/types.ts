/**
 * The extraction contract (`shared/spec/extraction-contract.md`) as types. Every stage returns mentions
 * whose `start`/`end` index the text it was given, in UTF-16 code units, end exclusive; `assemble` is the
 * only place that shifts them onto the document's text.
 */

export type Lang = 'ar' | 'en';

export interface Span {
  text: string;
  start: number;
  end: number;
}

export type BoilerplateKind = 'site_name' | 'related_links' | 'navigation' | 'byline';

export interface DocumentInfo {
  language: Lang;
  title: string | null;
  outlet: string | null;
  author: string | null;
  published: string | null;
  boilerplate: { start: number; end: number; kind: BoilerplateKind }[];
  /** Only for HTML input: the plain text that every offset indexes. */
  text?: string;
}

export interface NumberMention extends Span {
  value: number;
}

export type Qualifier = 'about' | 'more_than' | 'at_least' | 'less_than' | 'up_to';

export interface QuantityMention extends Span {
  value: number;
  unit: string;
  item: string | null;
  qualifier: Qualifier | null;
  approximate: boolean;
}

export type DateGrain = 'day' | 'month' | 'year';

export interface DateMention extends Span {
  value: string | { start: string; end: string } | null;
  grain: DateGrain;
}

export interface PlaceMention extends Span {
  name: string;
  pcode: string | null;
  country: string | null;
}

export type OrganizationKind =
  | 'government'
  | 'un_agency'
  | 'red_cross_red_crescent'
  | 'ngo'
  | 'media'
  | 'military'
  | 'embassy'
  | 'other';

export interface OrganizationMention extends Span {
  name: string;
  kind: OrganizationKind;
}

export type EventType =
  | 'meeting'
  | 'conference'
  | 'delivery'
  | 'distribution'
  | 'return_movement'
  | 'agreement'
  | 'statement'
  | 'boycott'
  | 'military_action'
  | 'other';

export type EventStatus = 'announced' | 'planned' | 'held' | 'completed' | 'cancelled' | 'unknown';

export interface EventMention extends Span {
  type: EventType;
  status: EventStatus;
  date: string | { start: string; end: string } | null;
  place: string | null;
  claimant: string | null;
  participants: string[];
  quantities: number[];
  mentions: { start: number; end: number }[];
}

export interface Extraction {
  document: DocumentInfo;
  numbers: NumberMention[];
  quantities: QuantityMention[];
  dates: DateMention[];
  places: PlaceMention[];
  organizations: OrganizationMention[];
  events: EventMention[];
}

export interface ExtractOptions {
  /** YYYY-MM-DD: the publication date when the caller knows it. */
  published?: string | null;
  /** ISO date-time that relative expressions resolve against when no publication date is known. */
  referenceTime?: string | null;
  lang?: Lang | 'auto';
}

/**
 * What a date recognizer resolves against (contract, "Time"): the anchor day, and whether it is a
 * publication date (no direction marker → the nearest occurrence) or only a reference time (→ the next).
 */
export interface TimeAnchor {
  /** YYYY-MM-DD */
  date: string;
  kind: 'published' | 'reference';
}
