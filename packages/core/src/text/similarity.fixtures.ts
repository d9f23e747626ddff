/**
 * Test texts for near-duplicate detection, written for tansiq (not taken from any outlet): an
 * Arabic press release, the same release re-published by another site (its own first line,
 * harakat, tatweel, hamza written differently, its own "related articles" block), an article by
 * a journalist on the same convoy in her own words, an unrelated article, and an English pair.
 * Used by the core and server tests only.
 */

const releaseBody = [
  'أعلن مكتب تنسيق الشؤون الإنسانية اليوم الأحد عن وصول قافلة مساعدات مشتركة مؤلفة من اثنتين وعشرين شاحنة إلى مدينة تل رفعت في ريف حلب الشمالي، تحمل مواد غذائية وطبية ومستلزمات نظافة تكفي لنحو خمسة آلاف أسرة لمدة شهر واحد.',
  'وقال المتحدث باسم المكتب إن القافلة انطلقت من مستودعات المنظمة في مدينة حلب صباح يوم السبت، وعبرت ثلاث نقاط تفتيش قبل أن تصل إلى وجهتها مساء اليوم نفسه، مشيرًا إلى أن عمليات التفريغ جرت بإشراف فرق الهلال الأحمر المحلية.',
  'وأوضح البيان أن الشحنة تضمنت ١٦٠ طنًا من الطحين، وأربعة آلاف سلة غذائية، وأدوية للأمراض المزمنة تكفي ثلاثة مراكز صحية، إضافة إلى لقاحات للأطفال دون سن الخامسة.',
  'وأضاف المتحدث أن توزيع المساعدات سيبدأ خلال الأيام الثلاثة المقبلة وفق قوائم المستفيدين التي أعدتها المجالس المحلية بالتعاون مع المنظمات الشريكة، وأن الأولوية ستكون للأسر التي تعيلها نساء وللأشخاص ذوي الإعاقة.',
  'ودعا البيان جميع الأطراف إلى تسهيل وصول القوافل الإنسانية دون عوائق، مؤكدًا أن الاحتياجات في المنطقة لا تزال كبيرة مع اقتراب فصل الشتاء وارتفاع أسعار الوقود والمواد الأساسية.',
  'وختم المكتب بيانه بالإشارة إلى أن قافلة ثانية يجري تجهيزها حاليًا، ومن المتوقع أن تنطلق مطلع الشهر المقبل إذا سمحت الظروف الأمنية بذلك.',
];

/** The press release as its issuer published it (Windows line endings, as many sites serve). */
export const arabicRelease = [
  'بيان صحفي صادر عن مكتب تنسيق الشؤون الإنسانية في دمشق',
  '',
  ...releaseBody,
].join('\r\n');

/** The same release on another site: its own first line, harakat, tatweel, a different hamza, a footer. */
export const arabicRepublished = [
  'نشر موقع الأخبار المحلية اليوم النص الكامل للبيان التالي دون تعديل:',
  '',
  'أعلنَ مكتبُ تنسيقِ الشؤونِ الإنسانيةِ اليومَ الأحدَ عن وصولِ قافلةِ مساعداتٍ مشتركةٍ مؤلفة من اثنتين وعشرين شاحنة إلى مدينة تل رفعت في ريف حلب الشمالي، تحمل مواد غذائية وطبية ومستلزمات نظافة تكفي لنحو خمسة آلاف أسرة لمدة شهر واحد.',
  'وقال المتحدث باسم المكتب إن القـــافلة انطلقت من مستودعات المنظمة في مدينة حلب صباح يوم السبت، وعبرت ثلاث نقاط تفتيش قبل أن تصل إلى وجهتها مساء اليوم نفسه، مشيرا إلى ان عمليات التفريغ جرت بإشراف فرق الهلال الأحمر المحلية.',
  'وأوضح البيان أن الشحنة تضمنت 160 طنا من الطحين، وأربعة آلاف سلة غذائية، وأدوية للأمراض المزمنة تكفي ثلاثة مراكز صحية، اضافة الى لقاحات للأطفال دون سن الخامسة.',
  ...releaseBody.slice(3),
  '',
  'اقرأ أيضًا:',
  '- ارتفاع أسعار الخبز في الأسواق الشمالية للمرة الثانية هذا الشهر',
  '- منظمات محلية تطلق حملة لتأمين مواد التدفئة قبل الشتاء',
  '- افتتاح مدرسة مرممة في ريف إدلب بدعم من متبرعين',
].join('\n');

