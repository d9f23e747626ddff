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
    'period.order': 'must not be before the start',
    'texts.required': 'needs a text in Arabic or English',
    'user.email': 'must be an email address',
    'list.unique': 'lists the same entry more than once',
    'pledge.financial_needs_amount': 'a financial pledge needs an amount and a currency',
    'pledge.in_kind_needs_item': 'an in-kind pledge needs an item, a quantity and a unit',
    'receipt.empty': 'a receipt needs a received or a missing quantity',
    'receipt.reason_required': 'a discrepancy needs a reason',
    'movement.site_required': 'this kind of movement needs this site',
    'movement.adjustment_one_site': 'an adjustment names exactly one site: fromSiteId (out) or toSiteId (in)',
    'movement.reason_required': 'an adjustment needs a reason',
    'movement.same_site': 'a transfer needs two different sites',
    'disaggregation.exceeds_total': 'adds up to more than the number of individuals',
    'meeting.participant_one_of': 'needs exactly one of organizationId or group',
    'meeting.attendance_required': 'is required for a participant who is not a convener',
    'meeting.participant_duplicate': 'names an organization already listed in this meeting',
    'population_movement.origin_exclusive':
      'cannot go with originCountry: the origin is a country or an admin unit',
    'population_movement.count_required': 'needs the number of individuals or of households',
    'population_movement.disaggregation_exceeds': 'adds up to more people than the number of individuals',
    'population_movement.disaggregation_without_individuals':
      'needs the number of individuals it breaks down',
    'population_movement.patch_counts_together':
      'must be sent in the same change (null when there is none): the figures are checked together',
    'language.code': 'must be a language code such as ar or en (ISO 639-1)',
    'source.text_too_large': 'must be at most 5 MB (UTF-8)',
    'source.text_invalid': 'contains characters that cannot be stored (NUL or a lone surrogate)',
    'source.text_blank': 'must contain more than white space',
    'source.text_immutable':
      'cannot be changed: the text of a source never changes; ingest the new text as a new source',
    'claim.claimant_one_of': 'needs exactly one of organizationId or personId',
    'claim.quote_order': 'must be after the start of the quote',
    'claim.quantity_value': 'a quantity is claimed as { amount, unit, approximate? }',
    'claim.value_too_large': 'is too large for a claimed value (at most 10,000 characters of JSON)',
    'claim.value_null': 'cannot be null: a claim states a value',
  },
  ar: {
    'names.required': 'يحتاج اسمًا بالعربية أو بالإنجليزية',
    'country.code': 'يجب أن يكون رمز دولة من حرفين (ISO)',
    'pcode.format': 'يجب أن يكون رمزًا مثل SY01 أو SY0100',
    'unit.kind_mismatch': 'لا يطابق نوع وحدة الأساس',
    'unit.conversion_of_base': 'لا يمكن تحويل وحدة الأساس إلى نفسها',
    'period.order': 'يجب ألا يسبق البداية',
    'texts.required': 'يحتاج نصًا بالعربية أو بالإنجليزية',
    'user.email': 'يجب أن يكون عنوان بريد إلكتروني',
    'list.unique': 'يذكر العنصر نفسه أكثر من مرة',
    'pledge.financial_needs_amount': 'التعهد المالي يحتاج مبلغًا وعملة',
    'pledge.in_kind_needs_item': 'التعهد العيني يحتاج صنفًا وكمية ووحدة',
    'receipt.empty': 'الاستلام يحتاج كمية مستلمة أو ناقصة',
    'receipt.reason_required': 'الفرق يحتاج سببًا',
    'movement.site_required': 'هذا النوع من الحركات يحتاج هذا الموقع',
    'movement.adjustment_one_site': 'التسوية تذكر موقعًا واحدًا فقط: fromSiteId (إخراج) أو toSiteId (إدخال)',
    'movement.reason_required': 'التسوية تحتاج سببًا',
    'movement.same_site': 'النقل يحتاج موقعين مختلفين',
    'disaggregation.exceeds_total': 'مجموعه يتجاوز عدد الأفراد',
    'meeting.participant_one_of': 'يحتاج إلى واحد فقط من organizationId أو group',
    'meeting.attendance_required': 'مطلوب لكل مشارك غير الجهة الداعية',
    'meeting.participant_duplicate': 'يذكر منظمة مدرجة من قبل في هذا الاجتماع',
    'population_movement.origin_exclusive':
      'لا يجتمع مع originCountry: المنشأ دولة أو وحدة إدارية، لا كلاهما',
    'population_movement.count_required': 'يحتاج عدد الأفراد أو عدد الأسر',
    'population_movement.disaggregation_exceeds': 'مجموعه يزيد على عدد الأفراد',
    'population_movement.disaggregation_without_individuals': 'يحتاج عدد الأفراد الذي يفصّله',
    'population_movement.patch_counts_together':
      'يجب إرساله في التعديل نفسه (null إن لم يوجد): تُدقَّق الأرقام معًا',
    'language.code': 'يجب أن يكون رمز لغة مثل ar أو en (ISO 639-1)',
    'source.text_too_large': 'يجب ألا يزيد على 5 ميغابايت (UTF-8)',
    'source.text_invalid': 'يحتوي محارف لا يمكن حفظها (NUL أو نصف زوج بديل)',
    'source.text_blank': 'يجب أن يحتوي أكثر من المسافات البيضاء',
    'source.text_immutable': 'لا يمكن تغييره: نص المصدر لا يتغير أبدًا؛ استوعب النص الجديد مصدرًا جديدًا',
    'claim.claimant_one_of': 'يحتاج إلى واحد فقط من organizationId أو personId',
    'claim.quote_order': 'يجب أن يأتي بعد بداية الاقتباس',
    'claim.quantity_value': 'تُذكر الكمية المدّعاة بالشكل { amount, unit, approximate? }',
    'claim.value_too_large': 'أكبر مما تتسع له قيمة ادعاء (10,000 محرف JSON على الأكثر)',
    'claim.value_null': 'لا يكون null: الادعاء يذكر قيمة',
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
    // With `reportInput`, an issue whose input is undefined is a missing field, whatever failed.
    const missing = 'input' in issue && issue.input === undefined && issue.code !== 'custom';
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
    if (missing) key = 'required';
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
