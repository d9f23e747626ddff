/**
 * Place names the recognizer knows beyond what the built-in gazetteer holds: the English names news use,
 * spelling variants, Syrian towns and camps below district level, cities abroad, country variants, and
 * the phrases in which a place name does not name a place.
 *
 * P-codes here must exist in the built-in gazetteer (`@tansiq/core/gazetteer/builtin`); towns carry the
 * code of the district that holds them (places.test.ts checks both).
 */

/**
 * The names reported for governorates: the spellings English news use, not OCHA's transliterations
 * ("Daraa", not "Dar'a"); the p-code keeps the link to OCHA's names.
 */
export const governorateNames: Readonly<Record<string, string>> = {
  SY01: 'Damascus',
  SY02: 'Aleppo',
  SY03: 'Rural Damascus',
  SY04: 'Homs',
  SY05: 'Hama',
  SY06: 'Latakia',
  SY07: 'Idlib',
  SY08: 'Hasakah',
  SY09: 'Deir ez-Zor',
  SY10: 'Tartus',
  SY11: 'Raqqa',
  SY12: 'Daraa',
  SY13: 'Sweida',
  SY14: 'Quneitra',
};

/** Districts whose OCHA English name is rarely what a text writes. */
export const districtNames: Readonly<Record<string, string>> = {
  SY0202: 'Al-Bab',
  SY0204: 'Azaz',
  SY0405: 'Palmyra',
  SY0702: "Ma'arat al-Nu'man",
  SY0704: 'Jisr al-Shughur',
  SY0802: 'Qamishli',
};

export interface PlaceVariants {
  ar?: readonly string[];
  en?: readonly string[];
}

/** Variants of governorate and district names that the gazetteer does not list. */
// biome-ignore format: one unit per line
export const adminVariants: Readonly<Record<string, PlaceVariants>> = {
  SY01: { ar: ['دمشق', 'الشام'], en: ['Damascus', 'Dimashq'] },
  SY02: { en: ['Aleppo'] },
  SY03: { ar: ['ريف الشام'], en: ['Damascus countryside', 'Rural Damascus', 'Rif Damascus'] },
  SY05: { en: ['Hama', 'Hamah', 'Hamaa'] },
  SY06: { en: ['Latakia', 'Lattakia', 'Al-Ladhiqiyah'] },
  SY07: { en: ['Idlib', 'Idleb'] },
  SY08: { en: ['Hasakah', 'Hasaka', 'Hassakeh', 'Al-Hassakah'] },
  SY09: { ar: ['دير الزور'], en: ['Deir ez-Zor', 'Deir al-Zor', 'Deir el-Zor', 'Deir Ezzor', 'Deir Ezzour', 'Deir Ez Zour', 'Deir Al Zour'] },
  SY10: { en: ['Tartus', 'Tartous', 'Tartoos'] },
  SY11: { en: ['Raqqa', 'Raqqah', 'Rakka', 'Ar-Raqqah'] },
  SY12: { en: ['Daraa', "Dar'a", "Dara'a", 'Deraa', 'Dera'] },
  SY13: { ar: ['السويدا'], en: ['Sweida', 'Suwayda', 'As-Suwayda', 'Al-Suwayda', 'Suweida', 'Sweyda'] },
  SY14: { en: ['Quneitra', 'Qunaitra', 'Kuneitra'] },
  SY0202: { en: ['Al-Bab', 'al-Bab'] },
  SY0204: { en: ['Azaz', 'Aazaz', 'Izaz'] },
  SY0205: { en: ['Manbij', 'Menbij', 'Membij'] },
  SY0206: { en: ['Kobani', 'Kobane', 'Ain al-Arab'] },
  SY0405: { en: ['Palmyra', 'Tadmur', 'Tadmor'] },
  SY0702: { ar: ['معرة النعمان', 'معرتنعمان'], en: ["Ma'arat al-Nu'man", 'Maarat al-Numan', "Ma'arrat al-Nu'man", 'Maaret al-Numan', 'Maarat al-Nouman'] },
  SY0704: { en: ['Jisr al-Shughur', 'Jisr al-Shughour', 'Jisr ash-Shughur'] },
  SY0802: { en: ['Qamishli', 'Qamishly', 'Kamishli', 'Al-Qamishli'] },
  SY0902: { en: ['Abu Kamal', 'Albu Kamal', 'Al-Bukamal', 'Boukamal', 'Bukamal'] },
  SY0903: { en: ['Mayadin', 'Al-Mayadin', 'Mayadeen'] },
  SY1102: { en: ['Tal Abyad', 'Tell Abyad', 'Tel Abyad'] },
  SY0804: { ar: ['رأس العين'], en: ['Ras al-Ain', 'Ras al-Ayn', 'Ras Al Ain'] },
};

