export const langs = ['en', 'ar'] as const;
export type Lang = (typeof langs)[number];

/** Picks ar or en from an Accept-Language header or a locale such as `ar_SY.UTF-8`; English by default. */
export function pickLang(...candidates: (string | null | undefined)[]): Lang {
  for (const candidate of candidates) {
    if (!candidate) continue;
    const ranked = candidate
      .split(',')
      .map((part, index) => {
        const [tag = '', ...params] = part.trim().split(';');
        const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
        return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
      })
      .filter((entry) => entry.tag !== '' && entry.q > 0)
      .sort((a, b) => b.q - a.q || a.index - b.index);
    for (const { tag } of ranked) {
      if (tag.startsWith('ar')) return 'ar';
      if (tag.startsWith('en')) return 'en';
    }
  }
  return 'en';
}

/** Fills `{name}` placeholders; unknown placeholders stay visible so a missing detail is noticed. */
export function interpolate(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key];
    if (value === undefined || value === null) return whole;
    return Array.isArray(value) ? value.join(', ') : String(value);
  });
}
