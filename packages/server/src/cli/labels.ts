import type { Lang } from '@tansiq/core';

/** Column headers of the CLI's tables, in both languages. */
export const headerLabels = {
  item: { en: 'item', ar: 'الصنف' },
  unit: { en: 'unit', ar: 'الوحدة' },
  pledged: { en: 'pledged', ar: 'متعهَّد به' },
  dispatched: { en: 'dispatched', ar: 'مُرسَل' },
  received: { en: 'received', ar: 'مُستلَم' },
  distributed: { en: 'distributed', ar: 'مُوزَّع' },
  lost: { en: 'lost', ar: 'مفقود' },
  inPipeline: { en: 'in pipeline', ar: 'قيد النقل' },
  inStock: { en: 'in stock', ar: 'في المخزون' },
  plannedDistribution: { en: 'planned distribution', ar: 'توزيع مخطَّط' },
  organization: { en: 'organization', ar: 'المنظمة' },
  sector: { en: 'sector', ar: 'القطاع' },
  governorate: { en: 'governorate', ar: 'المحافظة' },
  period: { en: 'period', ar: 'الفترة' },
  status: { en: 'status', ar: 'الحالة' },
  activities: { en: 'activities', ar: 'الأنشطة' },
  items: { en: 'items', ar: 'الأصناف' },
  individuals: { en: 'individuals', ar: 'الأفراد' },
  households: { en: 'households', ar: 'الأسر' },
  site: { en: 'site', ar: 'الموقع' },
  quantity: { en: 'quantity', ar: 'الكمية' },
  aidType: { en: 'aid type', ar: 'نوع المساعدة' },
  aid: { en: 'aid', ar: 'المساعدة' },
  scope: { en: 'held back', ar: 'المعلَّق' },
  conditionType: { en: 'condition type', ar: 'نوع الشرط' },
  conditionState: { en: 'condition state', ar: 'حالة الشرط' },
  agreement: { en: 'agreement', ar: 'الاتفاق' },
  instruments: { en: 'instruments', ar: 'الصكوك' },
  political: { en: 'political condition', ar: 'شرط سياسي' },
  populationGroup: { en: 'population group', ar: 'الفئة السكانية' },
  countingMethod: { en: 'counting method', ar: 'طريقة العد' },
  movements: { en: 'records', ar: 'السجلات' },
  date: { en: 'date', ar: 'التاريخ' },
  kind: { en: 'kind', ar: 'النوع' },
  title: { en: 'title', ar: 'العنوان' },
  place: { en: 'place', ar: 'المكان' },
  conveners: { en: 'conveners', ar: 'الجهات الداعية' },
  attended: { en: 'attended', ar: 'حضر' },
  invited: { en: 'invited', ar: 'مدعو' },
  observer: { en: 'observer', ar: 'مراقب' },
  declined: { en: 'declined', ar: 'اعتذر' },
  boycotted: { en: 'boycotted', ar: 'قاطع' },
  walkedOut: { en: 'walked out', ar: 'انسحب' },
} as const satisfies Record<string, Record<Lang, string>>;

export type HeaderKey = keyof typeof headerLabels;

/** Words the tables print besides headers. */
export const words = {
  yes: { en: 'yes', ar: 'نعم' },
  no: { en: 'no', ar: 'لا' },
  virtual: { en: 'virtual', ar: 'عن بُعد' },
  allMethods: { en: 'all methods', ar: 'كل الطرق' },
  total: { en: 'total', ar: 'المجموع' },
  totals: { en: 'Totals per governorate', ar: 'المجاميع حسب المحافظة' },
  empty: { en: '(no rows)', ar: '(لا صفوف)' },
  truncated: {
    en: 'More matched than --limit: only the first are shown.',
    ar: 'تطابق أكثر مما يسمح به ‎--limit‎: عُرض أولها فقط.',
  },
  methodsApart: {
    en: 'Counting methods are kept apart (--combine-methods true adds them together).',
    ar: 'طرق العد منفصلة (‎--combine-methods true‎ يجمعها).',
  },
} as const satisfies Record<string, Record<Lang, string>>;
