import type { z } from 'zod';
import type { Lang } from './i18n.ts';
import { interpolate } from './i18n.ts';

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

const fieldMessages: Record<Lang, Record<string, string>> = {
  en: {
    required: 'is required',
    invalid_type: 'must be {expected}',
    invalid_value: 'must be one of: {values}',
    too_small_string: 'must have at least {minimum} characters',
    too_big_string: 'must have at most {maximum} characters',
    too_small: 'must be at least {minimum}',
    too_big: 'must be at most {maximum}',
    invalid_format: 'is not a valid {format}',
    unrecognized_keys: 'has unknown fields: {keys}',
    custom: '{message}',
    invalid: 'is not valid',
  },
  ar: {
    required: 'مطلوب',
    invalid_type: 'يجب أن يكون {expected}',
    invalid_value: 'يجب أن يكون أحد: {values}',
    too_small_string: 'يجب ألا يقل عن {minimum} حرفًا',
    too_big_string: 'يجب ألا يزيد على {maximum} حرفًا',
    too_small: 'يجب ألا يقل عن {minimum}',
    too_big: 'يجب ألا يزيد على {maximum}',
    invalid_format: 'ليس {format} صالحًا',
    unrecognized_keys: 'يحتوي حقولًا غير معروفة: {keys}',
    custom: '{message}',
    invalid: 'غير صالح',
  },
};

const typeNames: Record<Lang, Record<string, string>> = {
  en: { string: 'text', number: 'a number', boolean: 'true or false', object: 'an object', array: 'a list' },
  ar: { string: 'نصًا', number: 'رقمًا', boolean: 'صح أو خطأ', object: 'كائنًا', array: 'قائمة' },
};

const formatNames: Record<Lang, Record<string, string>> = {
  en: {
    uuid: 'UUID',
    date: 'date (YYYY-MM-DD)',
    datetime: 'date and time',
    email: 'email address',
    regex: 'value',
  },
  ar: {
    uuid: 'معرّفًا (UUID)',
    date: 'تاريخًا (YYYY-MM-DD)',
    datetime: 'تاريخًا ووقتًا',
    email: 'بريدًا إلكترونيًا',
    regex: 'قيمة',
  },
};

/** Custom refinements carry a message key; these are their texts. */
const customMessages: Record<Lang, Record<string, string>> = {
  en: {
    'names.required': 'needs a name in Arabic or English',
    'country.code': 'must be a two-letter ISO country code',
    'pcode.format': 'must be a p-code such as SY01 or SY0100',
    'unit.kind_mismatch': 'does not match the kind of the base unit',
    'unit.conversion_of_base': 'cannot convert the base unit to itself',
  },
  ar: {
    'names.required': 'يحتاج اسمًا بالعربية أو بالإنجليزية',
    'country.code': 'يجب أن يكون رمز دولة من حرفين (ISO)',
    'pcode.format': 'يجب أن يكون رمزًا مثل SY01 أو SY0100',
    'unit.kind_mismatch': 'لا يطابق نوع وحدة الأساس',
    'unit.conversion_of_base': 'لا يمكن تحويل وحدة الأساس إلى نفسها',
  },
};

function pathOf(issue: z.core.$ZodIssue): string {
  return issue.path.map(String).join('.') || '(body)';
}

/** One localized entry per offending field, so forms and API clients can point at it. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], lang: Lang): FieldError[] {
  return issues.map((issue) => {
    const texts = fieldMessages[lang];
    let key: string = issue.code;
    const values: Record<string, unknown> = {};
    switch (issue.code) {
      case 'invalid_type':
        if (issue.input === undefined) key = 'required';
        values.expected = typeNames[lang][issue.expected] ?? issue.expected;
        break;
      case 'invalid_value':
        values.values = issue.values.map(String).join(', ');
        break;
      case 'too_small':
        if (issue.origin === 'string') key = 'too_small_string';
        values.minimum = issue.minimum;
        break;
      case 'too_big':
        if (issue.origin === 'string') key = 'too_big_string';
        values.maximum = issue.maximum;
        break;
      case 'invalid_format':
        values.format = formatNames[lang][issue.format] ?? issue.format;
        break;
      case 'unrecognized_keys':
        values.keys = issue.keys.join(', ');
        break;
      case 'custom':
        values.message = customMessages[lang][issue.message] ?? issue.message;
        break;
      default:
        key = 'invalid';
    }
    const template = texts[key] ?? texts.invalid ?? '';
    return { field: pathOf(issue), code: key, message: interpolate(template, values) };
  });
}

/** A field error raised by domain code rather than zod: `{ field, code, ...values }`. */
export interface FieldProblem {
  field: string;
  code: string;
  [value: string]: unknown;
}

export function describeFieldProblems(problems: readonly FieldProblem[], lang: Lang): FieldError[] {
  return problems.map(({ field, code, ...values }) => {
    const texts = fieldMessages[lang];
    return { field, code, message: interpolate(texts[code] ?? texts.invalid ?? '', values) };
  });
}

export function summarizeFieldErrors(errors: readonly FieldError[]): string {
  return errors.map((e) => `${e.field} ${e.message}`).join('; ');
}
