import type { ErrorCode, ErrorDetails } from './errors.ts';
import { interpolate, type Lang } from './i18n.ts';

type Messages = Record<ErrorCode, string>;

const en = {
  'validation.invalid': 'The request is not valid: {summary}',
  'record.not_found': 'No {resource} with id {id} was found.',
  'record.conflict': 'A {resource} with this {field} already exists.',
  'record.reference_missing': 'The {field} refers to a {resource} that does not exist: {value}.',
  'record.deleted': 'This {resource} was deleted.',
  'agreement.condition_in_use':
    'The condition {conditionId} is still linked to {links} piece(s) of aid: unlink them before removing it from the agreement. Nothing was changed.',
  'unit.unknown': 'Unknown unit "{unit}".',
  'unit.incompatible': 'The unit "{unit}" cannot be converted to "{baseUnit}" for this item.',
  'gazetteer.unrecognized_file': 'The file {file} is neither a CSV p-code table nor GeoJSON boundaries.',
  'gazetteer.no_code_column': 'The file {file} has no p-code or name column that tansiq recognizes.',
  'gazetteer.bad_row': 'Line {line} of the file is not valid: {reason}.',
  'file.not_found': 'The file {file} does not exist.',
  'file.unreadable': 'The file {file} could not be read: {reason}.',
  'backup.invalid_file': 'The file {file} is not a tansiq backup.',
  'backup.schema_mismatch':
    'The backup was made with schema version {backupVersion}; this database is at {databaseVersion}.',
  'restore.target_not_empty':
    'The target database already holds records. Run the restore with --yes to replace them.',
  'db.unreachable': 'The database could not be reached: {reason}.',
  'db.embedded_failed': 'The embedded PostgreSQL server could not start: {reason}.',
  'db.embedded_unreachable_dir':
    'The embedded PostgreSQL runs as the user "postgres" (tansiq is running as root) and cannot reach {dir}. Set TANSIQ_DATA_DIR to a folder that user can open, such as /var/lib/tansiq.',
  'server.already_running':
    'tansiq is already serving the data folder {dataDir} (process {pid}). Stop it first, or use another TANSIQ_DATA_DIR.',
  'server.port_in_use': 'Port {port} on {host} is already in use. Choose another with --port or PORT.',
  'config.invalid': 'The configuration is not valid: {summary}',
  'request.invalid_body': 'The request body could not be read: {reason}.',
  'request.unknown_route': 'There is no {method} {url} in this API. See /api/openapi.json.',
  'request.too_large': 'The request is too large.',
  'ledger.insufficient_stock':
    "Not enough stock: {available} available, {requested} requested (in the item's base unit). Nothing was written.",
  'ledger.already_reversed': 'The stock movement {id} was already reversed.',
  'ledger.reversal_of_reversal':
    'The stock movement {id} is itself a reversal; record a new movement instead.',
  'shipment.not_dispatched': 'The shipment has not been dispatched yet: record its dispatch first.',
  'shipment.lines_locked':
    'The shipment was dispatched: its lines can no longer change. Record a receipt with a discrepancy instead.',
  'shipment.receipt_exceeds_dispatched':
    'The receipt ({requested}) exceeds what remains in the pipeline for this line ({available}).',
  'distribution.no_source_site':
    'A distribution needs the site its stock comes from (fromSiteId) before it can be completed.',
  'distribution.already_completed': 'The distribution is already completed.',
  'distribution.completed_cannot_cancel':
    'A completed distribution moved stock: reverse its stock movement instead of cancelling it.',
  'source.no_text': 'Source {id} has no text: it is known by its metadata only.',
  'source.ingest_required':
    'Sources are created by ingesting their text (POST /api/sources, tansiq source add), which identifies it and finds near-duplicates.',
  'claim.quote_mismatch':
    'The quote does not match the source text at characters {start} to {end}: the source reads "{found}" there. Nothing was saved.',
  'claim.source_has_no_text':
    'The source {sourceId} has no stored text to quote: send the claim without a quote, or ingest the text first.',
  'claim.transition_refused': 'A {from} claim cannot become {to}.',
  'demo.article_mismatch':
    'This is not the founding article the demo expects (its SHA-256 should be {expected}). Nothing was anchored.',
  'cli.usage': '{reason}. Run "tansiq {command} --help" for usage.',
  'cli.unknown_command': 'Unknown command "{command}". Run "tansiq --help" for the list of commands.',
  internal: 'Something went wrong on our side. The error was logged.',
} satisfies Messages;

