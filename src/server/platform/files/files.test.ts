// File uploads through HTTP: stored under the data folder by SHA-256, typed by content, size limit, nothing half-written.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import type { FileView } from '../../../common/dossiers.schema';
import { countRows, errorOf, PDF, PNG, startDossierApp, upload, type DossierTestApp } from '../../modules/dossiers/dossiers.test-helpers';
import { nameFor, sniff, FILE_TYPES } from './files.sniff';
import { MAX_FILE_BYTES } from './files.service';

let t: DossierTestApp;
beforeAll(async () => {
  t = await startDossierApp();
});
afterAll(() => t.close());

/** A minimal ZIP holding the given entry names (stored, empty), enough for the sniffer to read the central directory. */
function zipWith(names: string[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const n of names) {
    const name = Buffer.from(n);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const tmpFiles = () => (existsSync(path.join(t.filesDir, 'tmp')) ? readdirSync(path.join(t.filesDir, 'tmp')) : []);

describe('uploads', () => {
  it('stores a PDF under files/<sha prefix>/<sha256> and answers its id, type and hash', async () => {
    const res = await upload(t.anonymous(), '/api/public/files', 'Tờ khai.pdf', PDF);
    expect(res.statusCode, res.body).toBe(201);
    const f = res.json<FileView>();
    const sha = createHash('sha256').update(PDF).digest('hex');
    expect(f).toMatchObject({ name: 'Tờ khai.pdf', mime: 'application/pdf', size: PDF.length, sha256: sha });
    expect(readFileSync(path.join(t.filesDir, sha.slice(0, 2), sha))).toEqual(PDF);
    // The same bytes again: a second record, one copy on disk.
    const again = (await upload(t.anonymous(), '/api/public/files', 'ban-sao.pdf', PDF)).json<FileView>();
    expect(again.id).not.toBe(f.id);
    expect(readdirSync(path.join(t.filesDir, sha.slice(0, 2)))).toEqual([sha]);
    expect(tmpFiles()).toEqual([]);
  });

  it('audits each upload with the file and who sent it, staff or guest, in the same write', async () => {
    const guest = (await upload(t.anonymous(), '/api/public/files', 'a.pdf', PDF)).json<FileView>();
    const officer = await t.loginAs('motcua.anbinh');
    const staffFile = (await upload(officer, '/api/files', 'b.png', PNG, 'image/png')).json<FileView>();
    const entries = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'file.upload'), inArray(auditLog.entityId, [guest.id, staffFile.id])));
    const byFile = new Map(entries.map((e) => [e.entityId, e]));
    expect(byFile.get(guest.id)).toMatchObject({ entityType: 'file', actorId: null, after: { id: guest.id, mime: 'application/pdf', sha256: guest.sha256 } });
    expect(byFile.get(staffFile.id)?.actorLabel).toContain('motcua.anbinh');
    expect(byFile.get(staffFile.id)?.after).toMatchObject({ id: staffFile.id, mime: 'image/png' });
  });

  it('types a file by its content: PNG bytes named .pdf and declared as PDF are kept as a PNG', async () => {
    const res = await upload(t.anonymous(), '/api/public/files', 'scan.pdf', PNG, 'application/pdf');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<FileView>()).toMatchObject({ name: 'scan.png', mime: 'image/png' });
  });

  it('refuses content that is not on the allow-list, whatever its name, and keeps nothing', async () => {
    const before = await countRows(t, 'files');
    for (const [name, bytes] of [
      ['virus.pdf', Buffer.from('MZ\x90\x00 this is a program')],
      ['page.pdf', Buffer.from('<html><script>alert(1)</script></html>')],
      ['archive.docx', zipWith(['evil.exe'])],
    ] as const) {
      const res = await upload(t.anonymous(), '/api/public/files', name, bytes, 'application/pdf');
      expect(res.statusCode, name).toBe(400);
      expect(errorOf(res).code).toBe('file_type_not_allowed');
    }
    expect(await countRows(t, 'files')).toBe(before);
    expect(tmpFiles()).toEqual([]);
  });

  it('reads a large Office file\'s entry names from its end, across the chunks the upload arrives in', async () => {
    const docx = zipWith(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    const cd = docx.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    // 600 kB of stored content between the entries and the central directory: more than the 256 kB kept.
    const big = Buffer.concat([docx.subarray(0, cd), Buffer.alloc(600_000, 0x41), docx.subarray(cd)]);
    const res = await upload(t.anonymous(), '/api/public/files', 'to-trinh.docx', big, 'application/octet-stream');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<FileView>()).toMatchObject({ name: 'to-trinh.docx', mime: FILE_TYPES.docx.mime, size: big.length });
    expect(tmpFiles()).toEqual([]);
  });

  it('refuses a file over the size limit with 413 and leaves no partial file', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_FILE_BYTES, 0x20)]);
    const before = await countRows(t, 'files');
    const res = await upload(t.anonymous(), '/api/public/files', 'big.pdf', big);
    expect(res.statusCode).toBe(413);
    expect(errorOf(res).code).toBe('file_too_large');
    expect(await countRows(t, 'files')).toBe(before);
    expect(tmpFiles()).toEqual([]);
  });

  it('answers 400 without a file and 401 for the staff route without a session', async () => {
    const none = await t.anonymous().request({ method: 'POST', url: '/api/public/files', payload: { a: 1 } });
    expect(none.statusCode).toBe(400);
    expect(errorOf(none).code).toBe('file_missing');
    expect((await upload(t.anonymous(), '/api/files', 'a.pdf', PDF)).statusCode).toBe(401);
    const staff = await t.loginAs('motcua.anbinh');
    expect((await upload(staff, '/api/files', 'a.pdf', PDF)).statusCode).toBe(201);
  });
});

describe('sniffing', () => {
  it('tells Office and OpenDocument files apart inside ZIP containers', () => {
    const docx = zipWith(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    const xlsx = zipWith(['[Content_Types].xml', 'xl/workbook.xml']);
    expect(sniff(docx.subarray(0, 64), () => docx)).toBe(FILE_TYPES.docx);
    expect(sniff(xlsx.subarray(0, 64), () => xlsx)).toBe(FILE_TYPES.xlsx);
    expect(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), () => Buffer.alloc(0))).toBe(FILE_TYPES.jpg);
    expect(nameFor('anh.JPEG', FILE_TYPES.jpg)).toBe('anh.JPEG');
    expect(nameFor('../../etc/passwd', FILE_TYPES.pdf)).toBe('.._.._etc_passwd.pdf');
  });
});
