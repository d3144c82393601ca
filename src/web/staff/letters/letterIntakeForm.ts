// The letter intake form's values, its client-side checks and the request body built from it (POST /api/letters).
import type { UseFormReturnType } from '@mantine/form';
import i18n from 'i18next';
import type { LetterType, StaffLetterBody } from '../../../common/letters.schema';
import { blankToUndefined } from '../forms';
import { EMPTY_WRITER, writerBody, type WriterInput } from '../../portal/letters/LetterFields';

export type StaffChannel = StaffLetterBody['channel'];

/** Named as the API names them, so that its field errors (body.forwardedFrom.agencyName …) land on the inputs. */
export interface LetterIntakeValues {
  channel: StaffChannel;
  /** `datetime-local` value (the officer's local time). */
  receivedAt: string;
  forwardedFrom: { agencyName: string; documentNumber: string; documentDate: string };
  declaredKind: LetterType | '';
  anonymous: boolean;
  writer: WriterInput;
  protectIdentity: boolean;
  dated: boolean;
  signed: boolean;
  subject: string;
  content: string;
  target: string;
  note: string;
}

export type LetterIntakeForm = UseFormReturnType<LetterIntakeValues>;

/** A `datetime-local` value of a date, in local time, to the minute. */
export function localDateTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function initialLetterIntake(now = new Date()): LetterIntakeValues {
  return {
    channel: 'desk',
    receivedAt: localDateTime(now),
    forwardedFrom: { agencyName: '', documentNumber: '', documentDate: '' },
    declaredKind: '',
    anonymous: false,
    writer: { ...EMPTY_WRITER },
    protectIdentity: false,
    dated: true,
    signed: true,
    subject: '',
    content: '',
    target: '',
    note: '',
  };
}

const need = (label: string) => i18n.t('dossiers.intake.required', { field: label.toLowerCase() });

export function validateLetterIntake(v: LetterIntakeValues): Record<string, string> {
  const e: Record<string, string> = {};
  if (!v.content.trim()) e.content = need(i18n.t('letters.intake.content'));
  const at = v.receivedAt ? new Date(v.receivedAt) : null;
  if (at && Number.isNaN(at.getTime())) e.receivedAt = i18n.t('letters.intake.badDate');
  else if (at && at.getTime() > Date.now() + 60_000) e.receivedAt = i18n.t('letters.intake.futureDate');
  if (v.channel === 'forwarded') {
    if (!v.forwardedFrom.agencyName.trim()) e['forwardedFrom.agencyName'] = need(i18n.t('letters.intake.agencyName'));
    if (!v.forwardedFrom.documentNumber.trim()) e['forwardedFrom.documentNumber'] = need(i18n.t('letters.intake.documentNumber'));
  }
  return e;
}

export function letterIntakeBody(v: LetterIntakeValues, attachments: StaffLetterBody['attachments']): Partial<StaffLetterBody> {
  const f = v.forwardedFrom;
  const subject = blankToUndefined(v.subject);
  const target = blankToUndefined(v.target);
  const note = blankToUndefined(v.note);
  const documentDate = blankToUndefined(f.documentDate);
  return {
    channel: v.channel,
    ...(v.receivedAt ? { receivedAt: new Date(v.receivedAt).toISOString() } : {}),
    ...(v.channel === 'forwarded' ? { forwardedFrom: { agencyName: f.agencyName.trim(), documentNumber: f.documentNumber.trim(), ...(documentDate ? { documentDate } : {}) } } : {}),
    ...(v.declaredKind ? { declaredKind: v.declaredKind } : {}),
    protectIdentity: v.protectIdentity,
    dated: v.dated,
    signed: v.signed,
    writer: v.anonymous ? {} : writerBody(v.writer),
    ...(subject ? { subject } : {}),
    content: v.content.trim(),
    ...(target ? { target } : {}),
    ...(note ? { note } : {}),
    attachments,
  };
}