const ar = {
  'validation.invalid': 'الطلب غير صالح: {summary}',
  'record.not_found': 'لا يوجد سجل من نوع {resource} بالمعرّف {id}.',
  'record.conflict': 'يوجد سجل من نوع {resource} بنفس قيمة {field}.',
  'record.reference_missing': 'الحقل {field} يشير إلى سجل من نوع {resource} غير موجود: {value}.',
  'record.deleted': 'حُذف هذا السجل من نوع {resource}.',
  'agreement.condition_in_use':
    'الشرط {conditionId} ما زال مرتبطًا بـ{links} من المساعدات: افصلها عنه قبل حذفه من الاتفاق. لم يتغيّر شيء.',
  'unit.unknown': 'وحدة القياس «{unit}» غير معروفة.',
  'unit.incompatible': 'لا يمكن تحويل الوحدة «{unit}» إلى «{baseUnit}» لهذا الصنف.',
  'gazetteer.unrecognized_file': 'الملف {file} ليس جدول رموز مواقع (CSV) ولا حدودًا بصيغة GeoJSON.',
  'gazetteer.no_code_column': 'لا يحتوي الملف {file} على عمود رموز أو أسماء تتعرّف عليه تنسيق.',
  'gazetteer.bad_row': 'السطر {line} من الملف غير صالح: {reason}.',
  'file.not_found': 'الملف {file} غير موجود.',
  'file.unreadable': 'تعذّرت قراءة الملف {file}: {reason}.',
  'backup.invalid_file': 'الملف {file} ليس نسخة احتياطية من تنسيق.',
  'backup.schema_mismatch':
    'أُنشئت النسخة الاحتياطية بإصدار المخطط {backupVersion}، وقاعدة البيانات بالإصدار {databaseVersion}.',
  'restore.target_not_empty': 'قاعدة البيانات الهدف تحتوي سجلات. أعد تشغيل الاستعادة مع ‎--yes‎ لاستبدالها.',
  'db.unreachable': 'تعذّر الوصول إلى قاعدة البيانات: {reason}.',
  'db.embedded_failed': 'تعذّر تشغيل خادم PostgreSQL المدمج: {reason}.',
  'db.embedded_unreachable_dir':
    'يعمل خادم PostgreSQL المدمج باسم المستخدم «postgres» (لأن تنسيق يعمل بصلاحيات root) ولا يستطيع الوصول إلى {dir}. اضبط TANSIQ_DATA_DIR على مجلد يستطيع هذا المستخدم فتحه، مثل ‎/var/lib/tansiq‎.',
  'server.already_running':
    'تنسيق يخدم مجلد البيانات {dataDir} بالفعل (العملية {pid}). أوقفه أولًا أو استخدم TANSIQ_DATA_DIR آخر.',
  'server.port_in_use': 'المنفذ {port} على {host} مستخدم بالفعل. اختر منفذًا آخر عبر ‎--port‎ أو PORT.',
  'config.invalid': 'الإعدادات غير صالحة: {summary}',
  'request.invalid_body': 'تعذّرت قراءة محتوى الطلب: {reason}.',
  'request.unknown_route': 'لا يوجد {method} {url} في هذه الواجهة. راجع ‎/api/openapi.json‎.',
  'request.too_large': 'الطلب كبير جدًا.',
  'ledger.insufficient_stock':
    'المخزون غير كافٍ: المتوفر {available} والمطلوب {requested} (بوحدة الصنف الأساسية). لم يُسجَّل شيء.',
  'ledger.already_reversed': 'عُكست حركة المخزون {id} من قبل.',
  'ledger.reversal_of_reversal': 'حركة المخزون {id} هي نفسها عكسٌ لحركة أخرى؛ سجّل حركة جديدة بدلًا من ذلك.',
  'shipment.not_dispatched': 'لم تُرسَل الشحنة بعد: سجّل إرسالها أولًا.',
  'shipment.lines_locked': 'أُرسلت الشحنة فلم يعد ممكنًا تعديل بنودها. سجّل استلامًا مع فرق بدلًا من ذلك.',
  'shipment.receipt_exceeds_dispatched':
    'الكمية المستلمة ({requested}) تتجاوز ما تبقّى قيد النقل لهذا البند ({available}).',
  'distribution.no_source_site': 'يحتاج التوزيع إلى الموقع الذي يُسحب منه المخزون (fromSiteId) قبل إتمامه.',
  'distribution.already_completed': 'التوزيع مكتمل بالفعل.',
  'distribution.completed_cannot_cancel': 'حرّك التوزيعُ المكتمل المخزونَ: اعكس حركة المخزون بدلًا من إلغائه.',
  'source.no_text': 'المصدر {id} بلا نص: يُعرف ببياناته الوصفية فقط.',
  'source.ingest_required':
    'تُنشأ المصادر باستيعاب نصها (POST /api/sources أو tansiq source add)، فيُعرَّف بها وتُكتشف نسخها المتقاربة.',
  'claim.quote_mismatch':
    'لا يطابق الاقتباس نص المصدر بين المحرفين {start} و{end}: في المصدر هناك «{found}». لم يُحفظ شيء.',
  'claim.source_has_no_text':
    'لا يحفظ المصدر {sourceId} نصًا يمكن الاقتباس منه: أرسل الادعاء دون اقتباس، أو أدخل نص المصدر أولًا.',
  'claim.transition_refused': 'لا يمكن تحويل حالة الادعاء من «{from}» إلى «{to}».',
  'demo.article_mismatch':
    'هذا ليس المقال التأسيسي الذي يتوقعه العرض (يجب أن تكون بصمته SHA-256 هي {expected}). لم يُربط شيء.',
  'cli.usage': '{reason}. شغّل «tansiq {command} --help» لمعرفة طريقة الاستخدام.',
  'cli.unknown_command': 'الأمر «{command}» غير معروف. شغّل «tansiq --help» لقائمة الأوامر.',
  internal: 'حدث خطأ من جهتنا، وسُجّل الخطأ.',
} satisfies Messages;

