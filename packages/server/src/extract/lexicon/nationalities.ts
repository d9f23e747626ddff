/**
 * Nationality adjectives, Arabic and English. They are not places: they name the country an organization
 * belongs to («وزارة الدفاع الروسية» → Russian Ministry of Defence).
 *
 * Arabic forms are written once, masculine and indefinite («روسي»); `arabicNationalityForms` derives the
 * feminine («روسية») and the definite forms («الروسي», «الروسية») that agree with the noun they follow.
 */
import { fold } from '../normalize.js';

export interface Nationality {
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** The adjective an English organization name takes ("Russian"; "US" for the United States). */
  en: string;
  /** Masculine indefinite Arabic forms; the first is the usual spelling. */
  ar: readonly string[];
  /** Other English words for the same nationality ("American", "U.S."). */
  enAlt?: readonly string[];
}

// biome-ignore format: one nationality per line
export const nationalities: readonly Nationality[] = [
  { country: 'SY', en: 'Syrian', ar: ['سوري'] },
  { country: 'RU', en: 'Russian', ar: ['روسي'] },
  { country: 'US', en: 'US', ar: ['أمريكي', 'أميركي', 'امريكي', 'اميركي'], enAlt: ['U.S.', 'American'] },
  { country: 'TR', en: 'Turkish', ar: ['تركي'] },
  { country: 'IR', en: 'Iranian', ar: ['إيراني'] },
  { country: 'JO', en: 'Jordanian', ar: ['أردني'] },
  { country: 'LB', en: 'Lebanese', ar: ['لبناني'] },
  { country: 'IQ', en: 'Iraqi', ar: ['عراقي'] },
  { country: 'EG', en: 'Egyptian', ar: ['مصري'] },
  { country: 'SA', en: 'Saudi', ar: ['سعودي'] },
  { country: 'QA', en: 'Qatari', ar: ['قطري'] },
  { country: 'AE', en: 'Emirati', ar: ['إماراتي'] },
  { country: 'KW', en: 'Kuwaiti', ar: ['كويتي'] },
  { country: 'BH', en: 'Bahraini', ar: ['بحريني'] },
  { country: 'OM', en: 'Omani', ar: ['عماني'] },
  { country: 'YE', en: 'Yemeni', ar: ['يمني'] },
  { country: 'PS', en: 'Palestinian', ar: ['فلسطيني'] },
  { country: 'IL', en: 'Israeli', ar: ['إسرائيلي'] },
  { country: 'LY', en: 'Libyan', ar: ['ليبي'] },
  { country: 'TN', en: 'Tunisian', ar: ['تونسي'] },
  { country: 'DZ', en: 'Algerian', ar: ['جزائري'] },
  { country: 'MA', en: 'Moroccan', ar: ['مغربي'] },
  { country: 'SD', en: 'Sudanese', ar: ['سوداني'] },
  { country: 'GB', en: 'British', ar: ['بريطاني'], enAlt: ['UK'] },
  { country: 'FR', en: 'French', ar: ['فرنسي'] },
  { country: 'DE', en: 'German', ar: ['ألماني'] },
  { country: 'IT', en: 'Italian', ar: ['إيطالي'] },
  { country: 'ES', en: 'Spanish', ar: ['إسباني'] },
  { country: 'NL', en: 'Dutch', ar: ['هولندي'] },
  { country: 'BE', en: 'Belgian', ar: ['بلجيكي'] },
  { country: 'CH', en: 'Swiss', ar: ['سويسري'] },
  { country: 'AT', en: 'Austrian', ar: ['نمساوي'] },
  { country: 'SE', en: 'Swedish', ar: ['سويدي'] },
  { country: 'NO', en: 'Norwegian', ar: ['نرويجي'] },
  { country: 'DK', en: 'Danish', ar: ['دنماركي', 'دانماركي'] },
  { country: 'FI', en: 'Finnish', ar: ['فنلندي'] },
  { country: 'GR', en: 'Greek', ar: ['يوناني'] },
  { country: 'CY', en: 'Cypriot', ar: ['قبرصي'] },
  { country: 'PL', en: 'Polish', ar: ['بولندي'] },
  { country: 'HU', en: 'Hungarian', ar: ['مجري'] },
  { country: 'UA', en: 'Ukrainian', ar: ['أوكراني'] },
  { country: 'AM', en: 'Armenian', ar: ['أرمني'] },
  { country: 'AZ', en: 'Azerbaijani', ar: ['أذربيجاني'] },
  { country: 'KZ', en: 'Kazakh', ar: ['كازاخستاني', 'كازاخي'] },
  { country: 'CN', en: 'Chinese', ar: ['صيني'] },
  { country: 'JP', en: 'Japanese', ar: ['ياباني'] },
  { country: 'IN', en: 'Indian', ar: ['هندي'] },
  { country: 'PK', en: 'Pakistani', ar: ['باكستاني'] },
  { country: 'AF', en: 'Afghan', ar: ['أفغاني'] },
  { country: 'CA', en: 'Canadian', ar: ['كندي'] },
  { country: 'AU', en: 'Australian', ar: ['أسترالي', 'استرالي'] },
  { country: 'BR', en: 'Brazilian', ar: ['برازيلي'] },
];

export interface ArabicNationalityForm {
  nationality: Nationality;
  feminine: boolean;
  definite: boolean;
}

/** Every Arabic form, folded, with its gender and definiteness. */
export function arabicNationalityForms(): Map<string, ArabicNationalityForm> {
  const forms = new Map<string, ArabicNationalityForm>();
  for (const nationality of nationalities) {
    for (const written of nationality.ar) {
      const base = fold(written);
      forms.set(base, { nationality, feminine: false, definite: false });
      forms.set(`${base}ه`, { nationality, feminine: true, definite: false });
      forms.set(`ال${base}`, { nationality, feminine: false, definite: true });
      forms.set(`ال${base}ه`, { nationality, feminine: true, definite: true });
    }
  }
  return forms;
}

/** English adjectives and their alternatives, as written (case matters to the matcher). */
export function englishNationalityWords(): { word: string; nationality: Nationality }[] {
  return nationalities.flatMap((nationality) =>
    [nationality.en, ...(nationality.enAlt ?? [])].map((word) => ({ word, nationality })),
  );
}

export const nationalityByCountry: ReadonlyMap<string, Nationality> = new Map(
  nationalities.map((nationality) => [nationality.country, nationality]),
);
