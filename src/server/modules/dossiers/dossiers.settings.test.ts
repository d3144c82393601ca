// The dossier code format through HTTP: root administrators only, checked so that codes stay unique, audited, used by the next intake.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeSettings } from '../../../common/dossier-codes.schema';
import type { PublicSubmitResult } from '../../../common/dossiers.schema';
import { auditLog } from '../../db/schema';
import { dayOfInstant, formatDate } from '../../platform/calendar/local-date';
import { applicant, errorOf, fieldPaths, intakeOk, startDossierApp, uploadOk, type DossierTestApp } from './dossiers.test-helpers';

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
    for (const codeFormat of ['{unit}-{yymmdd}-{seq:4}', '{agency}-{yymm}-{seq:4}', '{agency}-{mm}{dd}-{seq:4}', '{agency}-{yymmdd}', '{agency}-{yymmdd}-{seq:4} hồ sơ', '{agency}/{yymmdd}/{seq:4}', '{agency}:{yymmdd}:{seq:4}', '{agency}-{yymmdd}-{seq:4}-{seq:2}']) {
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
    // Online, the statement that writes the dossier numbers it in the same format, the next number of the day.
    const file = await uploadOk(t.anonymous());
    const online = await t.anonymous().request({
      method: 'POST',
      url: '/api/public/dossiers',
      payload: { procedureCode: '1.004873', unitId: await t.unitId('99001'), applicant: applicant(), documents: [{ fileId: file.id, name: 'Tờ khai' }] },
    });
    expect(online.statusCode, online.body).toBe(201);
    const sub = online.json<PublicSubmitResult>();
    expect(sub.code).toBe(`99001.MC.${today}.${String(Number(dossier.code.slice(-5)) + 1).padStart(5, '0')}`);
    expect(sub.trackingUrl).toBe(`/tra-cuu/${sub.code}`);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'dossier.settings.update'), eq(auditLog.entityId, 'dossiers')));
    expect(entry?.before).toEqual({ codeFormat: '{agency}-{yymmdd}-{seq:4}' });
    expect(entry?.after).toEqual({ codeFormat: '{agency}.{yyyy}{mm}{dd}.{seq:5}' });
  });
});
