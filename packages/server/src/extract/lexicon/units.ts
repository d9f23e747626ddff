/**
 * What humanitarian texts count, and in which words: units (with their singular, dual and plural forms
 * in Arabic and English), currencies, the items after a unit, and the qualifiers around a number.
 * Canonical units are the contract's list; forms are written naturally and folded at load.
 *
 * Arabic counted nouns take the plural after 3–10 and the accusative singular after 11 and more
 * («ثلاثة أطنان», «160 طناً»); news writes digits with either, so every form is a unit after any number.
 */
export interface UnitForms {
  unit: string;
  /** Singular forms, the accusative among them (طنا, دولارا). */
  one?: readonly string[];
  /** Dual forms that no plural shares: «جرعتين» alone is two doses, but «لاجئين» is also plural. */
  two?: readonly string[];
  many?: readonly string[];
  /** Written before the number: "$5", "USD 1.2 million". */
  before?: readonly string[];
  /** Mass and volume: «طن من X» names the content X, so X is read as the item even when unknown. */
  measure?: boolean;
  /** Codes that only count in capitals ("TRY 500", not "try 5"). */
  codes?: readonly string[];
}

export const UNITS: readonly UnitForms[] = [
  {
    unit: 'dose',
    one: ['جرعة', 'dose'],
    two: ['جرعتان', 'جرعتين'],
    many: ['جرعات', 'doses'],
  },
  {
    unit: 'tonne',
    one: ['طن', 'طنا', 'طن متري', 'طنا متريا', 'ton', 'tonne', 'metric ton', 'metric tonne'],
    two: ['طنان', 'طنين'],
    many: ['أطنان', 'أطنان مترية', 'tons', 'tonnes', 'metric tons', 'metric tonnes', 'mt'],
    measure: true,
  },
  {
    unit: 'kg',
    one: [
      'كغ',
      'كلغ',
      'كجم',
      'كيلو',
      'كيلوغرام',
      'كيلوغراما',
      'كيلو غرام',
      'كيلوجرام',
      'كيلوجراما',
      'kg',
      'kilogram',
      'kilo',
    ],
    two: ['كيلوغرامين', 'كيلوين'],
    many: ['كيلوغرامات', 'كيلوجرامات', 'كيلوات', 'kgs', 'kilograms', 'kilos'],
    measure: true,
  },
  {
    unit: 'litre',
    one: ['لتر', 'لترا', 'ليتر', 'ليترا', 'litre', 'liter'],
    two: ['لتران', 'لترين', 'ليتران', 'ليترين'],
    many: ['لترات', 'ليترات', 'litres', 'liters'],
    measure: true,
  },
  {
    unit: 'food_basket',
    one: ['سلة غذائية', 'سلة', 'حصة غذائية', 'طرد غذائي', 'طردا غذائيا', 'food basket', 'food parcel'],
    two: ['سلتان', 'سلتين', 'سلتين غذائيتين', 'حصتين غذائيتين'],
    many: [
      'سلال غذائية',
      'سلات غذائية',
      'سلال',
      'سلات',
      'حصص غذائية',
      'طرود غذائية',
      'food baskets',
      'food parcels',
    ],
  },
  {
    unit: 'parcel',
    one: ['حصة', 'طرد', 'طردا', 'parcel'],
    two: ['حصتين', 'حصتان', 'طردين', 'طردان'],
    many: ['حصص', 'طرود', 'parcels'],
  },
  {
    unit: 'kit',
    one: ['حقيبة', 'سلة صحية', 'سلة نظافة', 'kit', 'hygiene kit', 'dignity kit'],
    two: ['حقيبتين', 'حقيبتان'],
    many: ['حقائب', 'سلال صحية', 'سلال نظافة', 'kits', 'hygiene kits', 'dignity kits', 'winter kits'],
  },
  {
    unit: 'tent',
    one: ['خيمة', 'tent'],
    two: ['خيمتين', 'خيمتان'],
    many: ['خيام', 'خيم', 'خيمات', 'tents'],
  },
  {
    unit: 'blanket',
    one: ['بطانية', 'blanket'],
    two: ['بطانيتين', 'بطانيتان'],
    many: ['بطانيات', 'blankets'],
  },
  {
    unit: 'household',
    one: ['عائلة', 'أسرة', 'family', 'household'],
    two: ['عائلتين', 'عائلتان', 'أسرتين', 'أسرتان'],
    many: ['عائلات', 'عوائل', 'أسر', 'families', 'households'],
  },
  {
    unit: 'person',
    one: [
      'شخص',
      'شخصا',
      'فرد',
      'فردا',
      'نسمة',
      'مواطن',
      'مواطنا',
      'مستفيد',
      'مستفيدا',
      'مدني',
      'مدنيا',
      'person',
    ],
    two: ['شخصين', 'شخصان', 'فردين', 'فردان'],
    many: [
      'أشخاص',
      'أفراد',
      'مواطنين',
      'مواطنون',
      'مستفيدين',
      'مستفيدون',
      'مدنيين',
      'مدنيون',
      'people',
      'persons',
      'individuals',
      'beneficiaries',
      'civilians',
      'residents',
    ],
  },
  {
    unit: 'child',
    one: ['طفل', 'طفلا', 'طفلة', 'child'],
    two: ['طفلين', 'طفلان'],
    many: ['أطفال', 'children'],
  },
  {
    unit: 'refugee',
    one: ['لاجئ', 'لاجئا', 'لاجئة', 'refugee'],
    many: ['لاجئين', 'لاجئون', 'لاجئات', 'refugees'],
  },
  {
    unit: 'returnee',
    one: ['عائد', 'عائدا', 'returnee'],
    many: ['عائدين', 'عائدون', 'returnees'],
  },
  {
    unit: 'idp',
    one: [
      'نازح',
      'نازحا',
      'نازحة',
      'مهجر',
      'مهجرا',
      'idp',
      'displaced person',
      'internally displaced person',
    ],
    many: [
      'نازحين',
      'نازحون',
      'نازحات',
      'مهجرين',
      'مهجرون',
      'idps',
      'displaced people',
      'displaced persons',
      'internally displaced people',
      'internally displaced persons',
    ],
  },
  {
    unit: 'camp',
    one: ['مخيم', 'مخيما', 'camp'],
    two: ['مخيمين', 'مخيمان'],
    many: ['مخيمات', 'camps'],
  },
  {
    unit: 'school',
    one: ['مدرسة', 'school'],
    two: ['مدرستين', 'مدرستان'],
    many: ['مدارس', 'schools'],
  },
  {
    unit: 'hospital',
    one: ['مستشفى', 'مشفى', 'hospital'],
    two: ['مستشفيين', 'مستشفيان', 'مشفيين'],
    many: ['مستشفيات', 'مشافي', 'hospitals'],
  },
  {
    unit: 'facility',
    one: [
      'منشأة',
      'مرفق',
      'مرفقا',
      'مرفق صحي',
      'مركز',
      'مركزا',
      'مركز صحي',
      'facility',
      'health facility',
      'health centre',
      'health center',
    ],
    two: ['منشأتين', 'مرفقين', 'مركزين'],
    many: [
      'منشآت',
      'مرافق',
      'مرافق صحية',
      'مراكز',
      'مراكز صحية',
      'facilities',
      'health facilities',
      'health centres',
      'health centers',
    ],
  },
  {
    unit: 'truck',
    one: ['شاحنة', 'truck', 'lorry'],
    two: ['شاحنتين', 'شاحنتان'],
    many: ['شاحنات', 'trucks', 'lorries'],
  },
  {
    unit: 'convoy',
    one: ['قافلة', 'convoy'],
    two: ['قافلتين', 'قافلتان'],
    many: ['قوافل', 'convoys'],
  },
  {
    unit: 'shipment',
    one: ['شحنة', 'shipment', 'consignment'],
    two: ['شحنتين', 'شحنتان'],
    many: ['شحنات', 'shipments', 'consignments'],
  },
  {
    unit: 'city',
    one: ['مدينة', 'city'],
    two: ['مدينتين', 'مدينتان'],
    many: ['مدن', 'cities'],
  },
  {
    unit: 'village',
    one: ['قرية', 'بلدة', 'village'],
    two: ['قريتين', 'قريتان', 'بلدتين'],
    many: ['قرى', 'بلدات', 'villages'],
  },
  {
    unit: 'agreement',
    // A bare «مذكرة» is as often an arrest warrant or a memo: only «مذكرة تفاهم» is an agreement.
    one: ['اتفاقية', 'اتفاق', 'اتفاقا', 'مذكرة تفاهم', 'agreement', 'memorandum of understanding', 'mou'],
    two: ['اتفاقيتين', 'اتفاقيتان', 'اتفاقين', 'مذكرتي تفاهم'],
    many: [
      'اتفاقيات',
      'اتفاقات',
      'مذكرات تفاهم',
      'agreements',
      'memoranda of understanding',
      'memorandums of understanding',
      'memoranda',
      'mous',
    ],
  },
  {
    unit: 'meeting',
    one: ['اجتماع', 'اجتماعا', 'meeting'],
    two: ['اجتماعين', 'اجتماعان'],
    many: ['اجتماعات', 'meetings'],
  },
  {
    unit: 'point',
    one: ['نقطة', 'point'],
    two: ['نقطتين', 'نقطتان'],
    many: ['نقاط', 'points'],
  },
  {
    unit: 'usd',
    one: ['دولار', 'دولارا', 'دولار أمريكي', 'دولار أميركي', 'دولارا أمريكيا', 'dollar', 'us dollar', '$'],
    two: ['دولارين', 'دولاران'],
    many: ['دولارات', 'دولارات أمريكية', 'dollars', 'us dollars'],
    before: ['us$', '$'],
    codes: ['USD'],
  },
  {
    unit: 'eur',
    one: ['يورو', 'أورو', 'euro', '€'],
    many: ['euros'],
    before: ['€'],
    codes: ['EUR'],
  },
  {
    unit: 'gbp',
    // A bare «جنيه» is sterling here: in Syria-related news it is nearly always UK funding.
    one: ['جنيه إسترليني', 'جنيه', 'pound sterling', '£'],
    two: ['جنيهين'],
    many: ['جنيهات إسترلينية', 'جنيهات', 'pounds sterling'],
    before: ['£'],
    codes: ['GBP'],
  },
  {
    unit: 'syp',
    // A bare «ليرة» is the Syrian pound: the Arabic press always qualifies the Turkish lira («ليرة تركية»).
    one: ['ليرة سورية', 'ليرة', 'ل.س', 'ل. س', 'syrian pound', 'syrian lira'],
    two: ['ليرتين'],
    many: ['ليرات سورية', 'ليرات', 'syrian pounds', 'syrian liras'],
    codes: ['SYP'],
  },
  {
    unit: 'try',
    one: ['ليرة تركية', 'ل.ت', 'turkish lira', 'lira', '₺'],
    many: ['ليرات تركية', 'turkish liras', 'liras'],
    before: ['₺'],
    codes: ['TRY'],
  },
  {
    unit: 'rub',
    one: ['روبل', 'روبلا', 'rouble', 'ruble', '₽'],
    many: ['روبلات', 'roubles', 'rubles'],
    codes: ['RUB'],
  },
  {
    unit: 'lbp',
    one: ['ليرة لبنانية', 'ل.ل', 'lebanese pound'],
    many: ['ليرات لبنانية', 'lebanese pounds'],
    codes: ['LBP'],
  },
  {
    unit: 'jod',
    one: ['دينار أردني', 'jordanian dinar'],
    many: ['دنانير أردنية', 'jordanian dinars'],
    codes: ['JOD'],
  },
  {
    unit: 'kwd',
    one: ['دينار كويتي', 'kuwaiti dinar'],
    many: ['دنانير كويتية', 'kuwaiti dinars'],
    codes: ['KWD'],
  },
  {
    unit: 'iqd',
    one: ['دينار عراقي', 'iraqi dinar'],
    many: ['دنانير عراقية', 'iraqi dinars'],
    codes: ['IQD'],
  },
  {
    unit: 'egp',
    one: ['جنيه مصري', 'ج.م.', 'ج.م', 'egyptian pound'],
    many: ['جنيهات مصرية', 'egyptian pounds'],
    codes: ['EGP'],
  },
  {
    unit: 'sar',
    one: ['ريال سعودي', 'ر.س', 'saudi riyal'],
    many: ['ريالات سعودية', 'saudi riyals'],
    codes: ['SAR'],
  },
  {
    unit: 'qar',
    one: ['ريال قطري', 'qatari riyal'],
    many: ['ريالات قطرية', 'qatari riyals'],
    codes: ['QAR'],
  },
  {
    unit: 'aed',
    one: ['درهم إماراتي', 'emirati dirham'],
    many: ['دراهم إماراتية', 'emirati dirhams'],
    codes: ['AED'],
  },
  { unit: 'ils', one: ['شيقل', 'شيكل', 'shekel'], many: ['شواقل', 'شيكلات', 'shekels'], codes: ['ILS'] },
  // Without a country the currency is unknown: the unit says which kind it is and no more.
  { unit: 'dinar', one: ['دينار', 'dinar'], two: ['دينارين'], many: ['دنانير', 'dinars'] },
  { unit: 'riyal', one: ['ريال', 'riyal'], many: ['ريالات', 'riyals'] },
  { unit: 'cent', one: ['سنت', 'سنتا', 'سينت', 'cent', '¢'], many: ['سنتات', 'سينتات', 'cents'] },
];