/** A journalist's article on the same convoy, in her own words: related, not a duplicate. */
export const arabicSameEvents = [
  'تل رفعت – مراسلتنا',
  'وصلت مساء السبت اثنتان وعشرون شاحنة محملة بالمساعدات إلى تل رفعت بعد رحلة استغرقت يومًا كاملًا من حلب، بحسب ما أفاد سكان محليون ومصادر في المجلس المحلي.',
  'ويقول أهالي المدينة إن آخر قافلة وصلتهم كانت قبل أربعة أشهر، وإن الطحين الذي تحمله الشاحنات لن يكفي سوى أسابيع قليلة في ظل تزايد أعداد العائدين من المخيمات.',
  'وقالت إحدى المتطوعات في الهلال الأحمر إن فرق التوزيع تعمل على تحديث القوائم، مضيفة أن كثيرًا من الأسر الجديدة لم تُسجل بعد.',
  'ولم يصدر تعليق رسمي عن الجهات المشرفة على الطريق حول أسباب التأخير عند نقاط التفتيش.',
].join('\n');

/** An unrelated article. */
export const arabicUnrelated = [
  'عادت خلال الأسبوع الماضي نحو ثلاثمئة عائلة نازحة إلى قرى سهل الغاب بعد تحسن الأوضاع الأمنية، وفق ما ذكرته لجنة العودة في المنطقة.',
  'وقال رئيس اللجنة إن العائدين يواجهون صعوبات كبيرة في تأمين المياه الصالحة للشرب، إذ خرجت معظم الآبار عن الخدمة بسبب انقطاع الكهرباء ونقص قطع الغيار.',
  'وتعمل منظمة محلية على إعادة تأهيل شبكة الري الرئيسية، في حين طالب المزارعون بتوفير البذور والأسمدة قبل بدء الموسم الزراعي.',
  'كما أشار إلى أن المدرسة الوحيدة في القرية تحتاج إلى ترميم عاجل لاستيعاب الأطفال العائدين، وأن المركز الصحي يفتح أبوابه يومين فقط في الأسبوع.',
].join('\n');

export const englishRelease = [
  'GENEVA, 12 March – Press release',
  '',
  'A joint inter-agency convoy of 22 trucks reached Tal Rifaat in northern Aleppo governorate today, carrying food, medicines and hygiene supplies for about five thousand families for one month.',
  'The convoy left the warehouses in Aleppo city on Saturday morning and crossed three checkpoints before arriving in the evening. Local Red Crescent teams supervised the offloading.',
  'The shipment included 160 tonnes of wheat flour, four thousand food baskets, medicines for chronic diseases sufficient for three health centres, and vaccines for children under five.',
  'Distribution will start within the next three days according to beneficiary lists prepared by local councils with partner organizations, giving priority to female-headed households and persons with disabilities.',
  'All parties are urged to facilitate the unimpeded passage of humanitarian convoys, as needs in the area remain high with winter approaching and fuel prices rising.',
].join('\n');

export const englishRepublished = [
  'Aid agencies deliver supplies to northern Aleppo (reposted from the agency website)',
  '',
  ...englishRelease.split('\n').slice(2),
  '',
  'Related: Bread prices rise again in northern markets; Schools reopen in rural Idlib after repairs',
].join('\n');
