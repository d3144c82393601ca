// The dossier code format through HTTP: root administrators only, checked so that codes stay unique, audited, used by the next intake.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeSettings } from '../../../common/dossier-codes.schema';
import { auditLog } from '../../db/schema';
import { dayOfInstant, formatDate } from '../../platform/calendar/local-date';
import { errorOf, fieldPaths, intakeOk, startDossierApp, type DossierTestApp } from './dossiers.test-helpers';

let t: DossierTestApp;
beforeAll(async () => {
  t = await startDossierApp();
});
afterAll(() => t.close());

describe('dossier code format', () => {
  it('shows the default format with an example, to root administrators only', async () => {
    const admin = await t.loginAs('admin');
    const res = await admin.get('/api/settings/dossier-codes');
    expect(res.statusCode).toBe(200);
    const s = res.json<CodeSettings>();
    expect(s).toMatchObject({ codeFormat: '{agency}-{yymmdd}-{seq:4}', defaultFormat: '{agency}-{yymmdd}-{seq:4}' });
    expect(s.example).toMatch(/-\d{6}-0001$/);
    for (const who of ['admin.binhminh', 'motcua.anbinh', 'lanhdao.tinh']) {
      const c = await t.loginAs(who);
      expect((await c.get('/api/settings/dossier-codes')).statusCode, who).toBe(403);
      expect((await c.put('/api/settings/dossier-codes', { codeFormat: '{agency}-{yymmdd}-{seq:3}' })).statusCode, who).toBe(403);
    }
  });

  it('refuses formats that could repeat a code, naming the field, and changes nothing', async () => {
    const admin = await t.loginAs('admin');
    for (const codeFormat of ['{unit}-{yymmdd}-{seq:4}', '{agency}-{yymm}-{seq:4}', '{agency}-{mm}{dd}-{seq:4}', '{agency}-{yymmdd}', '{agency}-{yymmdd}-{seq:4} hồ sơ', '{agency}/{yymmdd}/{seq:4}']) {
      const res = await admin.put('/api/settings/dossier-codes', { codeFormat });
      expect(res.statusCode, codeFormat).toBe(400);
      expect(fieldPaths(res)).toEqual(['body.codeFormat']);
      expect(errorOf(res).code).toBe('invalid_input');
    }
    expect((await admin.get('/api/settings/dossier-codes')).json<CodeSettings>().codeFormat).toBe('{agency}-{yymmdd}-{seq:4}');
  });

  it('gives the next dossier a code in the new format and records who changed it', async () => {
    const admin = await t.loginAs('admin');
    const res = await admin.put('/api/settings/dossier-codes', { codeFormat: '{agency}.{yyyy}{mm}{dd}.{seq:5}' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<CodeSettings>().example).toMatch(/\.\d{8}\.00001$/);
    const { dossier } = await intakeOk(await t.loginAs('motcua.anbinh'));
    const today = formatDate(dayOfInstant(new Date())).replace(/-/g, '');
    expect(dossier.code).toMatch(new RegExp(`^99001\\.MC\\.${today}\\.\\d{5}$`));
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'dossier.settings.update'), eq(auditLog.entityId, 'dossiers')));
    expect(entry?.before).toEqual({ codeFormat: '{agency}-{yymmdd}-{seq:4}' });
    expect(entry?.after).toEqual({ codeFormat: '{agency}.{yyyy}{mm}{dd}.{seq:5}' });
  });
});