/** Currencies whose amounts may add cents («20 دولارا و43 سنتا»). */
export const CENT_CURRENCIES: ReadonlySet<string> = new Set(['usd', 'eur']);

/** What is counted, by the words that name it; English where the item is known. */
export const ITEMS: readonly [string, readonly string[]][] = [
  [
    'humanitarian aid',
    ['مساعدات إنسانية', 'المساعدات الإنسانية', 'humanitarian aid', 'humanitarian assistance'],
  ],
  ['food aid', ['مساعدات غذائية', 'المساعدات الغذائية', 'food aid', 'food assistance']],
  ['medical aid', ['مساعدات طبية', 'المساعدات الطبية', 'medical aid']],
  ['relief items', ['مواد إغاثية', 'المواد الإغاثية', 'relief items', 'non-food items']],
  ['aid', ['مساعدات', 'المساعدات', 'aid', 'assistance']],
  ['food', ['مواد غذائية', 'المواد الغذائية', 'أغذية', 'الأغذية', 'غذاء', 'الغذاء', 'food', 'foodstuffs']],
  ['wheat flour', ['طحين القمح', 'wheat flour']],
  ['flour', ['طحين', 'الطحين', 'دقيق', 'الدقيق', 'flour']],
  ['wheat', ['قمح', 'القمح', 'wheat']],
  ['bread', ['خبز', 'الخبز', 'bread']],
  ['rice', ['أرز', 'الأرز', 'رز', 'الرز', 'rice']],
  ['sugar', ['سكر', 'السكر', 'sugar']],
  ['cooking oil', ['زيت', 'الزيت', 'زيت الطبخ', 'cooking oil', 'vegetable oil']],
  ['drinking water', ['مياه الشرب', 'مياه صالحة للشرب', 'drinking water', 'safe water']],
  ['water', ['مياه', 'المياه', 'ماء', 'الماء', 'water']],
  ['diesel', ['مازوت', 'المازوت', 'ديزل', 'الديزل', 'diesel']],
  ['fuel', ['وقود', 'الوقود', 'محروقات', 'المحروقات', 'fuel']],
  ['medicines', ['أدوية', 'الأدوية', 'medicines', 'medicine', 'drugs']],
  [
    'medical supplies',
    [
      'مستلزمات طبية',
      'المستلزمات الطبية',
      'لوازم طبية',
      'اللوازم الطبية',
      'إمدادات طبية',
      'الإمدادات الطبية',
      'معدات طبية',
      'المعدات الطبية',
      'medical supplies',
      'medical equipment',
    ],
  ],
  ['vaccine', ['لقاح', 'اللقاح', 'لقاحات', 'اللقاحات', 'vaccine', 'vaccines']],
  ['seeds', ['بذور', 'البذور', 'seeds']],
  ['fodder', ['أعلاف', 'الأعلاف', 'علف', 'fodder']],
];