export const messages: Record<Lang, Messages> = { en, ar };

/** Resource names as users read them, in both languages. */
export const resourceNames: Record<string, Record<Lang, string>> = {
  operation: { en: 'operation', ar: 'عملية' },
  organization: { en: 'organization', ar: 'منظمة' },
  'admin-unit': { en: 'admin unit', ar: 'وحدة إدارية' },
  site: { en: 'site', ar: 'موقع' },
  item: { en: 'item', ar: 'صنف' },
  agreement: { en: 'agreement', ar: 'اتفاق' },
  'agreement-condition': { en: 'agreement condition', ar: 'شرط اتفاق' },
  'aid-condition': { en: 'conditional link', ar: 'ربط مشروط' },
  meeting: { en: 'meeting', ar: 'اجتماع' },
  claim: { en: 'claim', ar: 'ادعاء' },
};

/** Claim statuses as messages name them. */
export const claimStatusNames: Record<string, Record<Lang, string>> = {
  reported: { en: 'reported', ar: 'مُبلَّغ عنه' },
  corroborated: { en: 'corroborated', ar: 'مُعزَّز' },
  confirmed: { en: 'confirmed', ar: 'مؤكَّد' },
  disputed: { en: 'disputed', ar: 'متنازَع عليه' },
  refuted: { en: 'refuted', ar: 'مدحوض' },
  retracted: { en: 'retracted', ar: 'مسحوب' },
};

/** Details whose values a message names in the reader's language, per error code. */
const namedDetails: Partial<Record<ErrorCode, Record<string, Record<string, Record<Lang, string>>>>> = {
  'claim.transition_refused': { from: claimStatusNames, to: claimStatusNames },
};

export function messageFor(lang: Lang, code: ErrorCode, details: ErrorDetails = {}): string {
  const resource = typeof details.resource === 'string' ? resourceNames[details.resource]?.[lang] : undefined;
  const named = Object.entries(namedDetails[code] ?? {}).map(([key, names]) => [
    key,
    names[String(details[key])]?.[lang] ?? details[key],
  ]);
  return interpolate(messages[lang][code], {
    ...details,
    ...Object.fromEntries(named),
    ...(resource ? { resource } : {}),
  });
}
