/**
 * Organizations by name (UN bodies, the Red Cross and Red Crescent, NGOs, media, armed groups), and the
 * parts from which organizations.ts builds the names of ministries, embassies, governments and armed
 * forces («وزارة الدفاع الروسية» → "Russian Ministry of Defence").
 */
import type { OrganizationKind } from '../types.js';

export interface OrganizationEntry {
  name: string;
  kind: OrganizationKind;
  ar?: readonly string[];
  /** As written: acronyms of up to three letters only match in capitals ("WHO", not "who"). */
  en?: readonly string[];
}

// biome-ignore format: one organization per line
export const organizations: readonly OrganizationEntry[] = [
  // United Nations
  { name: 'United Nations', kind: 'un_agency', ar: ['الأمم المتحدة', 'هيئة الأمم المتحدة', 'منظمة الأمم المتحدة'], en: ['United Nations', 'UN', 'U.N.'] },
  { name: 'United Nations High Commissioner for Refugees', kind: 'un_agency', ar: ['مفوضية الأمم المتحدة لشؤون اللاجئين', 'مفوضية الأمم المتحدة السامية لشؤون اللاجئين', 'المفوضية السامية للأمم المتحدة لشؤون اللاجئين', 'المفوضية السامية لشؤون اللاجئين', 'المفوضية السامية', 'مفوضية اللاجئين', 'مفوضية شؤون اللاجئين', 'المفوضية الأممية لشؤون اللاجئين'], en: ['UNHCR', 'UN Refugee Agency', 'UN refugee agency', 'United Nations High Commissioner for Refugees', 'Office of the United Nations High Commissioner for Refugees', 'UN High Commissioner for Refugees', 'United Nations Refugee Agency'] },
  { name: 'World Food Programme', kind: 'un_agency', ar: ['برنامج الأغذية العالمي', 'برنامج الغذاء العالمي', 'برنامج الأغذية العالمي التابع للأمم المتحدة'], en: ['WFP', 'World Food Programme', 'World Food Program', 'UN World Food Programme'] },
  { name: "United Nations Children's Fund", kind: 'un_agency', ar: ['اليونيسف', 'اليونيسيف', 'يونيسف', 'منظمة الأمم المتحدة للطفولة', 'صندوق الأمم المتحدة للطفولة', 'منظمة اليونيسف'], en: ['UNICEF', "United Nations Children's Fund", "UN Children's Fund"] },
  { name: 'World Health Organization', kind: 'un_agency', ar: ['منظمة الصحة العالمية'], en: ['WHO', 'World Health Organization', 'World Health Organisation'] },
  { name: 'UN Office for the Coordination of Humanitarian Affairs', kind: 'un_agency', ar: ['مكتب تنسيق الشؤون الإنسانية', 'مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية', 'مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية أوتشا', 'أوتشا', 'اوتشا'], en: ['OCHA', 'UN OCHA', 'UNOCHA', 'Office for the Coordination of Humanitarian Affairs', 'UN Office for the Coordination of Humanitarian Affairs'] },
  { name: 'United Nations Relief and Works Agency for Palestine Refugees', kind: 'un_agency', ar: ['الأونروا', 'الاونروا', 'أونروا', 'وكالة غوث وتشغيل اللاجئين الفلسطينيين', 'وكالة الأمم المتحدة لإغاثة وتشغيل اللاجئين الفلسطينيين'], en: ['UNRWA', 'United Nations Relief and Works Agency'] },
  { name: 'United Nations Development Programme', kind: 'un_agency', ar: ['برنامج الأمم المتحدة الإنمائي'], en: ['UNDP', 'United Nations Development Programme', 'UN Development Programme'] },
  { name: 'International Organization for Migration', kind: 'un_agency', ar: ['المنظمة الدولية للهجرة', 'منظمة الهجرة الدولية'], en: ['IOM', 'International Organization for Migration'] },
  { name: 'United Nations Population Fund', kind: 'un_agency', ar: ['صندوق الأمم المتحدة للسكان'], en: ['UNFPA', 'United Nations Population Fund', 'UN Population Fund'] },
  { name: 'Food and Agriculture Organization', kind: 'un_agency', ar: ['منظمة الأغذية والزراعة', 'منظمة الفاو', 'الفاو'], en: ['FAO', 'Food and Agriculture Organization'] },
  { name: 'UNESCO', kind: 'un_agency', ar: ['اليونسكو', 'منظمة اليونسكو'], en: ['UNESCO'] },
  { name: 'UN Security Council', kind: 'un_agency', ar: ['مجلس الأمن', 'مجلس الأمن الدولي', 'مجلس الأمن التابع للأمم المتحدة'], en: ['Security Council', 'UN Security Council', 'United Nations Security Council', 'UNSC'] },
  { name: 'UN General Assembly', kind: 'un_agency', ar: ['الجمعية العامة للأمم المتحدة'], en: ['UN General Assembly', 'United Nations General Assembly'] },
  { name: 'UN Human Rights Council', kind: 'un_agency', ar: ['مجلس حقوق الإنسان', 'مجلس حقوق الإنسان التابع للأمم المتحدة'], en: ['Human Rights Council', 'UN Human Rights Council'] },
  { name: 'Office of the UN High Commissioner for Human Rights', kind: 'un_agency', ar: ['المفوضية السامية لحقوق الإنسان', 'مفوضية الأمم المتحدة السامية لحقوق الإنسان', 'المفوضية السامية للأمم المتحدة لحقوق الإنسان'], en: ['OHCHR', 'UN Human Rights Office'] },
  { name: 'UN Special Envoy for Syria', kind: 'un_agency', ar: ['المبعوث الأممي', 'المبعوث الأممي إلى سوريا', 'المبعوث الأممي الخاص إلى سوريا', 'المبعوث الخاص للأمم المتحدة إلى سوريا', 'المبعوث الدولي إلى سوريا', 'المبعوث الأممي إلى سورية'], en: ['UN Special Envoy for Syria', 'UN envoy', 'UN Special Envoy'] },
  { name: 'UN Disengagement Observer Force', kind: 'un_agency', ar: ['قوة الأمم المتحدة لمراقبة فض الاشتباك', 'أندوف'], en: ['UNDOF'] },
  { name: 'Syrian Constitutional Committee', kind: 'other', ar: ['اللجنة الدستورية', 'اللجنة الدستورية السورية'], en: ['Constitutional Committee'] },
  // Red Cross and Red Crescent
  { name: 'International Committee of the Red Cross', kind: 'red_cross_red_crescent', ar: ['اللجنة الدولية للصليب الأحمر', 'الصليب الأحمر الدولي', 'الصليب الأحمر', 'لجنة الصليب الأحمر الدولية'], en: ['ICRC', 'International Committee of the Red Cross', 'Red Cross'] },
  { name: 'International Federation of Red Cross and Red Crescent Societies', kind: 'red_cross_red_crescent', ar: ['الاتحاد الدولي لجمعيات الصليب الأحمر والهلال الأحمر'], en: ['IFRC', 'International Federation of Red Cross and Red Crescent Societies'] },
  { name: 'Syrian Arab Red Crescent', kind: 'red_cross_red_crescent', ar: ['الهلال الأحمر العربي السوري', 'منظمة الهلال الأحمر العربي السوري', 'الهلال الأحمر السوري'], en: ['SARC', 'Syrian Arab Red Crescent', 'Syrian Red Crescent'] },
  { name: 'Turkish Red Crescent', kind: 'red_cross_red_crescent', ar: ['الهلال الأحمر التركي'], en: ['Turkish Red Crescent', 'Kizilay', 'Kızılay'] },
  { name: 'Qatar Red Crescent', kind: 'red_cross_red_crescent', ar: ['الهلال الأحمر القطري'], en: ['Qatar Red Crescent'] },
  { name: 'Emirates Red Crescent', kind: 'red_cross_red_crescent', ar: ['الهلال الأحمر الإماراتي'], en: ['Emirates Red Crescent'] },
  { name: 'Red Crescent', kind: 'red_cross_red_crescent', ar: ['الهلال الأحمر'], en: ['Red Crescent'] },
  // NGOs
  { name: 'Médecins Sans Frontières', kind: 'ngo', ar: ['أطباء بلا حدود', 'منظمة أطباء بلا حدود'], en: ['MSF', 'Médecins Sans Frontières', 'Medecins Sans Frontieres', 'Doctors Without Borders'] },
  { name: 'Save the Children', kind: 'ngo', ar: ['منظمة إنقاذ الطفولة', 'إنقاذ الطفولة', 'أنقذوا الأطفال', 'منظمة أنقذوا الأطفال', 'سيف ذا تشيلدرن'], en: ['Save the Children'] },
  { name: 'Oxfam', kind: 'ngo', ar: ['أوكسفام', 'اوكسفام', 'منظمة أوكسفام'], en: ['Oxfam'] },
  { name: 'Norwegian Refugee Council', kind: 'ngo', ar: ['المجلس النرويجي للاجئين'], en: ['NRC', 'Norwegian Refugee Council'] },
  { name: 'Danish Refugee Council', kind: 'ngo', ar: ['المجلس الدنماركي للاجئين'], en: ['Danish Refugee Council'] },
  { name: 'International Rescue Committee', kind: 'ngo', ar: ['لجنة الإنقاذ الدولية'], en: ['IRC', 'International Rescue Committee'] },
  { name: 'Mercy Corps', kind: 'ngo', ar: ['ميرسي كور', 'ميرسي كوربس'], en: ['Mercy Corps'] },
  { name: 'CARE International', kind: 'ngo', ar: ['منظمة كير'], en: ['CARE International'] },
  { name: 'Islamic Relief', kind: 'ngo', ar: ['الإغاثة الإسلامية', 'منظمة الإغاثة الإسلامية'], en: ['Islamic Relief'] },
  { name: 'Syrian American Medical Society', kind: 'ngo', ar: ['الجمعية الطبية السورية الأمريكية', 'سامز', 'منظمة سامز'], en: ['SAMS', 'Syrian American Medical Society'] },
  { name: 'Human Rights Watch', kind: 'ngo', ar: ['هيومن رايتس ووتش', 'منظمة هيومن رايتس ووتش'], en: ['HRW', 'Human Rights Watch'] },
  { name: 'Amnesty International', kind: 'ngo', ar: ['منظمة العفو الدولية', 'العفو الدولية'], en: ['Amnesty International', 'Amnesty'] },
  { name: 'Syrian Observatory for Human Rights', kind: 'ngo', ar: ['المرصد السوري لحقوق الإنسان', 'المرصد السوري'], en: ['SOHR', 'Syrian Observatory for Human Rights', 'Syrian Observatory'] },
  { name: 'Syrian Network for Human Rights', kind: 'ngo', ar: ['الشبكة السورية لحقوق الإنسان'], en: ['SNHR', 'Syrian Network for Human Rights'] },
  { name: 'Syria Civil Defence', kind: 'ngo', ar: ['الدفاع المدني السوري', 'الخوذ البيضاء', 'منظمة الخوذ البيضاء'], en: ['White Helmets', 'Syria Civil Defence', 'Syrian Civil Defence', 'Syria Civil Defense'] },
  { name: 'Aga Khan Foundation', kind: 'ngo', ar: ['مؤسسة الآغا خان'], en: ['Aga Khan Foundation'] },
  // Media
  { name: 'Syrian Arab News Agency', kind: 'media', ar: ['سانا', 'وكالة سانا', 'الوكالة العربية السورية للأنباء'], en: ['SANA', 'Syrian Arab News Agency'] },
  { name: 'Reuters', kind: 'media', ar: ['رويترز', 'وكالة رويترز'], en: ['Reuters'] },
  { name: 'Agence France-Presse', kind: 'media', ar: ['فرانس برس', 'وكالة فرانس برس', 'وكالة الصحافة الفرنسية', 'أ ف ب'], en: ['AFP', 'Agence France-Presse', 'Agence France Presse'] },
  { name: 'Associated Press', kind: 'media', ar: ['أسوشيتد برس', 'أسوشييتد برس', 'وكالة أسوشيتد برس'], en: ['Associated Press'] },
  { name: 'Al Jazeera', kind: 'media', ar: ['قناة الجزيرة', 'الجزيرة نت', 'شبكة الجزيرة'], en: ['Al Jazeera', 'Al-Jazeera'] },
  { name: 'Al Arabiya', kind: 'media', ar: ['قناة العربية', 'العربية نت'], en: ['Al Arabiya', 'Al-Arabiya'] },
  { name: 'BBC', kind: 'media', ar: ['بي بي سي', 'هيئة الإذاعة البريطانية'], en: ['BBC'] },
  { name: 'Sputnik', kind: 'media', ar: ['وكالة سبوتنيك', 'سبوتنيك عربي'], en: ['Sputnik News'] },
  { name: 'TASS', kind: 'media', ar: ['وكالة تاس', 'تاس'], en: ['TASS'] },
  { name: 'RIA Novosti', kind: 'media', ar: ['ريا نوفوستي', 'وكالة ريا نوفوستي'], en: ['RIA Novosti'] },
  { name: 'Anadolu Agency', kind: 'media', ar: ['وكالة الأناضول'], en: ['Anadolu Agency', 'Anadolu'] },
  { name: 'Enab Baladi', kind: 'media', ar: ['عنب بلدي'], en: ['Enab Baladi'] },
  { name: 'Baladi News', kind: 'media', ar: ['بلدي نيوز'], en: ['Baladi News'] },
  { name: 'Syria TV', kind: 'media', ar: ['تلفزيون سوريا'], en: ['Syria TV'] },
  { name: 'Al-Watan', kind: 'media', ar: ['صحيفة الوطن', 'جريدة الوطن'], en: [] },
  { name: 'Al-Ikhbariya', kind: 'media', ar: ['الإخبارية السورية', 'قناة الإخبارية'], en: ['Al-Ikhbariya'] },
  { name: 'Asharq Al-Awsat', kind: 'media', ar: ['صحيفة الشرق الأوسط'], en: ['Asharq Al-Awsat'] },
  { name: 'The Washington Post', kind: 'media', ar: ['واشنطن بوست', 'صحيفة واشنطن بوست'], en: ['Washington Post'] },
  { name: 'The New York Times', kind: 'media', ar: ['نيويورك تايمز', 'صحيفة نيويورك تايمز'], en: ['New York Times'] },
  // Governments and political bodies with a proper name
  { name: 'Syrian government', kind: 'government', ar: ['نظام الأسد', 'نظام بشار الأسد', 'حكومة النظام', 'حكومة دمشق'], en: ['Assad regime', 'Assad government', 'Government of Syria', 'Syrian regime'] },
  { name: 'Syrian Interim Government', kind: 'government', ar: ['الحكومة السورية المؤقتة', 'الحكومة المؤقتة'], en: ['Syrian Interim Government'] },
  { name: 'Syrian Salvation Government', kind: 'government', ar: ['حكومة الإنقاذ', 'حكومة الإنقاذ السورية'], en: ['Syrian Salvation Government', 'Salvation Government'] },
  { name: 'Autonomous Administration of North and East Syria', kind: 'government', ar: ['الإدارة الذاتية', 'الإدارة الذاتية لشمال وشرق سوريا', 'الإدارة الذاتية الكردية'], en: ['Autonomous Administration', 'AANES'] },
  { name: 'Syrian National Coalition', kind: 'other', ar: ['الائتلاف الوطني السوري', 'الائتلاف السوري', 'الائتلاف الوطني لقوى الثورة والمعارضة السورية'], en: ['Syrian National Coalition', 'National Coalition'] },
  { name: 'Syrian Negotiations Commission', kind: 'other', ar: ['هيئة التفاوض السورية', 'هيئة التفاوض'], en: ['Syrian Negotiations Commission', 'SNC'] },
  { name: 'White House', kind: 'government', ar: ['البيت الأبيض'], en: ['White House'] },
  { name: 'Kremlin', kind: 'government', ar: ['الكرملين'], en: ['Kremlin'] },
  { name: 'US Department of Defense', kind: 'government', ar: ['البنتاغون', 'البنتاجون', 'وزارة الدفاع الأمريكية البنتاغون'], en: ['Pentagon'] },
  { name: 'US Department of State', kind: 'government', ar: [], en: ['State Department', 'US State Department', 'U.S. State Department', 'Department of State', 'US Department of State', 'U.S. Department of State'] },
  { name: 'Russian Centre for Reconciliation of Opposing Sides in Syria', kind: 'military', ar: ['المركز الروسي للمصالحة', 'مركز المصالحة الروسي', 'مركز المصالحة الروسي في حميميم', 'المركز الروسي للمصالحة بين الأطراف المتنازعة في سوريا', 'مركز حميميم'], en: ['Russian Reconciliation Centre', 'Russian Reconciliation Center', 'Russian Centre for Reconciliation', 'Russian Center for Reconciliation'] },
  { name: 'European Union', kind: 'other', ar: ['الاتحاد الأوروبي', 'الاتحاد الأوربي'], en: ['European Union', 'EU'] },
  { name: 'European Commission', kind: 'other', ar: ['المفوضية الأوروبية', 'المفوضية الأوربية'], en: ['European Commission'] },
  { name: 'Arab League', kind: 'other', ar: ['جامعة الدول العربية', 'الجامعة العربية'], en: ['Arab League', 'League of Arab States'] },
  { name: 'World Bank', kind: 'other', ar: ['البنك الدولي'], en: ['World Bank'] },
  { name: 'International Monetary Fund', kind: 'other', ar: ['صندوق النقد الدولي'], en: ['IMF', 'International Monetary Fund'] },
  { name: 'Organisation for the Prohibition of Chemical Weapons', kind: 'other', ar: ['منظمة حظر الأسلحة الكيميائية'], en: ['OPCW', 'Organisation for the Prohibition of Chemical Weapons', 'Organization for the Prohibition of Chemical Weapons'] },
  { name: 'Organisation of Islamic Cooperation', kind: 'other', ar: ['منظمة التعاون الإسلامي'], en: ['OIC', 'Organisation of Islamic Cooperation', 'Organization of Islamic Cooperation'] },
  { name: 'NATO', kind: 'military', ar: ['حلف الناتو', 'الناتو', 'حلف شمال الأطلسي'], en: ['NATO', 'Nato'] },
  // Armed forces and groups
  { name: 'Syrian Arab Army', kind: 'military', ar: ['الجيش العربي السوري', 'جيش النظام'], en: ['Syrian Arab Army', 'SAA'] },
  { name: 'Syrian government forces', kind: 'military', ar: ['قوات النظام', 'قوات النظام السوري', 'قوات الأسد', 'القوات الحكومية السورية'], en: ['Syrian government forces', 'regime forces', 'Assad forces'] },
  { name: 'Syrian Democratic Forces', kind: 'military', ar: ['قوات سوريا الديمقراطية', 'قوات سورية الديمقراطية', 'قسد'], en: ['SDF', 'Syrian Democratic Forces'] },
  { name: "People's Protection Units", kind: 'military', ar: ['وحدات حماية الشعب', 'وحدات حماية الشعب الكردية'], en: ['YPG', "People's Protection Units"] },
  { name: 'Syrian National Army', kind: 'military', ar: ['الجيش الوطني السوري'], en: ['Syrian National Army', 'SNA'] },
  { name: 'Free Syrian Army', kind: 'military', ar: ['الجيش السوري الحر', 'الجيش الحر'], en: ['Free Syrian Army', 'FSA'] },
  { name: "Hay'at Tahrir al-Sham", kind: 'military', ar: ['هيئة تحرير الشام', 'تحرير الشام'], en: ['HTS', "Hay'at Tahrir al-Sham", 'Hayat Tahrir al-Sham', 'Tahrir al-Sham'] },
  { name: 'Ahrar al-Sham', kind: 'military', ar: ['أحرار الشام', 'حركة أحرار الشام'], en: ['Ahrar al-Sham'] },
  { name: 'Islamic State', kind: 'military', ar: ['تنظيم الدولة', 'تنظيم الدولة الإسلامية', 'داعش', 'تنظيم داعش'], en: ['Islamic State', 'ISIS', 'ISIL', 'Daesh'] },
  { name: 'Hezbollah', kind: 'military', ar: ['حزب الله', 'حزب الله اللبناني', 'ميليشيا حزب الله'], en: ['Hezbollah', 'Hizbollah', 'Hizballah'] },
  { name: 'Islamic Revolutionary Guard Corps', kind: 'military', ar: ['الحرس الثوري الإيراني', 'الحرس الثوري'], en: ['IRGC', 'Islamic Revolutionary Guard Corps', 'Revolutionary Guards'] },
  { name: 'Global Coalition against Daesh', kind: 'military', ar: ['التحالف الدولي', 'التحالف الدولي لمحاربة داعش', 'قوات التحالف الدولي'], en: ['US-led coalition', 'U.S.-led coalition', 'Global Coalition'] },
  { name: 'Wagner Group', kind: 'military', ar: ['فاغنر', 'مجموعة فاغنر'], en: ['Wagner Group', 'Wagner'] },
  { name: 'National Security Council', kind: 'government', ar: ['مجلس الأمن القومي', 'مجلس الأمن الوطني'], en: ['National Security Council'] },
];

