import {
  AppError,
  ClaimVerificationInput,
  type ClaimView,
  claimStatuses,
  claimStatusNames,
  type Lang,
  Uuid,
  verificationMethods,
} from '@tansiq/core';
import { z } from 'zod';
import { validate } from '../../services/validate.ts';
import { verifyClaim } from '../../services/verify-claim.ts';
import type { Command, CommandInput } from '../command.ts';
import { fieldsFromFlags, stringOptions, validateFlags } from '../flags.ts';
import { withStore } from '../with-store.ts';

/** The flag that sets each field of `POST /api/claims/:id/verifications` (the reason is read apart). */
const verifyFlags = {
  toStatus: 'to',
  method: 'method',
  byOrganizationId: 'by-organization',
  evidenceSourceId: 'evidence-source',
} satisfies Record<Exclude<keyof ClaimVerificationInput, 'reason'>, string>;

const requiredFlags = ['to', 'method', 'reason'] as const;

const ReasonLang = z.object({ reasonLang: z.enum(['ar', 'en']).optional() });

/** The language of a reason: as given, else Arabic when it is written in Arabic script. */
function reasonLangOf(input: CommandInput, reason: string): Lang {
  const { reasonLang } = validateFlags(
    ReasonLang,
    fieldsFromFlags(input.values, { reasonLang: 'reason-lang' }),
    { reasonLang: 'reason-lang' },
  );
  return reasonLang ?? (/\p{Script=Arabic}/u.test(reason) ? 'ar' : 'en');
}

function requireFlags(input: CommandInput): void {
  const absent = requiredFlags.filter((flag) => typeof input.values[flag] !== 'string');
  if (absent.length === 0) return;
  const list = absent.map((flag) => `--${flag}`).join(', ');
  const reason = input.lang === 'ar' ? `الأمر claim verify يحتاج ${list}` : `claim verify needs ${list}`;
  throw new AppError('cli.usage', { command: 'claim verify', reason });
}

const statusName = (status: string, lang: Lang) => claimStatusNames[status]?.[lang] ?? status;

/** "claim <id>: reported → confirmed". */
function summary(claim: ClaimView, lang: Lang): string {
  const last = claim.verifications.at(-1);
  const change = last
    ? `${statusName(last.fromStatus, lang)} → ${statusName(claim.status, lang)}`
    : statusName(claim.status, lang);
  return `${lang === 'ar' ? 'الادعاء' : 'claim'} ${claim.id}: ${change}\n`;
}

export const claimVerifyCommand: Command = {
  name: 'claim verify',
  usage: 'claim verify ID --to S --method M --reason T',
  summary: {
    en: "Change a claim's status, with how and why (a retracted claim is final).",
    ar: 'تغيير حالة ادعاء مع طريقة التحقق وسببه (الادعاء المسحوب نهائي).',
  },
  options: {
    ...stringOptions([...Object.values(verifyFlags), 'reason', 'reason-lang']),
    json: { type: 'boolean' },
  },
  optionHelp: {
    'to STATUS': { en: claimStatuses.join(', '), ar: claimStatuses.join('، ') },
    'method METHOD': { en: verificationMethods.join(', '), ar: verificationMethods.join('، ') },
    'reason TEXT': { en: 'why (required)', ar: 'السبب (مطلوب)' },
    'reason-lang ar|en': {
      en: 'the language of the reason (default: Arabic when written in Arabic script, else English)',
      ar: 'لغة السبب (افتراضيًا: العربية إن كُتب بالحرف العربي، وإلا الإنجليزية)',
    },
    'by-organization ID': { en: 'the organization that verified it', ar: 'المنظمة التي تحققت منه' },
    'evidence-source ID': { en: 'the source that shows it', ar: 'المصدر الذي يثبت ذلك' },
    json: {
      en: 'print the claim as JSON (as POST /api/claims/ID/verifications answers)',
      ar: 'طباعة الادعاء بصيغة JSON (كما تجيب POST /api/claims/ID/verifications)',
    },
  },
  positionals: { min: 1, max: 1 },
  async run(input) {
    requireFlags(input);
    // The route's path parameter: a malformed id is refused as the API refuses it.
    const { id } = validate(z.object({ id: Uuid }), { id: input.positionals[0] });
    const reason = String(input.values.reason);
    const raw = {
      ...fieldsFromFlags(input.values, verifyFlags),
      reason: { [reasonLangOf(input, reason)]: reason },
    };
    // The route's body schema, checked before the database is opened; the service checks it again.
    const body = validateFlags(ClaimVerificationInput, raw, { ...verifyFlags, reason: 'reason' });
    const claim = await withStore(input, (ctx) => verifyClaim(ctx, id, body));
    input.out.write(input.values.json ? `${JSON.stringify(claim, null, 2)}\n` : summary(claim, input.lang));
    return 0;
  },
};
