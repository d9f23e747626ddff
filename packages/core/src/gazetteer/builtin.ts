// Source: OCHA COD Syria administrative boundaries (adm1, adm2; valid from 2020-12-17), CC BY 3.0 IGO.
// Governorate centres: area-weighted centroids of the geoBoundaries SYR ADM1 polygons (UNCS/UNOCHA, CC BY 3.0 IGO).

/** One place of the built-in gazetteer: a country (level 0) or a Syrian admin unit (levels 1-3). */
export interface GazetteerEntry {
  /** OCHA p-code ('SY01', 'SY0100'); countries use ISO 3166-1 alpha-2 at level 0. */
  pcode: string;
  level: 0 | 1 | 2 | 3;
  parentPcode: string | null;
  names: { ar: string; en: string };
  /** Common variants of the name, used to match free text. */
  altNames?: { ar?: string[]; en?: string[] };
  /** ISO date from which the unit is valid, as in the COD table. */
  validFrom?: string;
  centre?: { lat: number; lon: number };
}

// biome-ignore format: one entry per line
const countries: GazetteerEntry[] = [
  { pcode: 'AE', level: 0, parentPcode: null, names: { ar: 'الإمارات العربية المتحدة', en: 'United Arab Emirates' }, altNames: { ar: ['الإمارات', 'الامارات'], en: ['UAE', 'Emirates'] }, centre: { lat: 23.42, lon: 53.85 } },
  { pcode: 'AT', level: 0, parentPcode: null, names: { ar: 'النمسا', en: 'Austria' }, centre: { lat: 47.52, lon: 14.55 } },
  { pcode: 'AU', level: 0, parentPcode: null, names: { ar: 'أستراليا', en: 'Australia' }, altNames: { ar: ['استراليا'] }, centre: { lat: -25.27, lon: 133.78 } },
  { pcode: 'BE', level: 0, parentPcode: null, names: { ar: 'بلجيكا', en: 'Belgium' }, centre: { lat: 50.5, lon: 4.47 } },
  { pcode: 'CA', level: 0, parentPcode: null, names: { ar: 'كندا', en: 'Canada' }, centre: { lat: 56.13, lon: -106.35 } },
  { pcode: 'CH', level: 0, parentPcode: null, names: { ar: 'سويسرا', en: 'Switzerland' }, centre: { lat: 46.82, lon: 8.23 } },
  { pcode: 'CN', level: 0, parentPcode: null, names: { ar: 'الصين', en: 'China' }, altNames: { ar: ['جمهورية الصين الشعبية'], en: ["People's Republic of China"] }, centre: { lat: 35.86, lon: 104.2 } },
  { pcode: 'CY', level: 0, parentPcode: null, names: { ar: 'قبرص', en: 'Cyprus' }, centre: { lat: 35.13, lon: 33.43 } },
  { pcode: 'DE', level: 0, parentPcode: null, names: { ar: 'ألمانيا', en: 'Germany' }, altNames: { ar: ['المانيا'] }, centre: { lat: 51.17, lon: 10.45 } },
  { pcode: 'DK', level: 0, parentPcode: null, names: { ar: 'الدنمارك', en: 'Denmark' }, altNames: { ar: ['الدانمارك'] }, centre: { lat: 56.26, lon: 9.5 } },
  { pcode: 'EG', level: 0, parentPcode: null, names: { ar: 'مصر', en: 'Egypt' }, altNames: { ar: ['جمهورية مصر العربية'] }, centre: { lat: 26.82, lon: 30.8 } },
  { pcode: 'ES', level: 0, parentPcode: null, names: { ar: 'إسبانيا', en: 'Spain' }, altNames: { ar: ['اسبانيا'] }, centre: { lat: 40.46, lon: -3.75 } },
  { pcode: 'FI', level: 0, parentPcode: null, names: { ar: 'فنلندا', en: 'Finland' }, centre: { lat: 61.92, lon: 25.75 } },
  { pcode: 'FR', level: 0, parentPcode: null, names: { ar: 'فرنسا', en: 'France' }, centre: { lat: 46.23, lon: 2.21 } },
  { pcode: 'GB', level: 0, parentPcode: null, names: { ar: 'المملكة المتحدة', en: 'United Kingdom' }, altNames: { ar: ['بريطانيا', 'بريطانيا العظمى'], en: ['UK', 'Britain', 'Great Britain', 'United Kingdom of Great Britain and Northern Ireland'] }, centre: { lat: 55.38, lon: -3.44 } },
  { pcode: 'IE', level: 0, parentPcode: null, names: { ar: 'أيرلندا', en: 'Ireland' }, altNames: { ar: ['ايرلندا', 'إيرلندا'] }, centre: { lat: 53.41, lon: -8.24 } },
  { pcode: 'IL', level: 0, parentPcode: null, names: { ar: 'إسرائيل', en: 'Israel' }, altNames: { ar: ['اسرائيل'] }, centre: { lat: 31.05, lon: 34.85 } },
  { pcode: 'IQ', level: 0, parentPcode: null, names: { ar: 'العراق', en: 'Iraq' }, altNames: { ar: ['جمهورية العراق'] }, centre: { lat: 33.22, lon: 43.68 } },
  { pcode: 'IR', level: 0, parentPcode: null, names: { ar: 'إيران', en: 'Iran' }, altNames: { ar: ['ايران', 'الجمهورية الإسلامية الإيرانية'], en: ['Islamic Republic of Iran', 'Iran (Islamic Republic of)'] }, centre: { lat: 32.43, lon: 53.69 } },
  { pcode: 'IT', level: 0, parentPcode: null, names: { ar: 'إيطاليا', en: 'Italy' }, altNames: { ar: ['ايطاليا'] }, centre: { lat: 41.87, lon: 12.57 } },
  { pcode: 'JO', level: 0, parentPcode: null, names: { ar: 'الأردن', en: 'Jordan' }, altNames: { ar: ['الاردن', 'المملكة الأردنية الهاشمية'], en: ['Hashemite Kingdom of Jordan'] }, centre: { lat: 30.59, lon: 36.24 } },
  { pcode: 'JP', level: 0, parentPcode: null, names: { ar: 'اليابان', en: 'Japan' }, centre: { lat: 36.2, lon: 138.25 } },
  { pcode: 'KW', level: 0, parentPcode: null, names: { ar: 'الكويت', en: 'Kuwait' }, centre: { lat: 29.31, lon: 47.48 } },
  { pcode: 'LB', level: 0, parentPcode: null, names: { ar: 'لبنان', en: 'Lebanon' }, altNames: { ar: ['الجمهورية اللبنانية'] }, centre: { lat: 33.85, lon: 35.86 } },
  { pcode: 'NL', level: 0, parentPcode: null, names: { ar: 'هولندا', en: 'Netherlands' }, altNames: { en: ['The Netherlands', 'Holland'] }, centre: { lat: 52.13, lon: 5.29 } },
  { pcode: 'NO', level: 0, parentPcode: null, names: { ar: 'النرويج', en: 'Norway' }, centre: { lat: 60.47, lon: 8.47 } },
  { pcode: 'PS', level: 0, parentPcode: null, names: { ar: 'فلسطين', en: 'Palestine' }, altNames: { ar: ['دولة فلسطين', 'الأراضي الفلسطينية المحتلة'], en: ['State of Palestine', 'occupied Palestinian territory', 'oPt'] }, centre: { lat: 31.95, lon: 35.23 } },
  { pcode: 'QA', level: 0, parentPcode: null, names: { ar: 'قطر', en: 'Qatar' }, centre: { lat: 25.35, lon: 51.18 } },
  { pcode: 'RU', level: 0, parentPcode: null, names: { ar: 'روسيا', en: 'Russia' }, altNames: { ar: ['روسيا الاتحادية', 'الاتحاد الروسي'], en: ['Russian Federation'] }, centre: { lat: 61.52, lon: 105.32 } },
  { pcode: 'SA', level: 0, parentPcode: null, names: { ar: 'المملكة العربية السعودية', en: 'Saudi Arabia' }, altNames: { ar: ['السعودية'], en: ['Kingdom of Saudi Arabia', 'KSA'] }, centre: { lat: 23.89, lon: 45.08 } },
  { pcode: 'SE', level: 0, parentPcode: null, names: { ar: 'السويد', en: 'Sweden' }, centre: { lat: 60.13, lon: 18.64 } },
  { pcode: 'SY', level: 0, parentPcode: null, names: { ar: 'سوريا', en: 'Syria' }, altNames: { ar: ['سورية', 'الجمهورية العربية السورية'], en: ['Syrian Arab Republic'] }, centre: { lat: 34.8, lon: 39.0 } },
  { pcode: 'TR', level: 0, parentPcode: null, names: { ar: 'تركيا', en: 'Türkiye' }, altNames: { ar: ['تركية', 'الجمهورية التركية'], en: ['Turkey', 'Turkiye', 'Republic of Türkiye'] }, centre: { lat: 38.96, lon: 35.24 } },
  { pcode: 'US', level: 0, parentPcode: null, names: { ar: 'الولايات المتحدة الأمريكية', en: 'United States' }, altNames: { ar: ['الولايات المتحدة', 'الولايات المتحدة الأميركية', 'أمريكا', 'أميركا', 'امريكا'], en: ['United States of America', 'USA', 'U.S.', 'U.S.A.'] }, centre: { lat: 37.09, lon: -95.71 } },
];

