import { type Lang, roles } from '@tansiq/core';
import { createTokenForEmail } from '../../services/create-token.ts';
import { createUser } from '../../services/create-user.ts';
import { findOrganization } from '../../services/find-organization.ts';
import type { Command } from '../command.ts';
import { withStore } from '../with-store.ts';

/** Everything on standard input, without the final line break an `echo` adds. */
async function readSecret(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const text = {
  created: { en: 'created user', ar: 'أُنشئ المستخدم' },
  noPassword: {
    en: 'no password: this user signs in with API tokens (tansiq token create --user EMAIL)',
    ar: 'دون كلمة مرور: يدخل هذا المستخدم برموز API ‏(tansiq token create --user EMAIL)',
  },
  tokenNote: {
    en: 'Shown once; keep it secret. Send it as: Authorization: Bearer <token>',
    ar: 'يظهر مرة واحدة؛ احفظه سرًا. أرسله هكذا: Authorization: Bearer <token>',
  },
  expires: { en: 'expires', ar: 'ينتهي' },
  never: { en: 'never', ar: 'أبدًا' },
} satisfies Record<string, Record<Lang, string>>;

export const userCreateCommand: Command = {
  name: 'user create',
  usage: 'user create --email E --org ORG --role ROLE [--role ROLE …] [--password-stdin] [--locale ar|en]',
  summary: {
    en: 'Create a user of an organization (the first admin: --role admin).',
    ar: 'إنشاء مستخدم لمنظمة (أول مدير: ‎--role admin‎).',
  },
  options: {
    email: { type: 'string' },
    org: { type: 'string' },
    role: { type: 'string', multiple: true },
    name: { type: 'string' },
    locale: { type: 'string' },
    'password-stdin': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  optionHelp: {
    'org ORG': { en: 'the organization’s id, acronym or name', ar: 'معرّف المنظمة أو اختصارها أو اسمها' },
    'role ROLE': { en: roles.join(', '), ar: roles.join('، ') },
    'password-stdin': {
      en: 'read the password from standard input (never from an argument: it would stay in the shell history)',
      ar: 'قراءة كلمة المرور من الإدخال القياسي (لا من وسيط: يبقى في سجل الأوامر)',
    },
  },
  async run(input) {
    const { values, lang } = input;
    const password = values['password-stdin'] ? await readSecret(input.in) : undefined;
    const user = await withStore(input, async (ctx) =>
      createUser(ctx, {
        email: values.email,
        organizationId: typeof values.org === 'string' ? await findOrganization(ctx, values.org) : undefined,
        roles: values.role,
        name: values.name,
        locale: values.locale,
        password,
      }),
    );
    if (values.json) {
      input.out.write(`${JSON.stringify(user, null, 2)}\n`);
    } else {
      input.out.write(`${text.created[lang]} ${user.email} (${user.roles.join(', ')}) ${user.id}\n`);
      if (password === undefined) input.out.write(`${text.noPassword[lang]}\n`);
    }
    return 0;
  },
};

export const tokenCreateCommand: Command = {
  name: 'token create',
  usage: 'token create --user EMAIL [--expires-days N] [--name NAME] [--read-only]',
  summary: {
    en: 'Print a new API token for a user (only its hash is stored).',
    ar: 'طباعة رمز API جديد لمستخدم (تُحفظ بصمته فقط).',
  },
  options: {
    user: { type: 'string' },
    'expires-days': { type: 'string' },
    name: { type: 'string' },
    'read-only': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  optionHelp: {
    'expires-days N': {
      en: 'days until it expires (default 90; 0: never)',
      ar: 'أيام حتى انتهائه (الافتراضي 90؛ 0: أبدًا)',
    },
  },
  async run(input) {
    const { values, lang } = input;
    const days = values['expires-days'] === undefined ? 90 : Number(values['expires-days']);
    const created = await withStore(input, (ctx) =>
      createTokenForEmail(ctx, String(values.user ?? ''), {
        expiresInDays: days === 0 ? null : days,
        name: typeof values.name === 'string' ? values.name : null,
        scopes: values['read-only'] ? ['read'] : ['read', 'write'],
      }),
    );
    if (values.json) {
      input.out.write(`${JSON.stringify(created, null, 2)}\n`);
      return 0;
    }
    input.out.write(`${created.token}\n`);
    input.err.write(
      `${text.tokenNote[lang]}\n${text.expires[lang]}: ${created.expiresAt ?? text.never[lang]}\n`,
    );
    return 0;
  },
};