export interface TownEntry extends PlaceVariants {
  name: string;
  /** The governorate's or the district's p-code. */
  pcode: string;
}

/** Towns, regions and camps inside Syria that are not themselves a governorate or a district. */
// biome-ignore format: one place per line
export const syrianTowns: readonly TownEntry[] = [
  { name: 'Eastern Ghouta', pcode: 'SY03', ar: ['الغوطة الشرقية'], en: ['Eastern Ghouta', 'East Ghouta'] },
  { name: 'Western Ghouta', pcode: 'SY03', ar: ['الغوطة الغربية'], en: ['Western Ghouta'] },
  { name: 'Ghouta', pcode: 'SY03', ar: ['الغوطة'], en: ['Ghouta'] },
  { name: 'Yarmouk camp', pcode: 'SY01', ar: ['مخيم اليرموك'], en: ['Yarmouk camp', 'Yarmouk refugee camp'] },
  { name: 'Jaramana', pcode: 'SY0301', ar: ['جرمانا'], en: ['Jaramana'] },
  { name: 'Kisweh', pcode: 'SY0301', ar: ['الكسوة'], en: ['Kisweh', 'Al-Kiswah'] },
  { name: 'Qudsaya', pcode: 'SY0301', ar: ['قدسيا'], en: ['Qudsaya', 'Qudsiya'] },
  { name: 'Arbin', pcode: 'SY0301', ar: ['عربين'], en: ['Arbin'] },
  { name: 'Kafr Batna', pcode: 'SY0301', ar: ['كفر بطنا', 'كفربطنا'], en: ['Kafr Batna'] },
  { name: 'Harasta', pcode: 'SY0302', ar: ['حرستا'], en: ['Harasta'] },
  { name: 'Dumayr', pcode: 'SY0302', ar: ['الضمير'], en: ['Dumayr', 'Al-Dumayr', 'Dmeir'] },
  { name: 'Madaya', pcode: 'SY0307', ar: ['مضايا'], en: ['Madaya'] },
  { name: 'Sahnaya', pcode: 'SY0309', ar: ['صحنايا'], en: ['Sahnaya'] },
  { name: 'Moadamiyat al-Sham', pcode: 'SY0309', ar: ['معضمية الشام', 'المعضمية'], en: ['Moadamiyat al-Sham', 'Moadamiyeh', 'Muadamiyat al-Sham'] },
  { name: 'Atarib', pcode: 'SY0200', ar: ['الأتارب', 'أتارب'], en: ['Atarib', 'Al-Atarib'] },
  { name: 'Daret Azza', pcode: 'SY0200', ar: ['دارة عزة'], en: ['Daret Azza', 'Darat Izza'] },
  { name: 'Al-Rai', pcode: 'SY0202', ar: ['الراعي'], en: ['Al-Rai', 'al-Rai'] },
  { name: 'Deir Hafer', pcode: 'SY0202', ar: ['دير حافر'], en: ['Deir Hafer', 'Dayr Hafir'] },
  { name: 'Jinderes', pcode: 'SY0203', ar: ['جنديرس'], en: ['Jinderes', 'Jindires', 'Jandairis'] },
  { name: 'Tal Rifaat', pcode: 'SY0204', ar: ['تل رفعت'], en: ['Tal Rifaat', 'Tell Rifaat', 'Tal Refaat'] },
  { name: "Mare'", pcode: 'SY0204', ar: ['مارع'], en: ["Mare'", 'Marea'] },
  { name: 'Bab al-Salama', pcode: 'SY0204', ar: ['باب السلامة', 'معبر باب السلامة'], en: ['Bab al-Salama', 'Bab al-Salameh', 'Bab as-Salam'] },
  { name: 'Maskanah', pcode: 'SY0205', ar: ['مسكنة'], en: ['Maskanah', 'Maskana'] },
  { name: 'Saraqib', pcode: 'SY0700', ar: ['سراقب'], en: ['Saraqib', 'Saraqeb'] },
  { name: 'Binnish', pcode: 'SY0700', ar: ['بنش'], en: ['Binnish', 'Binnesh'] },
  { name: 'Taftanaz', pcode: 'SY0700', ar: ['تفتناز'], en: ['Taftanaz'] },
  { name: 'Khan Shaykhun', pcode: 'SY0702', ar: ['خان شيخون'], en: ['Khan Shaykhun', 'Khan Sheikhoun', 'Khan Shaykhoun'] },
  { name: 'Kafr Nabl', pcode: 'SY0702', ar: ['كفرنبل', 'كفر نبل'], en: ['Kafr Nabl', 'Kafranbel', 'Kafrnabel'] },
  { name: 'Salqin', pcode: 'SY0703', ar: ['سلقين'], en: ['Salqin'] },
  { name: 'Dana', pcode: 'SY0703', ar: ['الدانا'], en: ['Dana', 'Al-Dana'] },
  { name: 'Sarmada', pcode: 'SY0703', ar: ['سرمدا'], en: ['Sarmada'] },
  { name: 'Atmeh', pcode: 'SY0703', ar: ['أطمة', 'اطمه'], en: ['Atmeh', 'Atma'] },
  { name: 'Bab al-Hawa', pcode: 'SY0703', ar: ['باب الهوى', 'معبر باب الهوى'], en: ['Bab al-Hawa'] },
  { name: 'Darkush', pcode: 'SY0704', ar: ['دركوش'], en: ['Darkush', 'Darkoush'] },
  { name: 'Qaryatayn', pcode: 'SY0401', ar: ['القريتين'], en: ['Qaryatayn', 'Al-Qaryatayn', 'Qaryatein'] },
  { name: 'Talbiseh', pcode: 'SY0404', ar: ['تلبيسة'], en: ['Talbiseh', 'Talbisah'] },
  { name: 'Sukhnah', pcode: 'SY0405', ar: ['السخنة'], en: ['Sukhnah', 'Al-Sukhnah', 'Sokhneh'] },
  { name: 'Rukban', pcode: 'SY0405', ar: ['الركبان', 'مخيم الركبان'], en: ['Rukban', 'Rukban camp'] },
  { name: 'Al-Tanf', pcode: 'SY0405', ar: ['التنف'], en: ['Al-Tanf', 'al-Tanf', 'Tanf'] },
  { name: 'Kafr Zita', pcode: 'SY0505', ar: ['كفرزيتا', 'كفر زيتا'], en: ['Kafr Zita', 'Kafr Zeita'] },
  { name: 'Kessab', pcode: 'SY0600', ar: ['كسب'], en: ['Kessab', 'Kasab'] },
  { name: 'Al-Hol', pcode: 'SY0800', ar: ['الهول', 'مخيم الهول'], en: ['Al-Hol', 'al-Hol', 'Al-Hawl', 'al-Hawl', 'Hol camp'] },
  { name: 'Tal Tamr', pcode: 'SY0800', ar: ['تل تمر'], en: ['Tal Tamr', 'Tell Tamer', 'Tal Tamer'] },
  { name: 'Al-Shaddadi', pcode: 'SY0800', ar: ['الشدادي', 'الشدادة'], en: ['Al-Shaddadi', 'Shaddadi', 'Shadadi'] },
  { name: 'Amuda', pcode: 'SY0802', ar: ['عامودا'], en: ['Amuda', 'Amouda'] },
  { name: 'Roj camp', pcode: 'SY0803', ar: ['مخيم روج'], en: ['Roj camp'] },
  { name: 'Al-Darbasiyah', pcode: 'SY0804', ar: ['الدرباسية', 'درباسية'], en: ['Al-Darbasiyah', 'Darbasiyah'] },
  { name: 'Hajin', pcode: 'SY0902', ar: ['هجين'], en: ['Hajin'] },
  { name: 'Tabqa', pcode: 'SY1103', ar: ['الطبقة'], en: ['Tabqa', 'Al-Tabqa', 'Tabqah'] },
  { name: 'Ain Issa', pcode: 'SY1102', ar: ['عين عيسى'], en: ['Ain Issa', 'Ayn Issa', 'Ain Eissa'] },
  { name: 'Suluk', pcode: 'SY1102', ar: ['سلوك'], en: ['Suluk', 'Suluq'] },
  { name: 'Bosra', pcode: 'SY1200', ar: ['بصرى الشام', 'بصرى'], en: ['Bosra', 'Busra al-Sham', 'Bosra al-Sham', 'Busra'] },
  { name: 'Nasib crossing', pcode: 'SY1200', ar: ['معبر نصيب', 'معبر نصيب الحدودي'], en: ['Nasib crossing', 'Nassib crossing', 'Nasib border crossing'] },
  { name: 'Jasim', pcode: 'SY1203', ar: ['جاسم'], en: ['Jasim', 'Jassem'] },
  { name: 'Nawa', pcode: 'SY1203', ar: ['نوى'], en: ['Nawa'] },
  { name: 'Sheikh Maskin', pcode: 'SY1203', ar: ['الشيخ مسكين'], en: ['Sheikh Maskin', 'Sheikh Miskine'] },
  { name: 'Khan Arnabah', pcode: 'SY1400', ar: ['خان أرنبة'], en: ['Khan Arnabah', 'Khan Arnaba'] },
];

