// Stored bytes without a row: those of a refused with-files form and an unfinished upload go once old enough; a file a row names stays.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileView } from '../../../common/dossiers.schema';
import { applicant, form, PDF, PNG, startDossierApp, upload, type DossierTestApp } from '../../modules/dossiers/dossiers.test-helpers';
import { STRAY_AFTER_MS, sweepStrayFiles } from './files.sweep';

let t: DossierTestApp;
beforeAll(async () => {
  t = await startDossierApp();
});
afterAll(() => t.close());

const stored = (bytes: Buffer) => {
  const sha = createHash('sha256').update(bytes).digest('hex');
  return path.join(t.filesDir, sha.slice(0, 2), sha);
};
const age = (file: string, ms: number) => {
  const at = new Date(Date.now() - ms);
  utimesSync(file, at, at);
};

describe('the sweep of stored files', () => {
  it('removes the bytes no row names once they are old, and keeps what a row names and what is recent', async () => {
    // A file a row names (an upload), old.
    const kept = Buffer.concat([PDF, Buffer.from('sweep-kept')]);
    const up = await upload(t.anonymous(), '/api/public/files', 'Tờ khai.pdf', kept);
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json<FileView>().sha256).toBe(path.basename(stored(kept)));
    // A form refused after its files were written: a file no document uses.
    const unused = Buffer.concat([PNG, Buffer.from('sweep-unused')]);
    const f = form([
      {
        field: 'dossier',
        value: JSON.stringify({ procedureCode: '1.004873', unitId: await t.unitId('99001'), applicant: applicant(), documents: [{ part: 'tokhai', name: 'Tờ khai' }] }),
      },
      { field: 'tokhai', filename: 'tokhai.pdf', content: Buffer.concat([PDF, Buffer.from('sweep-tokhai')]), type: 'application/pdf' },
      { field: 'cccd', filename: 'cccd.png', content: unused, type: 'image/png' },
    ]);
    const refused = await t.anonymous().request({ method: 'POST', url: '/api/public/dossiers/with-files', payload: f.payload, headers: f.headers, remoteAddress: '10.9.0.1' });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(existsSync(stored(unused))).toBe(true);
    // An upload that never finished, and bytes without a row written a minute ago (a request may still be writing its row).
    mkdirSync(path.join(t.filesDir, 'tmp'), { recursive: true });
    const unfinished = path.join(t.filesDir, 'tmp', 'interrupted.part');
    writeFileSync(unfinished, 'half a file');
    const recent = Buffer.concat([PNG, Buffer.from('sweep-recent')]);
    mkdirSync(path.dirname(stored(recent)), { recursive: true });
    writeFileSync(stored(recent), recent);
    for (const file of [stored(kept), stored(unused), unfinished]) age(file, STRAY_AFTER_MS + 60_000);
    age(stored(recent), 60_000);

    const r = await sweepStrayFiles(t.db, t.filesDir, new Date());
    expect(existsSync(stored(kept))).toBe(true);
    expect(existsSync(stored(unused))).toBe(false);
    expect(existsSync(unfinished)).toBe(false);
    expect(existsSync(stored(recent))).toBe(true);
    // Only what was old and named by no row: the refused form's other file is recent.
    expect(r).toEqual({ removed: 1, bytes: unused.length, unfinished: 1 });
    // A second sweep finds nothing more.
    expect(await sweepStrayFiles(t.db, t.filesDir, new Date())).toEqual({ removed: 0, bytes: 0, unfinished: 0 });
  });
});
