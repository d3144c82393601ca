// The writer's identity: sealed at rest with the identity key, keyed hashes to recognise the same writer, plaintext columns only where allowed.
import { foldText } from '../../../common/fold';
import { normalizeEmail, normalizePhone } from '../../../common/contacts';
import type { WriterInput, WriterView } from '../../../common/letters.schema';
import type { KnownPerson } from '../../../common/redact';
import { identityKey } from '../../platform/crypto/identity-key';
import { keyedHash, seal, unseal } from '../../platform/crypto/sealed';
import type { Representative } from './letters.table';

/** Everything that identifies the writers of a letter: the writer and the other representatives of a group. */
export interface Identity {
  name?: string | undefined;
  address?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  idNumber?: string | undefined;
  representatives: Representative[];
}

/** Empty strings mean "not given". */
export function identityOf(writer: WriterInput, representatives: readonly Representative[]): Identity {
  const v = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);
  return {
    name: v(writer.name),
    address: v(writer.address),
    phone: v(writer.phone),
    email: v(writer.email),
    idNumber: v(writer.idNumber),
    representatives: representatives.map((r) => ({ name: r.name, address: v(r.address), phone: v(r.phone), idNumber: v(r.idNumber) })),
  };
}

export function sealIdentity(id: Identity): string {
  return seal(identityKey(), JSON.stringify(id));
}

export function openIdentity(sealed: string): Identity {
  return JSON.parse(unseal(identityKey(), sealed)) as Identity;
}

/** The name of a file the writer sent ("CCCD Nguyễn Văn A.jpg") says who they are: it is sealed like the identity. */
export function sealName(name: string): string {
  return seal(identityKey(), name);
}

export function openName(sealed: string): string {
  return unseal(identityKey(), sealed);
}

/**
 * Keyed hashes of what identifies a person (ID number, phone, e-mail, folded name with address), for
 * every writer of the letter: two letters share a key when they share a writer, and nobody without
 * the identity key can tell whose they are. Duplicate suggestions match on them.
 */
export function writerKeys(id: Identity): string[] {
  const key = identityKey();
  const people = [{ name: id.name, address: id.address, phone: id.phone, email: id.email, idNumber: id.idNumber }, ...id.representatives.map((r) => ({ ...r, email: undefined }))];
  const out = new Set<string>();
  for (const p of people) {
    if (p.idNumber) out.add(keyedHash(key, 'id', p.idNumber.replace(/\D/g, '')));
    const phone = p.phone ? normalizePhone(p.phone) : null;
    if (phone) out.add(keyedHash(key, 'phone', phone));
    const email = p.email ? normalizeEmail(p.email) : null;
    if (email) out.add(keyedHash(key, 'email', email));
    if (p.name && p.address) out.add(keyedHash(key, 'name_address', `${foldText(p.name)}|${foldText(p.address)}`));
  }
  return [...out].sort();
}

/** The plaintext writer columns of a letter without a denunciation. */
export function plaintextColumns(id: Identity) {
  return {
    writerName: id.name ?? null,
    writerAddress: id.address ?? null,
    writerPhone: id.phone ?? null,
    writerEmail: id.email ?? null,
    writerIdNumber: id.idNumber ?? null,
    representatives: id.representatives,
  };
}

/**
 * The letter's columns when its intake ends (classified, or filed with a case as a duplicate): a letter
 * holding a denunciation is protected for good; any other gets its plaintext writer columns for lists and search.
 */
export function intakeEndColumns(writerSealed: string, protect: boolean) {
  return { identityProtected: protect, ...(protect ? {} : plaintextColumns(openIdentity(writerSealed))) };
}

export function toWriterView(id: Identity): WriterView {
  return {
    name: id.name ?? null,
    address: id.address ?? null,
    phone: id.phone ?? null,
    email: id.email ?? null,
    idNumber: id.idNumber ?? null,
    representatives: id.representatives.map((r) => ({ name: r.name, address: r.address ?? null, phone: r.phone ?? null, idNumber: r.idNumber ?? null })),
  };
}

/** What was given, without the values (eligibility: "names the writer with an address"). */
export function presenceOf(id: Identity) {
  return { name: !!id.name, address: !!id.address, phone: !!id.phone, email: !!id.email, idNumber: !!id.idNumber };
}

/** The writer and each representative, as the redactor looks for them (common/redact.ts). */
export function knownPeople(id: Identity): KnownPerson[] {
  const { name, address, phone, email, idNumber } = id;
  return [{ name, address, phone, email, idNumber }, ...id.representatives.map((r) => ({ name: r.name, address: r.address, phone: r.phone, idNumber: r.idNumber }))];
}
