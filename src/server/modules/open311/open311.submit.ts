// POST requests.json: checks every argument against the specification and the service definition, then files an ordinary feedback letter through the letters intake.
import type { PublicLetterBody } from '../../../common/letters.schema';
import { WriterInput } from '../../../common/letters.schema';
import type { Tx } from '../../db/client';
import { open311Requests } from '../../db/schema';
import { recordAudit } from '../../platform/audit/audit';
import type { Lang } from '../../platform/locale';
import { findLetterByCode } from '../letters/letters.queries';
import { submitPublicLetter } from '../letters/letters.intake';
import { isActiveOn, todayVn } from '../org/org.guards';
import { findUnit, type UnitRow } from '../org/units.service';
import { findUnitByCode } from '../org/units.queries';
import { checkAttributes } from './open311.attributes';
import { open311Errors, sayIn, type Issue } from './open311.errors';
import type { Normalized } from './open311.form';
import type { ClientRow } from './open311.keys';
import { touchClient } from './open311.keys';
import { findService, type ServiceRow } from './open311.services';

/** The specification's limit on `description`. */
export const DESCRIPTION_MAX = 4000;
/** The mainland, the islands, Hoàng Sa and Trường Sa, with a margin: a point outside is a mistake, not a report. */
const VIETNAM = { lat: [6, 24], long: [102, 118] } as const;

export interface SubmitMeta {
  requestId: string;
  ip: string;
  lang: Lang;
}

export interface SubmitResult {
  service_request_id: string;
  service_notice: string | null;
  account_id: string | null;
}


const optional = (args: Record<string, string>, key: string): string | undefined => {
  const v = args[key]?.trim();
  return v ? v : undefined;
};

function checkLength(issues: Issue[], say: (vi: string, en: string) => string, field: string, value: string | undefined, max: number) {
  if (value !== undefined && value.length > max) issues.push({ field, message: say(`tối đa ${max} ký tự (đang có ${value.length})`, `at most ${max} characters (got ${value.length})`) });
}

function coordinate(issues: Issue[], say: (vi: string, en: string) => string, field: 'lat' | 'long', raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = /^[+-]?\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
  const [lo, hi] = VIETNAM[field];
  if (!Number.isFinite(n)) issues.push({ field, message: say('phải là số thập phân theo WGS84, ví dụ 10.7769', 'must be a WGS84 decimal number, e.g. 10.7769') });
  else if (n < lo || n > hi) issues.push({ field, message: say(`phải trong khoảng ${lo}–${hi} (lãnh thổ Việt Nam)`, `must be between ${lo} and ${hi} (Vietnam)`) });
  else return n;
  return undefined;
}

/** The unit the letter goes to: the jurisdiction named (a unit code under the client's unit), else the client's own unit. */
async function unitFor(tx: Tx, client: ClientRow, jurisdiction: string | undefined, lang: Lang, now: Date): Promise<UnitRow> {
  const home = await findUnit(tx, client.unitId);
  if (!home) throw new Error('open311 client without its unit');
  const unit = jurisdiction ? await findUnitByCode(tx, jurisdiction) : home;
  // A unit outside the key's is not found for it either (404): nothing to learn of the others.
  if (!unit || !unit.path.startsWith(home.path)) throw open311Errors.jurisdictionNotFound(lang, jurisdiction ?? '', true);
  if (!isActiveOn(todayVn(now), unit.validFrom, unit.validTo))
    throw open311Errors.field(lang, 'jurisdiction_id', `đơn vị "${unit.code}" không còn hoạt động`, `unit "${unit.code}" is no longer in operation`);
  return unit;
}

/** What officers read: the citizen's words, then where and the answers to the category's questions. */
function letterContent(service: ServiceRow, description: string | undefined, place: string, attributeLines: string[]): string {
  const lines = [description ?? `Phản ánh "${service.name}" gửi qua ứng dụng (Open311), không kèm mô tả.`, '', `Địa điểm: ${place}`, ...attributeLines];
  return lines.join('\n');
}

