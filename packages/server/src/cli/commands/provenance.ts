import { type ClaimView, claimStatusNames, type Lang, type ProvenanceView, Uuid } from '@tansiq/core';
import { z } from 'zod';
import type { Ctx } from '../../services/context.ts';
import { getProvenance } from '../../services/get-provenance.ts';
import { persons } from '../../services/resources/persons.ts';
import { organizations } from '../../services/resources/registry.ts';
import { validate } from '../../services/validate.ts';
import type { Command } from '../command.ts';
import { namesByIds } from '../names.ts';
import { type Texts, textIn } from '../table.ts';
import { withStore } from '../with-store.ts';

const labels = {
  provenance: { en: 'Provenance of', ar: 'مصدر المعلومات عن' },
  claims: { en: 'claims', ar: 'ادعاءات' },
  sources: { en: 'sources', ar: 'مصادر' },
  contradictions: { en: 'contradictions', ar: 'تناقضات' },
  none: { en: 'Nothing is claimed about this record yet.', ar: 'لا ادعاءات عن هذا السجل بعد.' },
  claim: { en: 'claim', ar: 'ادعاء' },
  by: { en: 'by', ar: 'صاحبه' },
  source: { en: 'source', ar: 'المصدر' },
  quote: { en: 'quote', ar: 'الاقتباس' },
  noQuote: { en: '(no quote)', ar: '(دون اقتباس)' },
  claimedOn: { en: 'claimed on', ar: 'تاريخ الادعاء' },
  verifications: { en: 'verifications', ar: 'التحقق' },
  contradicts: { en: 'contradicts', ar: 'يناقض' },
  approximate: { en: 'about', ar: 'نحو' },
} satisfies Record<string, Record<Lang, string>>;

/** A claimed value as people read it: "about 160 tonne", "1200", or its JSON. */
function valueText(value: unknown, lang: Lang): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const { amount, unit, approximate } = value as Record<string, unknown>;
    if (typeof amount === 'number') {
      const about = approximate === true ? `${labels.approximate[lang]} ` : '';
      return `${about}${amount}${typeof unit === 'string' ? ` ${unit}` : ''}`;
    }
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function claimLines(
  claim: ClaimView,
  lang: Lang,
  names: { organizations: Map<string, Texts>; persons: Map<string, Texts> },
): string[] {
  const t = (key: keyof typeof labels) => labels[key][lang];
  const status = claimStatusNames[claim.status]?.[lang] ?? claim.status;
  const claimant = claim.claimant.organizationId
    ? (textIn(names.organizations.get(claim.claimant.organizationId), lang) ?? claim.claimant.organizationId)
    : claim.claimant.personId
      ? (textIn(names.persons.get(claim.claimant.personId), lang) ?? claim.claimant.personId)
      : '—';
  const lines = [`${t('claim')} ${claim.id}  ${claim.field} = ${valueText(claim.value, lang)}  [${status}]`];
  lines.push(`  ${t('by')}: ${claimant} (${claim.reporterRole})`);
  if (claim.claimedOn) lines.push(`  ${t('claimedOn')}: ${claim.claimedOn.date}`);
  if (claim.source) {
    const published = claim.source.published ? `, ${claim.source.published.date}` : '';
    lines.push(
      `  ${t('source')}: ${claim.source.title ?? claim.source.id} (${claim.source.kind}${published})`,
    );
  }
  lines.push(
    claim.quote
      ? `  ${t('quote')} [${claim.quote.start}–${claim.quote.end}]: «${claim.quote.text}»`
      : `  ${t('noQuote')}`,
  );
  if (claim.verifications.length > 0) {
    lines.push(`  ${t('verifications')}:`);
    for (const v of claim.verifications) {
      const from = claimStatusNames[v.fromStatus]?.[lang] ?? v.fromStatus;
      const to = claimStatusNames[v.toStatus]?.[lang] ?? v.toStatus;
      const reason = textIn(v.reason, lang) ?? '';
      lines.push(`    ${v.verifiedAt}  ${from} → ${to}  ${v.method}  ${v.actor}  ${reason}`);
    }
  }
  if (claim.contradictionIds.length > 0) {
    lines.push(`  ${t('contradicts')}: ${claim.contradictionIds.join(', ')}`);
  }
  return lines;
}

async function render(ctx: Ctx, provenance: ProvenanceView): Promise<string> {
  const { lang } = ctx;
  const t = (key: keyof typeof labels) => labels[key][lang];
  const names = {
    organizations: await namesByIds(
      ctx,
      organizations,
      provenance.claims.map((c) => c.claimant.organizationId),
    ),
    persons: await namesByIds(
      ctx,
      persons,
      provenance.claims.map((c) => c.claimant.personId),
    ),
  };
  const counts = `${provenance.claims.length} ${t('claims')}, ${provenance.sources.length} ${t('sources')}, ${provenance.contradictions.length} ${t('contradictions')}`;
  const lines = [
    `${t('provenance')} ${provenance.subject.resource} ${provenance.subject.id} (${counts})`,
    '',
  ];
  if (provenance.claims.length === 0) lines.push(t('none'));
  for (const claim of provenance.claims) lines.push(...claimLines(claim, lang, names), '');
  return `${lines.join('\n').trimEnd()}\n`;
}

export const provenanceCommand: Command = {
  name: 'provenance',
  usage: 'provenance RESOURCE ID [--json]',
  summary: {
    en: 'Who claims what about a record: claims, sources, quotes, verification history, contradictions.',
    ar: 'من يدّعي ماذا عن سجل: الادعاءات والمصادر والاقتباسات وسجل التحقق والتناقضات.',
  },
  options: { json: { type: 'boolean' } },
  optionHelp: {
    json: {
      en: 'print the provenance as JSON (as GET /api/RESOURCE/ID/provenance answers)',
      ar: 'طباعة مصدر المعلومات بصيغة JSON (كما تجيب GET /api/RESOURCE/ID/provenance)',
    },
  },
  positionals: { min: 2, max: 2 },
  async run(input) {
    const [resource = '', rawId] = input.positionals;
    // The route's path parameter: a malformed id is refused as the API refuses it.
    const { id } = validate(z.object({ id: Uuid }), { id: rawId });
    const text = await withStore(input, async (ctx) => {
      const provenance = await getProvenance(ctx, resource, id);
      return input.values.json ? `${JSON.stringify(provenance, null, 2)}\n` : await render(ctx, provenance);
    });
    input.out.write(text);
    return 0;
  },
};