export interface Department {
  /** "Defence" in "Ministry of Defence". */
  name: string;
  /** The US executive department, when it differs from "Department of {name}". */
  us?: string;
  ar: readonly string[];
  /** Words that precede "Ministry" ("Defence Ministry") or follow "Ministry of", in any case. */
  en: readonly string[];
  /** Names the ministry without «وزارة» when a nationality adjective follows («الدفاع الروسية»). */
  bare?: boolean;
}

// biome-ignore format: one department per line
export const departments: readonly Department[] = [
  { name: 'Defence', us: 'Department of Defense', ar: ['الدفاع'], en: ['Defence', 'Defense'], bare: true },
  { name: 'Foreign Affairs', us: 'Department of State', ar: ['الخارجية'], en: ['Foreign Affairs', 'Foreign'], bare: true },
  { name: 'Foreign Affairs and Expatriates', ar: ['الخارجية والمغتربين'], en: ['Foreign Affairs and Expatriates'] },
  { name: 'Interior', us: 'Department of the Interior', ar: ['الداخلية'], en: ['Interior'], bare: true },
  { name: 'Health', us: 'Department of Health and Human Services', ar: ['الصحة'], en: ['Health'], bare: true },
  { name: 'Emergency Situations', ar: ['الطوارئ', 'حالات الطوارئ'], en: ['Emergency Situations', 'Emergencies'], bare: true },
  { name: 'Education', ar: ['التربية', 'التربية والتعليم', 'التعليم'], en: ['Education'] },
  { name: 'Higher Education', ar: ['التعليم العالي'], en: ['Higher Education'] },
  { name: 'Local Administration and Environment', ar: ['الإدارة المحلية والبيئة', 'الإدارة المحلية'], en: ['Local Administration', 'Local Administration and Environment'] },
  { name: 'Social Affairs and Labour', ar: ['الشؤون الاجتماعية والعمل', 'الشؤون الاجتماعية'], en: ['Social Affairs', 'Social Affairs and Labour', 'Social Affairs and Labor'] },
  { name: 'Finance', us: 'Department of the Treasury', ar: ['المالية'], en: ['Finance'] },
  { name: 'Treasury', us: 'Department of the Treasury', ar: ['الخزانة'], en: ['Treasury'] },
  { name: 'Economy and Foreign Trade', ar: ['الاقتصاد والتجارة الخارجية'], en: ['Economy and Foreign Trade'] },
  { name: 'Economy', us: 'Department of Commerce', ar: ['الاقتصاد'], en: ['Economy'] },
  { name: 'Trade', us: 'Department of Commerce', ar: ['التجارة'], en: ['Trade', 'Commerce'] },
  { name: 'Internal Trade and Consumer Protection', ar: ['التجارة الداخلية وحماية المستهلك', 'التجارة الداخلية'], en: ['Internal Trade and Consumer Protection'] },
  { name: 'Justice', us: 'Department of Justice', ar: ['العدل'], en: ['Justice'] },
  { name: 'Information', ar: ['الإعلام'], en: ['Information'] },
  { name: 'Agriculture', us: 'Department of Agriculture', ar: ['الزراعة', 'الزراعة والإصلاح الزراعي'], en: ['Agriculture'] },
  { name: 'Water Resources', ar: ['الموارد المائية'], en: ['Water Resources'] },
  { name: 'Electricity', ar: ['الكهرباء'], en: ['Electricity'] },
  { name: 'Oil and Mineral Resources', ar: ['النفط والثروة المعدنية', 'النفط'], en: ['Oil', 'Petroleum', 'Oil and Mineral Resources'] },
  { name: 'Energy', us: 'Department of Energy', ar: ['الطاقة'], en: ['Energy'] },
  { name: 'Transport', us: 'Department of Transportation', ar: ['النقل'], en: ['Transport', 'Transportation'] },
  { name: 'Communications and Technology', ar: ['الاتصالات والتقانة', 'الاتصالات'], en: ['Communications'] },
  { name: 'Public Works and Housing', ar: ['الأشغال العامة والإسكان', 'الأشغال العامة', 'الإسكان'], en: ['Public Works', 'Housing'] },
  { name: 'Awqaf', ar: ['الأوقاف'], en: ['Awqaf', 'Religious Endowments'] },
  { name: 'Culture', ar: ['الثقافة'], en: ['Culture'] },
  { name: 'Tourism', ar: ['السياحة'], en: ['Tourism'] },
  { name: 'Industry', ar: ['الصناعة'], en: ['Industry'] },
  { name: 'Migration', ar: ['الهجرة', 'الهجرة والمهجرين'], en: ['Migration'] },
  { name: 'State for National Reconciliation Affairs', ar: ['المصالحة الوطنية', 'الدولة لشؤون المصالحة الوطنية'], en: ['National Reconciliation'] },
  { name: 'Homeland Security', us: 'Department of Homeland Security', ar: ['الأمن الداخلي'], en: ['Homeland Security'] },
  { name: 'Planning and International Cooperation', ar: ['التخطيط والتعاون الدولي', 'التخطيط'], en: ['Planning'] },
];

