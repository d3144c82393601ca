// Test-only helpers of the dossier tests: a test app with its own files folder, multipart uploads, desk intake and actions in one call.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { DeskIntakeResult, DossierView, FileView } from '../../../common/dossiers.schema';
import { queryRows } from '../../db/rows';
import { startTestApp, type TestApp, type TestClient } from '../../testing/harness';

export interface DossierTestApp extends TestApp {
  filesDir: string;
}

export async function startDossierApp(env: Record<string, string> = {}): Promise<DossierTestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'danvan-dossiers-'));
  const t = await startTestApp({ DANVAN_DATA_DIR: dataDir, ...env });
  return {
    ...t,
    filesDir: path.join(dataDir, 'files'),
    close: async () => {
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A multipart body with one field `file`, as a browser's form would send it. */
export function multipart(filename: string, content: Buffer, contentType = 'application/octet-stream', field = 'file') {
  return form([{ field, filename, content, type: contentType }]);
}

/** A multipart form of text fields and files, in the order given. */
export function form(parts: Array<{ field: string; value: string } | { field: string; filename: string; content: Buffer; type?: string }>) {
  const boundary = `----danvan${randomUUID().replace(/-/g, '')}`;
  const chunks = parts.map((p) =>
    'value' in p
      ? Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.field}"\r\n\r\n${p.value}\r\n`)
      : Buffer.concat([
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.field}"; filename="${p.filename}"\r\nContent-Type: ${p.type ?? 'application/octet-stream'}\r\n\r\n`),
          p.content,
          Buffer.from('\r\n'),
        ]),
  );
  return { payload: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'), Buffer.alloc(200, 0x20), Buffer.from('\n%%EOF\n')]);
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 1)]);

export async function upload(client: TestClient, url: string, name: string, content: Buffer, type = 'application/pdf', remoteAddress?: string) {
  const m = multipart(name, content, type);
  return client.request({ method: 'POST', url, payload: m.payload, headers: m.headers, ...(remoteAddress ? { remoteAddress } : {}) });
}

export async function uploadOk(client: TestClient, url = '/api/public/files', name = 'to-khai.pdf', content: Buffer = PDF): Promise<FileView> {
  const res = await upload(client, url, name, content);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<FileView>();
}

export const applicant = (over: Record<string, unknown> = {}) => ({ name: 'Nguyễn Văn Dân', idNumber: '001090012345', phone: '0912345678', ...over });

/** Desk intake by a signed-in officer (birth registration at An Bình by default). */
export async function intake(client: TestClient, over: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return client.request({
    method: 'POST',
    url: '/api/dossiers',
    payload: { procedureCode: '1.004873', applicant: applicant(), decision: 'accept', data: { copies: 1 }, ...over },
    headers,
  });
}

export async function intakeOk(client: TestClient, over: Record<string, unknown> = {}): Promise<DeskIntakeResult> {
  const res = await intake(client, over);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<DeskIntakeResult>();
}

export async function act(client: TestClient, id: string, action: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return client.request({ method: 'POST', url: `/api/dossiers/${id}/actions/${action}`, payload: body, headers });
}

export async function actOk(client: TestClient, id: string, action: string, body: Record<string, unknown> = {}): Promise<DossierView> {
  const res = await act(client, id, action, body);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json<DossierView>();
}

export function errorOf(res: LightMyRequestResponse) {
  return res.json<{ error: { code: string; details?: { fields?: Array<{ path: string }>; reason?: string } } }>().error;
}

export const fieldPaths = (res: LightMyRequestResponse) => errorOf(res).details?.fields?.map((f) => f.path).sort() ?? [];

export async function countRows(t: TestApp, table: string): Promise<number> {
  const [r] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.identifier(table)}`);
  return r?.n ?? 0;
}