/** Vaccines known by name: «جرعة من لقاح سبوتنيك لايت» counts doses of the "Sputnik Light vaccine". */
export const VACCINES: readonly [string, readonly string[]][] = [
  ['Sputnik Light', ['سبوتنيك لايت', 'سبوتنيك-لايت', 'sputnik light']],
  ['Sputnik V', ['سبوتنيك في', 'سبوتنيك v', 'سبوتنيك 5', 'سبوتنيك', 'sputnik v', 'sputnik']],
  ['Pfizer-BioNTech', ['فايزر', 'بيونتك', 'pfizer', 'biontech']],
  ['AstraZeneca', ['أسترازينيكا', 'استرازينيكا', 'أسترازينكا', 'استرازينكا', 'astrazeneca']],
  ['Sinovac', ['سينوفاك', 'sinovac']],
  ['Sinopharm', ['سينوفارم', 'sinopharm']],
  ['Moderna', ['موديرنا', 'moderna']],
  ['Johnson & Johnson', ['جونسون آند جونسون', 'جونسون', 'johnson & johnson', 'janssen']],
];

export type QualifierName = 'about' | 'more_than' | 'at_least' | 'less_than' | 'up_to';

/** Written right before the number (or before its currency sign). */
export const QUALIFIERS_BEFORE: readonly [QualifierName, readonly string[]][] = [
  [
    'about',
    [
      'حوالي',
      'حوالى',
      'نحو',
      'قرابة',
      'زهاء',
      'ما يقارب',
      'يقارب',
      'ما يقرب من',
      'يقرب من',
      'ما يناهز',
      'يناهز',
      'تقريبا',
      'بحدود',
      'في حدود',
      'about',
      'around',
      'approximately',
      'approx.',
      'roughly',
      'some',
      'nearly',
      'almost',
      'close to',
      'an estimated',
      'estimated',
    ],
  ],
  [
    'more_than',
    [
      'أكثر من',
      'ما يزيد على',
      'ما يزيد عن',
      'يزيد على',
      'يزيد عن',
      'أزيد من',
      'ما يربو على',
      'يربو على',
      'ما يفوق',
      'يفوق',
      'over',
      'more than',
      'above',
      'in excess of',
      'upwards of',
    ],
  ],
  ['at_least', ['لا يقل عن', 'ما لا يقل عن', 'at least', 'no fewer than', 'no less than', 'a minimum of']],
  ['less_than', ['أقل من', 'ما يقل عن', 'تحت', 'less than', 'fewer than', 'under', 'below']],
  ['up_to', ['حتى', 'ما يصل إلى', 'يصل إلى', 'ما يصل الى', 'up to', 'as many as']],
];

/** Written after the unit: «160 طناً تقريباً», «500 عائلة على الأقل», "500 families or more". */
export const QUALIFIERS_AFTER: readonly [QualifierName, readonly string[]][] = [
  ['about', ['تقريبا', 'approximately', 'or so']],
  ['at_least', ['على الأقل', 'فأكثر', 'أو أكثر', 'at least', 'or more']],
];