// biome-ignore format: one entry per line
const governorates: GazetteerEntry[] = [
  { pcode: 'SY01', level: 1, parentPcode: 'SY', names: { ar: 'مدينة دمشق', en: 'Damascus' }, altNames: { ar: ['دمشق'], en: ['Damascus City'] }, validFrom: '2020-12-17', centre: { lat: 33.5156, lon: 36.278 } },
  { pcode: 'SY02', level: 1, parentPcode: 'SY', names: { ar: 'حلب', en: 'Aleppo' }, altNames: { en: ['Halab'] }, validFrom: '2020-12-17', centre: { lat: 36.2181, lon: 37.6427 } },
  { pcode: 'SY03', level: 1, parentPcode: 'SY', names: { ar: 'ريف دمشق', en: 'Rural Damascus' }, altNames: { en: ['Rif Dimashq', 'Rif Damascus', 'Reef Damascus', 'Damascus Countryside'] }, validFrom: '2020-12-17', centre: { lat: 33.492, lon: 37.3914 } },
  { pcode: 'SY04', level: 1, parentPcode: 'SY', names: { ar: 'حمص', en: 'Homs' }, altNames: { en: ['Hims'] }, validFrom: '2020-12-17', centre: { lat: 34.4698, lon: 38.3771 } },
  { pcode: 'SY05', level: 1, parentPcode: 'SY', names: { ar: 'حماة', en: 'Hama' }, altNames: { ar: ['حماه'], en: ['Hamah'] }, validFrom: '2020-12-17', centre: { lat: 35.2209, lon: 37.2124 } },
  { pcode: 'SY06', level: 1, parentPcode: 'SY', names: { ar: 'اللاذقية', en: 'Lattakia' }, altNames: { ar: ['اللاذقيه'], en: ['Latakia', 'Al-Lattakia', 'Al Ladhiqiyah'] }, validFrom: '2020-12-17', centre: { lat: 35.5753, lon: 36.0266 } },
  { pcode: 'SY07', level: 1, parentPcode: 'SY', names: { ar: 'إدلب', en: 'Idleb' }, altNames: { ar: ['ادلب'], en: ['Idlib'] }, validFrom: '2020-12-17', centre: { lat: 35.7851, lon: 36.6823 } },
  { pcode: 'SY08', level: 1, parentPcode: 'SY', names: { ar: 'الحسكة', en: 'Al-Hasakeh' }, altNames: { ar: ['الحسكه'], en: ['Hasakah', 'Al-Hasakah', 'Al Hasakah', 'Hasakeh', 'Al-Hassakeh'] }, validFrom: '2020-12-17', centre: { lat: 36.4915, lon: 40.9073 } },
  { pcode: 'SY09', level: 1, parentPcode: 'SY', names: { ar: 'دير الزور', en: 'Deir-ez-Zor' }, altNames: { ar: ['ديرالزور'], en: ['Deir ez-Zor', 'Deir ez Zor', 'Deir Ezzor', 'Deir-ez-Zour', 'Dayr az Zawr'] }, validFrom: '2020-12-17', centre: { lat: 35.13, lon: 40.324 } },
  { pcode: 'SY10', level: 1, parentPcode: 'SY', names: { ar: 'طرطوس', en: 'Tartous' }, altNames: { en: ['Tartus'] }, validFrom: '2020-12-17', centre: { lat: 34.9593, lon: 36.0779 } },
  { pcode: 'SY11', level: 1, parentPcode: 'SY', names: { ar: 'الرقة', en: 'Ar-Raqqa' }, altNames: { ar: ['الرقه'], en: ['Raqqa', 'Ar Raqqa', 'Al-Raqqa', 'Raqqah'] }, validFrom: '2020-12-17', centre: { lat: 36.0115, lon: 38.9947 } },
  { pcode: 'SY12', level: 1, parentPcode: 'SY', names: { ar: 'درعا', en: "Dar'a" }, altNames: { en: ['Daraa', 'Dara’a', 'Deraa'] }, validFrom: '2020-12-17', centre: { lat: 32.8565, lon: 36.2244 } },
  { pcode: 'SY13', level: 1, parentPcode: 'SY', names: { ar: 'السويداء', en: 'As-Sweida' }, altNames: { en: ['As-Suwayda', 'Sweida', 'Suwayda', 'As Sweida'] }, validFrom: '2020-12-17', centre: { lat: 32.7486, lon: 36.8467 } },
  { pcode: 'SY14', level: 1, parentPcode: 'SY', names: { ar: 'القنيطرة', en: 'Quneitra' }, altNames: { en: ['Al Qunaytirah', 'Kuneitra'] }, validFrom: '2020-12-17', centre: { lat: 33.0443, lon: 35.7928 } },
];