export interface ForeignPlace extends PlaceVariants {
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

/** Capitals and cities abroad that news about Syria mention: neighbours, host communities, talks. */
// biome-ignore format: one place per line
export const citiesAbroad: readonly ForeignPlace[] = [
  { name: 'Beirut', country: 'LB', ar: ['بيروت'], en: ['Beirut', 'Beyrouth'] },
  { name: 'Tripoli', country: 'LB', ar: ['طرابلس'], en: [] },
  { name: 'Baalbek', country: 'LB', ar: ['بعلبك'], en: ['Baalbek'] },
  { name: 'Arsal', country: 'LB', ar: ['عرسال'], en: ['Arsal'] },
  { name: 'Zahle', country: 'LB', ar: ['زحلة'], en: ['Zahle', 'Zahleh'] },
  { name: 'Sidon', country: 'LB', ar: ['صيدا'], en: ['Sidon', 'Saida'] },
  { name: 'Tyre', country: 'LB', ar: ['صور'], en: ['Tyre'] },
  { name: 'Bekaa Valley', country: 'LB', ar: ['البقاع', 'سهل البقاع'], en: ['Bekaa', 'Bekaa Valley', 'Beqaa'] },
  { name: 'Amman', country: 'JO', ar: ['عمان'], en: ['Amman'] },
  { name: 'Irbid', country: 'JO', ar: ['إربد', 'اربد'], en: ['Irbid'] },
  { name: 'Mafraq', country: 'JO', ar: ['المفرق'], en: ['Mafraq'] },
  { name: 'Ramtha', country: 'JO', ar: ['الرمثا'], en: ['Ramtha'] },
  { name: 'Zaatari camp', country: 'JO', ar: ['الزعتري', 'مخيم الزعتري'], en: ['Zaatari', "Za'atari", 'Zaatari camp'] },
  { name: 'Azraq camp', country: 'JO', ar: ['مخيم الأزرق'], en: ['Azraq camp', 'Azraq'] },
  { name: 'Baghdad', country: 'IQ', ar: ['بغداد'], en: ['Baghdad'] },
  { name: 'Erbil', country: 'IQ', ar: ['أربيل', 'اربيل', 'أربيل'], en: ['Erbil', 'Arbil', 'Irbil'] },
  { name: 'Mosul', country: 'IQ', ar: ['الموصل'], en: ['Mosul'] },
  { name: 'Dohuk', country: 'IQ', ar: ['دهوك'], en: ['Dohuk', 'Duhok'] },
  { name: 'Sulaymaniyah', country: 'IQ', ar: ['السليمانية'], en: ['Sulaymaniyah', 'Sulaimaniyah'] },
  { name: 'Kirkuk', country: 'IQ', ar: ['كركوك'], en: ['Kirkuk'] },
  { name: 'Basra', country: 'IQ', ar: ['البصرة'], en: ['Basra', 'Basrah'] },
  { name: 'Ankara', country: 'TR', ar: ['أنقرة', 'انقره'], en: ['Ankara'] },
  { name: 'Istanbul', country: 'TR', ar: ['إسطنبول', 'اسطنبول', 'إستانبول', 'استانبول'], en: ['Istanbul'] },
  { name: 'Gaziantep', country: 'TR', ar: ['غازي عنتاب', 'غازي عينتاب', 'عنتاب', 'غازي انتيب'], en: ['Gaziantep', 'Antep'] },
  { name: 'Sanliurfa', country: 'TR', ar: ['أورفة', 'اورفا', 'شانلي أورفة'], en: ['Sanliurfa', 'Şanlıurfa', 'Urfa'] },
  { name: 'Hatay', country: 'TR', ar: ['هاتاي', 'لواء اسكندرون'], en: ['Hatay'] },
  { name: 'Antakya', country: 'TR', ar: ['أنطاكيا', 'انطاكية'], en: ['Antakya', 'Antioch'] },
  { name: 'Kilis', country: 'TR', ar: ['كلس'], en: ['Kilis'] },
  { name: 'Reyhanli', country: 'TR', ar: ['الريحانية'], en: ['Reyhanli', 'Reyhanlı'] },
  { name: 'Adana', country: 'TR', ar: ['أضنة', 'اضنه'], en: ['Adana'] },
  { name: 'Mersin', country: 'TR', ar: ['مرسين'], en: ['Mersin'] },
  { name: 'Mardin', country: 'TR', ar: ['ماردين'], en: ['Mardin'] },
  { name: 'Izmir', country: 'TR', ar: ['إزمير', 'ازمير'], en: ['Izmir'] },
  { name: 'Cairo', country: 'EG', ar: ['القاهرة'], en: ['Cairo'] },
  { name: 'Moscow', country: 'RU', ar: ['موسكو'], en: ['Moscow'] },
  { name: 'Sochi', country: 'RU', ar: ['سوتشي'], en: ['Sochi'] },
  { name: 'Geneva', country: 'CH', ar: ['جنيف'], en: ['Geneva'] },
  { name: 'Lausanne', country: 'CH', ar: ['لوزان'], en: ['Lausanne'] },
  { name: 'Brussels', country: 'BE', ar: ['بروكسل'], en: ['Brussels'] },
  { name: 'Tehran', country: 'IR', ar: ['طهران'], en: ['Tehran', 'Teheran'] },
  { name: 'Riyadh', country: 'SA', ar: ['الرياض'], en: ['Riyadh'] },
  { name: 'Jeddah', country: 'SA', ar: ['جدة'], en: ['Jeddah', 'Jidda'] },
  { name: 'Doha', country: 'QA', ar: ['الدوحة'], en: ['Doha'] },
  { name: 'Abu Dhabi', country: 'AE', ar: ['أبوظبي', 'أبو ظبي'], en: ['Abu Dhabi'] },
  { name: 'Dubai', country: 'AE', ar: ['دبي'], en: ['Dubai'] },
  { name: 'Muscat', country: 'OM', ar: ['مسقط'], en: ['Muscat'] },
  { name: 'Manama', country: 'BH', ar: ['المنامة'], en: ['Manama'] },
  { name: 'Sanaa', country: 'YE', ar: ['صنعاء'], en: ['Sanaa', "Sana'a"] },
  { name: 'Astana', country: 'KZ', ar: ['أستانا', 'آستانة', 'استانه', 'نور سلطان'], en: ['Astana', 'Nur-Sultan'] },
  { name: 'Washington', country: 'US', ar: ['واشنطن'], en: ['Washington', 'Washington, D.C.'] },
  { name: 'New York', country: 'US', ar: ['نيويورك'], en: ['New York'] },
  { name: 'London', country: 'GB', ar: ['لندن'], en: ['London'] },
  { name: 'Paris', country: 'FR', ar: ['باريس'], en: ['Paris'] },
  { name: 'Berlin', country: 'DE', ar: ['برلين'], en: ['Berlin'] },
  { name: 'Vienna', country: 'AT', ar: ['فيينا'], en: ['Vienna'] },
  { name: 'Rome', country: 'IT', ar: ['روما'], en: ['Rome'] },
  { name: 'The Hague', country: 'NL', ar: ['لاهاي'], en: ['The Hague'] },
  { name: 'Stockholm', country: 'SE', ar: ['ستوكهولم'], en: ['Stockholm'] },
  { name: 'Oslo', country: 'NO', ar: ['أوسلو', 'اوسلو'], en: ['Oslo'] },
  { name: 'Copenhagen', country: 'DK', ar: ['كوبنهاغن', 'كوبنهاجن'], en: ['Copenhagen'] },
  { name: 'Athens', country: 'GR', ar: ['أثينا'], en: ['Athens'] },
  { name: 'Lesbos', country: 'GR', ar: ['ليسبوس'], en: ['Lesbos'] },
  { name: 'Nicosia', country: 'CY', ar: ['نيقوسيا'], en: ['Nicosia'] },
  { name: 'Beijing', country: 'CN', ar: ['بكين'], en: ['Beijing'] },
  { name: 'Tel Aviv', country: 'IL', ar: ['تل أبيب'], en: ['Tel Aviv'] },
  { name: 'Khartoum', country: 'SD', ar: ['الخرطوم'], en: ['Khartoum'] },
];

/** Country names and variants beyond the gazetteer and `i18n-iso-countries`. */
// biome-ignore format: one country per line
export const countryVariants: Readonly<Record<string, PlaceVariants>> = {
  SY: { ar: ['سورية', 'سوريه'], en: ['Syria'] },
  RU: { ar: ['روسيا الاتحادية'], en: ['Russia', 'Russian Federation'] },
  US: { ar: ['الولايات المتحدة', 'الولايات المتحدة الأمريكية', 'الولايات المتحدة الاميركية', 'أمريكا', 'أميركا'], en: ['US', 'U.S.', 'USA', 'U.S.A.', 'United States', 'United States of America', 'America'] },
  GB: { ar: ['بريطانيا', 'المملكة المتحدة'], en: ['UK', 'U.K.', 'Britain', 'United Kingdom'] },
  TR: { ar: ['تركيا', 'تركية'], en: ['Turkey', 'Türkiye', 'Turkiye'] },
  SA: { ar: ['السعودية', 'المملكة العربية السعودية'], en: ['Saudi Arabia'] },
  AE: { ar: ['الإمارات'], en: ['UAE', 'United Arab Emirates'] },
  IR: { ar: ['إيران', 'ايران'], en: ['Iran'] },
  NL: { ar: ['هولندا'], en: ['Netherlands', 'Holland'] },
  CZ: { ar: ['التشيك'], en: ['Czechia', 'Czech Republic'] },
  KR: { ar: ['كوريا الجنوبية'], en: ['South Korea'] },
  KP: { ar: ['كوريا الشمالية'], en: ['North Korea'] },
  MM: { ar: ['ميانمار'], en: ['Myanmar', 'Burma'] },
  VN: { ar: ['فيتنام'], en: ['Vietnam', 'Viet Nam'] },
  BY: { ar: ['بيلاروسيا'], en: ['Belarus'] },
  MD: { ar: ['مولدوفا'], en: ['Moldova'] },
  PS: { ar: ['فلسطين'], en: ['Palestine'] },
  MK: { ar: ['مقدونيا الشمالية'], en: ['North Macedonia'] },
  VA: { ar: ['الفاتيكان'], en: ['Vatican', 'Vatican City'] },
  OM: { ar: ['سلطنة عمان', 'سلطنة عُمان'], en: ['Oman'] },
  DE: { ar: ['ألمانيا', 'المانيا'], en: ['Germany'] },
  LB: { ar: ['لبنان'], en: ['Lebanon'] },
  JO: { ar: ['الأردن', 'الاردن'], en: ['Jordan'] },
  IQ: { ar: ['العراق'], en: ['Iraq'] },
  EG: { ar: ['مصر'], en: ['Egypt'] },
  FR: { ar: ['فرنسا'], en: ['France'] },
};

/** Canonical English names where `i18n-iso-countries` leads with a long or official form. */
export const countryNames: Readonly<Record<string, string>> = {
  BN: 'Brunei',
  CD: 'Democratic Republic of the Congo',
  CG: 'Republic of the Congo',
  CZ: 'Czechia',
  FM: 'Micronesia',
  GM: 'Gambia',
  KR: 'South Korea',
  LA: 'Laos',
  MD: 'Moldova',
  MK: 'North Macedonia',
  PS: 'Palestine',
  TW: 'Taiwan',
  TZ: 'Tanzania',
  VA: 'Vatican City',
  VE: 'Venezuela',
};

/** Package names that are too generic to read as a country in running text. */
export const countryNamesIgnored: readonly string[] = [
  'Reunion',
  'Jersey',
  'جزر الولايات المتحدة',
  'لا ريونيون',
];

/**
 * Names that are also common words: a place only after a place noun («مدينة الباب») or before «ريف»
 * (`strong`), or also after a preposition or an attached «ب»/«ل» («في تدمر») (`weak`).
 */
export const cuedNames: Readonly<Record<string, 'strong' | 'weak'>> = {
  الباب: 'strong', // "the door"
  التل: 'strong', // "the hill"
  الثورة: 'strong', // "the revolution"
  الطبقة: 'strong', // "the class"
  الميادين: 'strong', // "the fields"
  السلمية: 'strong', // "peaceful"
  القصير: 'strong', // "the short"
  السفيرة: 'strong', // "the (woman) ambassador"
  المالكية: 'strong', // "ownership", the Maliki school
  الكسوة: 'strong', // "the clothing"
  الضمير: 'strong', // "the conscience"
  الراعي: 'strong', // "the sponsor"
  كسب: 'strong', // "gained"
  سلوك: 'strong', // "behaviour"
  هجين: 'strong', // "hybrid"
  جاسم: 'strong', // a given name
  الدانا: 'strong',
  الحفة: 'strong',
  المفرق: 'strong', // "the junction"
  صور: 'strong', // "pictures"
  الزعتري: 'strong', // "thyme-", a family name
  تدمر: 'weak', // "she destroys"
  نوى: 'weak', // "he intended"
  ازرع: 'weak', // "plant!"
  جدة: 'weak', // "grandmother"
  مالي: 'weak', // "financial"
  بنين: 'weak', // "sons"
  بصرى: 'weak',
  المعرة: 'weak',
  طرابلس: 'weak',
};

/** Words before a cued name that make it a place. */
export const placeNouns: readonly string[] = [
  'مدينة',
  'مدينه',
  'بلدة',
  'قرية',
  'منطقة',
  'ناحية',
  'مخيم',
  'مخيمات',
  'محافظة',
  'محافظتي',
  'ريف',
  'مدن',
  'بلدات',
  'قرى',
  'منطقتي',
  'مدينتي',
  'بادية',
  'أطراف',
  'محيط',
  'مركز',
  'قضاء',
  'معبر',
  'سجن',
  'مطار',
];

/** Words before a weakly cued name that make it a place. */
export const placePrepositions: readonly string[] = [
  'في',
  'من',
  'إلى',
  'الى',
  'نحو',
  'قرب',
  'حول',
  'داخل',
  'خارج',
  'شمال',
  'جنوب',
  'شرق',
  'غرب',
  'شمالي',
  'جنوبي',
  'شرقي',
  'غربي',
  'باتجاه',
  'عبر',
  'بين',
  'وصول',
  'دخول',
  'مغادرة',
];

/** Words after a cued name that make it a place: «الباب شرقي حلب», «الميادين بريف دير الزور». */
export const placeFollowers: readonly string[] = [
  'شرقي',
  'غربي',
  'شمالي',
  'جنوبي',
  'شرق',
  'غرب',
  'شمال',
  'جنوب',
  'بريف',
  'ريف',
  'الأثرية',
  'الاثريه',
];

/**
 * Words before «سورية»/«تركية» that make them the adjective "Syrian"/"Turkish", not the country:
 * «مدن سورية» (Syrian cities). Any indefinite plural in «ـات» does the same.
 */
export const adjectiveHeads: readonly string[] = [
  'مدن',
  'مدينة',
  'بلدة',
  'قرية',
  'قرى',
  'مصادر',
  'قوات',
  'أراض',
  'أراضي',
  'مناطق',
  'شركة',
  'منظمة',
  'جهة',
  'عائلة',
  'أسرة',
  'أسر',
  'فصائل',
  'مؤسسة',
  'دولة',
  'وسائل',
  'وزارة',
  'جمعية',
  'شخصية',
  'طائرة',
  'طائرات',
  'سلطات',
  'جهات',
  'حكومة',
  'قيادة',
  'وفد',
  'أجهزة',
  'بضائع',
  'سيارات',
  'شاحنات',
  'ليرة',
  'ليرات',
];

/**
 * Phrases that contain a place name but name something else; matching them hides the place inside.
 * «بلاد الشام» is the Levant, not Damascus (whereas «الشام» alone is Damascus, as Syrians use it).
 */
// biome-ignore format: a list
export const notPlaces: readonly string[] = [
  'بلاد الشام', 'هيئة تحرير الشام', 'تحرير الشام', 'أحرار الشام', 'جبهة فتح الشام', 'فتح الشام', 'جيش الشام',
  'حماة الديار', 'حماة الوطن', 'حماة البيئة', 'حماة الثورة', 'حماة الحق', 'نصف قطر', 'صلاة المغرب', 'المغرب العربي',
  'دول المغرب', 'قوات سوريا الديمقراطية', 'قوات سورية الديمقراطية', 'مجلس سوريا الديمقراطية', 'تلفزيون سوريا',
  'واشنطن بوست', 'معهد واشنطن', 'أبو الهول', 'خليج عمان', 'بحر عمان',
  'New Jersey', 'New Mexico', 'New South Wales', 'Washington Post', 'New York Times', 'Syria TV', 'Jordan River',
  'Georgia Tech', 'Tahrir al-Sham', 'Ahrar al-Sham', 'Bilad al-Sham',
  'أمريكا اللاتينية', 'أمريكا الجنوبية', 'أمريكا الشمالية', 'أمريكا الوسطى', 'أميركا اللاتينية',
  'Latin America', 'South America', 'North America', 'Central America',
];