/**
 * Nouns that name a country's body when a nationality adjective follows them («السفارة الروسية», "Russian
 * Embassy"). `{adj}` becomes the adjective; `byCountry` holds the bodies that have a name of their own.
 */
export interface NationalBody {
  kind: OrganizationKind;
  template: string;
  ar: readonly string[];
  /** English head nouns that follow the adjective ("Russian forces"), in any case. */
  en: readonly string[];
  byCountry?: Readonly<Record<string, string>>;
  /** Embassies and consulates: «في دمشق» after the body becomes " in Damascus". */
  located?: boolean;
}

// biome-ignore format: one body per line
export const nationalBodies: readonly NationalBody[] = [
  { kind: 'embassy', template: '{adj} Embassy', ar: ['السفارة'], en: ['embassy'], located: true },
  { kind: 'embassy', template: '{adj} Consulate', ar: ['القنصلية'], en: ['consulate'], located: true },
  { kind: 'government', template: '{adj} government', ar: ['الحكومة', 'النظام'], en: ['government', 'regime'] },
  { kind: 'government', template: '{adj} authorities', ar: ['السلطات'], en: ['authorities'] },
  { kind: 'military', template: '{adj} Army', ar: ['الجيش'], en: ['army'], byCountry: { SY: 'Syrian Arab Army' } },
  { kind: 'military', template: '{adj} forces', ar: ['القوات'], en: ['forces', 'troops'], byCountry: { SY: 'Syrian government forces' } },
  { kind: 'military', template: '{adj} Armed Forces', ar: ['القوات المسلحة'], en: ['armed forces'] },
  { kind: 'military', template: '{adj} Air Force', ar: ['القوات الجوية', 'سلاح الجو', 'الطيران'], en: ['air force'] },
  { kind: 'military', template: '{adj} Military Police', ar: ['الشرطة العسكرية'], en: ['military police'] },
  { kind: 'red_cross_red_crescent', template: '{adj} Red Crescent', ar: ['الهلال الأحمر'], en: ['Red Crescent'], byCountry: { SY: 'Syrian Arab Red Crescent', QA: 'Qatar Red Crescent', AE: 'Emirates Red Crescent' } },
  { kind: 'red_cross_red_crescent', template: '{adj} Red Cross', ar: ['الصليب الأحمر'], en: ['Red Cross'] },
];

/** Heads of the coordination bodies that Russia and the Syrian government set up for returns. */
// biome-ignore format: one head per line
export const coordinationHeads: readonly { name: string; ar: readonly string[] }[] = [
  { name: 'Coordination Centre', ar: ['مركز التنسيق', 'مركز تنسيق'] },
  { name: 'Coordination Headquarters', ar: ['مقر التنسيق', 'مقر تنسيق', 'المقر التنسيقي'] },
  { name: 'Coordination Committee', ar: ['الهيئة التنسيقية', 'هيئة التنسيق', 'لجنة التنسيق', 'اللجنة التنسيقية'] },
];

/** What a coordination body is for: «بشأن عودة اللاجئين». */
export const coordinationPurposes: readonly { name: string; ar: readonly string[] }[] = [
  {
    name: 'for the Return of Refugees',
    ar: ['عودة اللاجئين', 'عودة اللاجئين السوريين', 'عودة اللاجئين والمهجرين', 'إعادة اللاجئين'],
  },
];