// biome-ignore format: one entry per line
const districts: GazetteerEntry[] = [
  { pcode: 'SY0100', level: 2, parentPcode: 'SY01', names: { ar: 'مدينة دمشق', en: 'Damascus' }, validFrom: '2020-12-17' },
  { pcode: 'SY0200', level: 2, parentPcode: 'SY02', names: { ar: 'جبل سمعان', en: 'Jebel Saman' }, altNames: { en: ["Jabal Sam'an"] }, validFrom: '2020-12-17' },
  { pcode: 'SY0202', level: 2, parentPcode: 'SY02', names: { ar: 'الباب', en: 'Al Bab' }, altNames: { en: ['Al-Bab'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0203', level: 2, parentPcode: 'SY02', names: { ar: 'عفرين', en: 'Afrin' }, validFrom: '2020-12-17' },
  { pcode: 'SY0204', level: 2, parentPcode: 'SY02', names: { ar: 'اعزاز', en: "A'zaz" }, altNames: { ar: ['أعزاز'], en: ['Azaz', 'A’zaz'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0205', level: 2, parentPcode: 'SY02', names: { ar: 'منبج', en: 'Menbij' }, altNames: { en: ['Manbij'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0206', level: 2, parentPcode: 'SY02', names: { ar: 'عين العرب', en: 'Ain Al Arab' }, altNames: { ar: ['كوباني'], en: ['Ain al-Arab', 'Kobani', 'Kobane'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0207', level: 2, parentPcode: 'SY02', names: { ar: 'السفيرة', en: 'As-Safira' }, altNames: { en: ['As Safirah', 'Safira'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0208', level: 2, parentPcode: 'SY02', names: { ar: 'جرابلس', en: 'Jarablus' }, validFrom: '2020-12-17' },
  { pcode: 'SY0301', level: 2, parentPcode: 'SY03', names: { ar: 'مركز ريف دمشق', en: 'Rural Damascus' }, validFrom: '2020-12-17' },
  { pcode: 'SY0302', level: 2, parentPcode: 'SY03', names: { ar: 'دوما', en: 'Duma' }, altNames: { en: ['Douma'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0303', level: 2, parentPcode: 'SY03', names: { ar: 'القطيفة', en: 'Al Qutayfah' }, altNames: { en: ['Al-Qutayfah', 'Qutayfah'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0304', level: 2, parentPcode: 'SY03', names: { ar: 'التل', en: 'At Tall' }, altNames: { en: ['At-Tall', 'Al-Tall'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0305', level: 2, parentPcode: 'SY03', names: { ar: 'يبرود', en: 'Yabroud' }, altNames: { en: ['Yabrud'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0306', level: 2, parentPcode: 'SY03', names: { ar: 'النبك', en: 'An Nabk' }, altNames: { en: ['An-Nabk', 'Nabk'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0307', level: 2, parentPcode: 'SY03', names: { ar: 'الزبداني', en: 'Az-Zabdani' }, altNames: { en: ['Az Zabadani', 'Zabadani'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0308', level: 2, parentPcode: 'SY03', names: { ar: 'قطنا', en: 'Qatana' }, validFrom: '2020-12-17' },
  { pcode: 'SY0309', level: 2, parentPcode: 'SY03', names: { ar: 'داريا', en: 'Darayya' }, altNames: { en: ['Daraya'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0401', level: 2, parentPcode: 'SY04', names: { ar: 'مركز حمص', en: 'Homs' }, validFrom: '2020-12-17' },
  { pcode: 'SY0402', level: 2, parentPcode: 'SY04', names: { ar: 'القصير', en: 'Al-Qusayr' }, altNames: { en: ['Al Qusayr', 'Qusayr'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0403', level: 2, parentPcode: 'SY04', names: { ar: 'تلكلخ', en: 'Tall Kalakh' }, altNames: { en: ['Tal Kalakh', 'Talkalakh'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0404', level: 2, parentPcode: 'SY04', names: { ar: 'الرستن', en: 'Ar-Rastan' }, altNames: { en: ['Ar Rastan', 'Rastan'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0405', level: 2, parentPcode: 'SY04', names: { ar: 'تدمر', en: 'Tadmor' }, altNames: { en: ['Palmyra', 'Tadmur'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0406', level: 2, parentPcode: 'SY04', names: { ar: 'المخرم', en: 'Al Makhrim' }, altNames: { en: ['Al-Makhrim'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0501', level: 2, parentPcode: 'SY05', names: { ar: 'مركز حماة', en: 'Hama' }, validFrom: '2020-12-17' },
  { pcode: 'SY0502', level: 2, parentPcode: 'SY05', names: { ar: 'السقيلبية', en: 'As-Suqaylabiyah' }, altNames: { en: ['Al-Suqaylabiyah', 'Suqaylabiyah'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0503', level: 2, parentPcode: 'SY05', names: { ar: 'السلمية', en: 'As-Salamiyeh' }, altNames: { en: ['As-Salamiyah', 'Salamiyah', 'Salamiyeh'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0504', level: 2, parentPcode: 'SY05', names: { ar: 'مصياف', en: 'Masyaf' }, altNames: { en: ['Misyaf'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0505', level: 2, parentPcode: 'SY05', names: { ar: 'محردة', en: 'Muhradah' }, altNames: { en: ['Mhardeh', 'Mahardah'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0600', level: 2, parentPcode: 'SY06', names: { ar: 'مركز اللاذقية', en: 'Lattakia' }, validFrom: '2020-12-17' },
  { pcode: 'SY0602', level: 2, parentPcode: 'SY06', names: { ar: 'جبلة', en: 'Jablah' }, altNames: { en: ['Jableh'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0603', level: 2, parentPcode: 'SY06', names: { ar: 'الحفة', en: 'Al-Haffa' }, altNames: { en: ['Al Haffah', 'Haffa'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0604', level: 2, parentPcode: 'SY06', names: { ar: 'القرداحة', en: 'Al-Qardaha' }, altNames: { en: ['Al Qardahah', 'Qardaha'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0700', level: 2, parentPcode: 'SY07', names: { ar: 'مركز إدلب', en: 'Idleb' }, validFrom: '2020-12-17' },
  { pcode: 'SY0702', level: 2, parentPcode: 'SY07', names: { ar: 'معرة النعمان', en: "Al Ma'ra" }, altNames: { ar: ['المعرة'], en: ["Ma'arrat an-Nu'man", 'Maarat al-Numan', 'Al-Maarra'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0703', level: 2, parentPcode: 'SY07', names: { ar: 'حارم', en: 'Harim' }, altNames: { en: ['Harem'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0704', level: 2, parentPcode: 'SY07', names: { ar: 'جسر الشغور', en: 'Jisr-Ash-Shugur' }, altNames: { en: ['Jisr ash-Shughur', 'Jisr al-Shughur', 'Jisr Ash-Shugur'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0705', level: 2, parentPcode: 'SY07', names: { ar: 'أريحا', en: 'Ariha' }, altNames: { ar: ['اريحا'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0800', level: 2, parentPcode: 'SY08', names: { ar: 'مركز الحسكة', en: 'Al-Hasakeh' }, validFrom: '2020-12-17' },
  { pcode: 'SY0802', level: 2, parentPcode: 'SY08', names: { ar: 'القامشلي', en: 'Quamishli' }, altNames: { en: ['Qamishli', 'Al-Qamishli', 'Qamishly'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0803', level: 2, parentPcode: 'SY08', names: { ar: 'المالكية', en: 'Al-Malikeyyeh' }, altNames: { ar: ['ديريك'], en: ['Al-Malikiyah', 'Malikiyah', 'Derik'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0804', level: 2, parentPcode: 'SY08', names: { ar: 'رأس العين', en: 'Ras Al Ain' }, altNames: { ar: ['راس العين'], en: ['Ras al-Ayn', 'Ras Al-Ain', 'Serekaniye'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0901', level: 2, parentPcode: 'SY09', names: { ar: 'مركز دير الزور', en: 'Deir-ez-Zor' }, validFrom: '2020-12-17' },
  { pcode: 'SY0902', level: 2, parentPcode: 'SY09', names: { ar: 'البوكمال', en: 'Abu Kamal' }, altNames: { ar: ['أبو كمال', 'ابو كمال'], en: ['Al-Bukamal', 'Al Bukamal', 'Albu Kamal'] }, validFrom: '2020-12-17' },
  { pcode: 'SY0903', level: 2, parentPcode: 'SY09', names: { ar: 'الميادين', en: 'Al Mayadin' }, altNames: { en: ['Al-Mayadin', 'Al-Mayadeen', 'Mayadin'] }, validFrom: '2020-12-17' },
  { pcode: 'SY1000', level: 2, parentPcode: 'SY10', names: { ar: 'مركز طرطوس', en: 'Tartous' }, validFrom: '2020-12-17' },
  { pcode: 'SY1002', level: 2, parentPcode: 'SY10', names: { ar: 'بانياس', en: 'Banyas' }, altNames: { en: ['Baniyas'] }, validFrom: '2020-12-17' },
  { pcode: 'SY1003', level: 2, parentPcode: 'SY10', names: { ar: 'صافيتا', en: 'Safita' }, validFrom: '2020-12-17' },
  { pcode: 'SY1004', level: 2, parentPcode: 'SY10', names: { ar: 'دريكيش', en: 'Dreikish' }, altNames: { en: ['Duraykish', 'Draikish'] }, validFrom: '2020-12-17' },
  { pcode: 'SY1005', level: 2, parentPcode: 'SY10', names: { ar: 'الشيخ بدر', en: 'Sheikh Badr' }, altNames: { en: ['Ash-Shaykh Badr', 'Al-Shaykh Badr'] }, validFrom: '2020-12-17' },
  { pcode: 'SY1006', level: 2, parentPcode: 'SY10', names: { ar: 'القدموس', en: 'Qadmous' }, altNames: { en: ['Al-Qadmus', 'Qadmus'] }, validFrom: '2020-12-17' },
  { pcode: 'SY1101', level: 2, parentPcode: 'SY11', names: { ar: 'مركز الرقة', en: 'Ar-Raqqa' }, validFrom: '2020-12-17' },
  { pcode: 'SY1102', level: 2, parentPcode: 'SY11', names: { ar: 'تل أبيض', en: 'Tell Abiad' }, altNames: { ar: ['تل ابيض'], en: ['Tal Abyad', 'Tell Abyad'] }, validFrom: '2020-12-17' },
  { pcode: 'SY1103', level: 2, parentPcode: 'SY11', names: { ar: 'الثورة', en: 'Ath-Thawrah' }, altNames: { ar: ['الطبقة'], en: ['Al-Thawrah', 'Al-Tabqa', 'Tabqa'] }, validFrom: '2020-12-17' },
  { pcode: 'SY1200', level: 2, parentPcode: 'SY12', names: { ar: 'درعا', en: "Dar'a" }, validFrom: '2020-12-17' },
  { pcode: 'SY1202', level: 2, parentPcode: 'SY12', names: { ar: 'الصنمين', en: 'As-Sanamayn' }, altNames: { en: ['As Sanamayn', 'Al-Sanamayn', 'Sanamayn'] }, validFrom: '2020-12-17' },
  { pcode: 'SY1203', level: 2, parentPcode: 'SY12', names: { ar: 'ازرع', en: "Izra'" }, altNames: { ar: ['إزرع'], en: ['Izra', 'Ezra'] }, validFrom: '2020-12-17' },
  { pcode: 'SY1300', level: 2, parentPcode: 'SY13', names: { ar: 'مركز السويداء', en: 'As-Sweida' }, validFrom: '2020-12-17' },
  { pcode: 'SY1302', level: 2, parentPcode: 'SY13', names: { ar: 'صلخد', en: 'Salkhad' }, validFrom: '2020-12-17' },
  { pcode: 'SY1303', level: 2, parentPcode: 'SY13', names: { ar: 'شهبا', en: 'Shahba' }, validFrom: '2020-12-17' },
  { pcode: 'SY1400', level: 2, parentPcode: 'SY14', names: { ar: 'مركز القنيطرة', en: 'Quneitra' }, validFrom: '2020-12-17' },
  { pcode: 'SY1402', level: 2, parentPcode: 'SY14', names: { ar: 'فيق', en: 'Al Fiq' }, altNames: { en: ['Al-Fiq', 'Fiq'] }, validFrom: '2020-12-17' },
];

function deepFreeze(entry: GazetteerEntry): GazetteerEntry {
  Object.freeze(entry.names);
  if (entry.altNames) {
    if (entry.altNames.ar) Object.freeze(entry.altNames.ar);
    if (entry.altNames.en) Object.freeze(entry.altNames.en);
    Object.freeze(entry.altNames);
  }
  if (entry.centre) Object.freeze(entry.centre);
  return Object.freeze(entry);
}

/** Countries, then Syria's governorates and districts; sorted by p-code within each level. */
export const builtinGazetteer: readonly GazetteerEntry[] = Object.freeze(
  [...countries, ...governorates, ...districts].map(deepFreeze),
);

/** The built-in gazetteer indexed by p-code. */
export const gazetteerByPcode: ReadonlyMap<string, GazetteerEntry> = new Map(
  builtinGazetteer.map((entry) => [entry.pcode, entry]),
);
