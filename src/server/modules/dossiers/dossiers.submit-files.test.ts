// Online submission with its files in one multipart request (POST /api/public/dossiers/with-files), through HTTP.
import { eq } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierView, PublicDossierView, PublicSubmitResult } from '../../../common/dossiers.schema';
import { auditLog, dossierDocuments, files } from '../../db/schema';
import { applicant, countRows, errorOf, fieldPaths, form, PDF, PNG, startDossierApp, uploadOk, type DossierTestApp } from './dossiers.test-helpers';

let t: DossierTestApp;
let anBinh: string;
beforeAll(async () => {
  t = await startDossierApp();
  anBinh = await t.unitId('99001');
});
afterAll(() => t.close());

let ipCounter = 0;
const freshIp = () => `10.7.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

type Part = Parameters<typeof form>[0][number];
const dossierPart = (over: Record<string, unknown> = {}): Part => ({
  field: 'dossier',
  value: JSON.stringify({
    procedureCode: '1.004873',
    unitId: anBinh,
    applicant: applicant(),
    documents: [
      { part: 'tokhai', name: 'Tờ khai' },
      { part: 'cccd', name: 'Căn cước công dân' },
    ],
    ...over,
  }),
});
const tokhai: Part = { field: 'tokhai', filename: 'To khai Nguyen Van Dan.pdf', content: PDF, type: 'application/pdf' };
const cccd: Part = { field: 'cccd', filename: 'cccd.png', content: PNG, type: 'image/png' };

function send(parts: Part[], headers: Record<string, string> = {}, ip = freshIp()) {
  const f = form(parts);
  return t.anonymous().request({ method: 'POST', url: '/api/public/dossiers/with-files', payload: f.payload, headers: { ...f.headers, ...headers }, remoteAddress: ip });
}

const counts = async () => ({ dossiers: await countRows(t, 'dossiers'), files: await countRows(t, 'files'), links: await countRows(t, 'dossier_documents'), steps: await countRows(t, 'workflow_steps') });

describe('online submission with its files in one request', () => {
  it('files the dossier with its documents, which the desk reads and the citizen tracks', async () => {
    const res = await send([dossierPart(), tokhai, cccd]);
    expect(res.statusCode, res.body).toBe(201);
    const sub = res.json<PublicSubmitResult>();
    expect(sub).toMatchObject({ state: 'submitted', trackingUrl: `/tra-cuu/${encodeURIComponent(sub.code)}` });

    const docs = await t.db.select().from(dossierDocuments).where(eq(dossierDocuments.dossierId, sub.id));
    expect(docs.map((d) => d.name).sort()).toEqual(['Căn cước công dân', 'Tờ khai']);
    const stored = await t.db.select().from(files).where(eq(files.id, docs.find((d) => d.name === 'Tờ khai')!.fileId));
    expect(stored[0]).toMatchObject({ mime: 'application/pdf', size: PDF.length, createdBy: null, name: 'To khai Nguyen Van Dan.pdf' });
    expect(readFileSync(path.join(t.filesDir, stored[0]!.storageKey))).toEqual(PDF);

    // The dossier's audit entry records the files written with it: what identifies their bytes, not their names.
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, sub.id));
    const recorded = (entry?.after as { files?: Array<{ id: string; sha256: string }> }).files ?? [];
    expect(recorded.map((f) => f.id).sort()).toEqual(docs.map((d) => d.fileId).sort());
    expect(JSON.stringify(entry?.after)).not.toContain('To khai Nguyen Van Dan');

    const motcua = await t.loginAs('motcua.anbinh');
    const seen = (await motcua.get(`/api/dossiers/${sub.id}`)).json<DossierView>();
    expect(seen.documents.map((d) => d.mime).sort()).toEqual(['application/pdf', 'image/png']);
    const download = await motcua.get(`/api/dossiers/${sub.id}/files/${stored[0]!.id}`);
    expect(download.rawPayload).toEqual(PDF);
    const tracked = await t.anonymous().request({ method: 'GET', url: `/api/public/dossiers/${encodeURIComponent(sub.code)}`, headers: { 'x-tracking-secret': sub.secret }, remoteAddress: freshIp() });
    expect(tracked.json<PublicDossierView>().state).toBe('submitted');
  });

  it('mixes files of the form with an earlier upload', async () => {
    const earlier = await uploadOk(t.anonymous());
    const res = await send([dossierPart({ documents: [{ part: 'cccd', name: 'Căn cước công dân' }, { fileId: earlier.id, name: 'Tờ khai' }] }), cccd]);
    expect(res.statusCode, res.body).toBe(201);
    const docs = await t.db.select().from(dossierDocuments).where(eq(dossierDocuments.dossierId, res.json<PublicSubmitResult>().id));
    expect(docs.map((d) => d.fileId)).toContain(earlier.id);
    expect(docs).toHaveLength(2);
  });

  it('refuses a bad form with the field and its reason, and writes no row', async () => {
    const before = await counts();
    const cases: Array<[Part[], string[]]> = [
      [[tokhai, cccd], ['body.dossier']],
      [[{ field: 'dossier', value: '{"procedureCode": ' }, tokhai], ['body.dossier']],
      [[dossierPart({ applicant: { name: '', idNumber: '12ab' } }), tokhai, cccd], ['body.applicant.idNumber', 'body.applicant.name']],
      // A document names a part that was not sent; a file that no document uses.
      [[dossierPart(), tokhai], ['body.documents.1.part']],
      [[dossierPart({ documents: [{ part: 'tokhai', name: 'Tờ khai' }] }), tokhai, cccd], ['body.cccd']],
      [[dossierPart({ documents: [{ part: 'tokhai', name: 'Tờ khai' }, { part: 'tokhai', name: 'Bản sao' }] }), tokhai], ['body.documents.1.part']],
      // Not a document type the portal accepts; an empty file; a field the form does not know.
      [[dossierPart(), tokhai, { ...cccd, content: Buffer.from('MZ\x90\x00 an executable') }], ['body.cccd']],
      [[dossierPart(), tokhai, { ...cccd, content: Buffer.alloc(0) }], ['body.cccd']],
      [[dossierPart(), tokhai, cccd, { field: 'ghichu', value: 'x' }], ['body.ghichu']],
      [[dossierPart({ unitId: undefined }), tokhai, cccd], ['body.unitId']],
    ];
    for (const [parts, paths] of cases) {
      const res = await send(parts);
      expect(res.statusCode, res.body).toBe(400);
      expect(errorOf(res).code).toBe('invalid_input');
      expect(fieldPaths(res), res.body).toEqual(paths);
    }
    const json = await t.anonymous().request({ method: 'POST', url: '/api/public/dossiers/with-files', payload: { procedureCode: '1.004873' }, remoteAddress: freshIp() });
    expect(fieldPaths(json)).toEqual(['body']);
    expect(await counts()).toEqual(before);
  });

  it('replays a retry with the same key, and refuses the key with other files', async () => {
    const ip = '10.7.200.1';
    const first = await send([dossierPart(), tokhai, cccd], { 'idempotency-key': 'with-files-retry-01' }, ip);
    expect(first.statusCode, first.body).toBe(201);
    const before = await counts();
    const again = await send([dossierPart(), tokhai, cccd], { 'idempotency-key': 'with-files-retry-01' }, ip);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json<PublicSubmitResult>().code).toBe(first.json<PublicSubmitResult>().code);
    const other = await send([dossierPart(), tokhai, { ...cccd, content: Buffer.concat([PNG, Buffer.from([7])]) }], { 'idempotency-key': 'with-files-retry-01' }, ip);
    expect(other.statusCode).toBe(422);
    expect(await counts()).toEqual(before);
  });
});