export async function submitRequest(tx: Tx, meta: SubmitMeta, client: ClientRow, body: Normalized, now: Date): Promise<SubmitResult> {
  const { lang } = meta;
  const say = sayIn(lang);
  const { args } = body;
  const serviceCode = optional(args, 'service_code');
  if (!serviceCode) throw open311Errors.field(lang, 'service_code', 'bắt buộc', 'required');
  const service = await findService(tx, serviceCode);
  if (!service) throw open311Errors.serviceNotFound(lang, serviceCode);

  const issues: Issue[] = [];
  const rawLat = optional(args, 'lat');
  const rawLong = optional(args, 'long');
  const lat = coordinate(issues, say, 'lat', rawLat);
  const long = coordinate(issues, say, 'long', rawLong);
  if ((rawLat === undefined) !== (rawLong === undefined))
    issues.push({ field: rawLat === undefined ? 'lat' : 'long', message: say('lat và long phải gửi cùng nhau', 'lat and long go together') });
  const addressString = optional(args, 'address_string');
  const addressId = optional(args, 'address_id');
  checkLength(issues, say, 'address_string', addressString, 500);
  checkLength(issues, say, 'address_id', addressId, 100);
  if (rawLat === undefined && rawLong === undefined && !addressString && !addressId)
    issues.push({ field: 'lat/long', message: say('cần vị trí: lat và long, hoặc address_string, hoặc address_id', 'a location is required: lat and long, or address_string, or address_id') });
  const description = optional(args, 'description');
  checkLength(issues, say, 'description', description, DESCRIPTION_MAX);
  const mediaUrl = optional(args, 'media_url');
  if (mediaUrl && (!/^https?:\/\/[^\s]+$/i.test(mediaUrl) || !URL.canParse(mediaUrl)))
    issues.push({ field: 'media_url', message: say('phải là địa chỉ http:// hoặc https://', 'must be an http:// or https:// URL') });
  checkLength(issues, say, 'media_url', mediaUrl, 2000);
  // Ids of the writer in the application: checked and echoed, never stored (a writer later found to denounce is protected, and these would point to them).
  const deviceId = optional(args, 'device_id');
  const accountId = optional(args, 'account_id');
  checkLength(issues, say, 'device_id', deviceId, 100);
  checkLength(issues, say, 'account_id', accountId, 100);
  const firstName = optional(args, 'first_name');
  const lastName = optional(args, 'last_name');
  checkLength(issues, say, 'first_name', firstName, 100);
  checkLength(issues, say, 'last_name', lastName, 100);
  // Vietnamese order: family name first.
  const name = [lastName, firstName].filter(Boolean).join(' ') || undefined;
  const writer = WriterInput.safeParse({ name, email: optional(args, 'email'), phone: optional(args, 'phone') });
  if (!writer.success)
    for (const i of writer.error.issues) {
      const field = i.path[0] === 'name' ? 'first_name' : String(i.path[0]);
      issues.push({ field, message: field === 'email' ? say('địa chỉ thư điện tử không hợp lệ', 'not a valid e-mail address') : field === 'phone' ? say('số điện thoại không hợp lệ', 'not a valid phone number') : i.message });
    }
  const attributes = checkAttributes(service, body.attributes, lang, issues);
  if (issues.length) throw open311Errors.fields(issues);

  const unit = await unitFor(tx, client, optional(args, 'jurisdiction_id'), lang, now);
  const place = [addressString, addressId ? `mã địa chỉ ${addressId}` : undefined, lat !== undefined && long !== undefined ? `toạ độ ${lat}, ${long}` : undefined].filter(Boolean).join('; ');
  const letterBody: PublicLetterBody = {
    unitId: unit.id,
    kind: 'feedback',
    subject: service.name,
    content: letterContent(service, description, place, attributes.lines),
    writer: writer.success ? writer.data : {},
    peopleCount: 1,
    representatives: [],
    language: 'vi',
    attachments: [],
  };
  // The letter's content may hold 10,000 characters: the description (4,000), the place and the answers fit unless a category asks too much.
  if (letterBody.content.length > 10_000)
    throw open311Errors.field(lang, 'description', 'mô tả cùng các thuộc tính quá dài', 'the description and attributes together are too long');
  const out = await submitPublicLetter(tx, { ...meta, channel: 'open311' }, letterBody, now);
  const letter = await findLetterByCode(tx, out.code);
  if (!letter) throw new Error('letter vanished inside its own transaction');
  await tx.insert(open311Requests).values({
    letterId: letter.id,
    clientId: client.id,
    serviceCode: service.code,
    requestedAt: letter.receivedAt,
    lat: lat ?? null,
    long: long ?? null,
    addressString: addressString ?? null,
    addressId: addressId ?? null,
    description: description ?? null,
    mediaUrl: mediaUrl ?? null,
    attributes: attributes.values,
  });
  await touchClient(tx, client.id, now);
  // Names the application, the category and the letter; the writer and the content stay out of the trail.
  await recordAudit(tx, { actor: null, citizen: { label: `Ứng dụng Open311 "${client.name}"` }, requestId: meta.requestId, ip: meta.ip }, {
    action: 'open311.request.create',
    entityType: 'letter',
    entityId: letter.id,
    unitId: unit.id,
    after: { code: out.code, clientId: client.id, serviceCode: service.code },
  });
  return { service_request_id: out.code, service_notice: service.notice, account_id: accountId ?? null };
}
