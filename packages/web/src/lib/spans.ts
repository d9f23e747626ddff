/**
 * Highlighting recognized spans in an extracted text. Spans come from several recognizers and may
 * overlap (a quantity contains its number); the text shows each character once, so overlapping
 * spans are resolved in favour of the kind listed first, then the longer span.
 */

export interface Span {
  start: number;
  end: number;
  kind: string;
  /** What the recognizer read, for a tooltip. */
  note?: string;
}

export type Segment = { text: string; span: null } | { text: string; span: Span };

export function segmentText(text: string, spans: readonly Span[], kindOrder: readonly string[]): Segment[] {
  const rank = (kind: string) => {
    const index = kindOrder.indexOf(kind);
    return index === -1 ? kindOrder.length : index;
  };
  const chosen: Span[] = [];
  const candidates = spans
    .filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start)
    .sort((a, b) => rank(a.kind) - rank(b.kind) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const span of candidates) {
    if (chosen.every((c) => span.end <= c.start || span.start >= c.end)) chosen.push(span);
  }
  chosen.sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let at = 0;
  for (const span of chosen) {
    if (span.start > at) segments.push({ text: text.slice(at, span.start), span: null });
    segments.push({ text: text.slice(span.start, span.end), span });
    at = span.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), span: null });
  return segments;
}
