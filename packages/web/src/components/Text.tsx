import { useI18n } from '../i18n/context.tsx';
import { dirOf, type LocalizedValue } from '../i18n/index.ts';

/**
 * Text from the record in the reader's language when it exists, else in the other one, tagged with
 * the language it is really in so that screen readers and fonts follow it.
 */
export function Localized({
  text,
  fallback,
}: {
  text: LocalizedValue | null | undefined;
  fallback?: string;
}) {
  const { pick, t } = useI18n();
  const picked = pick(text);
  if (!picked) return <span className="muted">{fallback ?? t('common.unnamed')}</span>;
  return (
    <span lang={picked.lang} dir={dirOf(picked.lang)}>
      {picked.text}
    </span>
  );
}

/** Text of unknown language (a source title, a quote): the browser decides its direction. */
export function Bidi({ children, className }: { children: string; className?: string }) {
  return (
    <bdi dir="auto" className={className}>
      {children}
    </bdi>
  );
}

/** A quantity with its unit, through Intl. `approximate` adds "about". */
export function Quantity({
  value,
  unit,
  approximate,
}: {
  value: number;
  unit: string;
  approximate?: boolean;
}) {
  const { t, label, formatNumber } = useI18n();
  const text = t('quantity.value', { value: formatNumber(value), unit: label('unit', unit) });
  return <span className="quantity">{approximate ? t('quantity.about', { value: text }) : text}</span>;
}
