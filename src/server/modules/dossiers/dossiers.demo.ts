// Demo dossiers in several states (waiting, in progress, awaiting approval, returned, refused, overdue), made through the module's own services.
import { inArray } from 'drizzle-orm';
import type { DossierActionBody } from '../../../common/dossiers.schema';
import type { Tx } from '../../db/client';
import { agencies, staff } from '../../db/schema';
import { loadActor, type Ctx } from '../../platform/auth/actor';
import { actOnDossier } from './dossiers.actions';
import { intakeAtDesk, submitOnline } from './dossiers.intake';

const DAY = 86_400_000;
const MIN = 60_000;

type Step = [who: string, action: string, body?: DossierActionBody];

interface DemoDossier {
  /** When it came in, in days before now (fractions allowed). */
  daysAgo: number;
  procedureCode: string;
  applicant: { name: string; idNumber: string; phone?: string };
  /** Desk intake by this officer with this decision, or an online submission to this unit code. */
  desk?: { officer: string; decision: 'accept' | 'request_completion' | 'refuse'; data?: Record<string, unknown> };
  online?: { unitCode: string };
  steps: Step[];
}

const DEMO: DemoDossier[] = [
  { daysAgo: 0.05, procedureCode: '1.001193', applicant: { name: 'Lê Thị Hoa', idNumber: '001195004321', phone: '0987654321' }, online: { unitCode: '99001' }, steps: [] },
  { daysAgo: 0.1, procedureCode: '1.004873', applicant: { name: 'Trần Văn Bình', idNumber: '001088007654' }, desk: { officer: 'motcua.anbinh', decision: 'accept', data: { copies: 1 } }, steps: [] },
  {
    daysAgo: 1,
    procedureCode: '1.004873',
    applicant: { name: 'Phạm Thị Lan', idNumber: '001192003456' },
    desk: { officer: 'motcua.anbinh', decision: 'accept' },
    steps: [
      ['motcua.anbinh', 'transfer', { toAgencyId: '@99001.VHXH' }],
      ['lanhdao.anbinh', 'assign', { assigneeId: '@chuyenvien.anbinh' }],
    ],
  },
  {
    daysAgo: 1.5,
    procedureCode: '2.000575',
    applicant: { name: 'Hộ kinh doanh Nguyễn Văn Sơn', idNumber: '0109876543' },
    desk: { officer: 'motcua.anbinh', decision: 'accept' },
    steps: [
      ['motcua.anbinh', 'transfer', { toAgencyId: '@99001.KT' }],
      ['lanhdao.anbinh', 'assign', { assigneeId: '@chuyenvien.anbinh' }],
      ['chuyenvien.anbinh', 'submit_for_approval', { note: 'Hồ sơ hợp lệ, đề nghị cấp' }],
    ],
  },
  {
    daysAgo: 6,
    procedureCode: '1.004873',
    applicant: { name: 'Đỗ Minh Khoa', idNumber: '001090001122' },
    desk: { officer: 'motcua.anbinh', decision: 'accept' },
    steps: [
      ['motcua.anbinh', 'transfer', { toAgencyId: '@99001.VHXH' }],
      ['lanhdao.anbinh', 'assign', { assigneeId: '@chuyenvien.anbinh' }],
      ['chuyenvien.anbinh', 'submit_for_approval'],
      ['lanhdao.anbinh', 'approve', { data: { decisionNo: '21/GXN-UBND' } }],
      ['motcua.anbinh', 'return_result', { data: { feesCollected: 15000 } }],
    ],
  },
  {
    daysAgo: 2,
    procedureCode: '1.009994',
    applicant: { name: 'Vũ Đức Thành', idNumber: '001085009988' },
    desk: {
      officer: 'motcua.anbinh',
      decision: 'request_completion',
      data: { missingDocuments: [{ name: 'Bản vẽ thiết kế xây dựng', form: 'original', count: 2 }], guidance: 'Nộp bổ sung tại Bộ phận Một cửa' },
    },
    steps: [],
  },
  {
    daysAgo: 3,
    procedureCode: '1.000894',
    applicant: { name: 'Ngô Văn Tài', idNumber: '001091002233' },
    desk: { officer: 'motcua.anbinh', decision: 'refuse', data: { reason: 'Một bên đang có vợ', legalBasis: 'Điều 5 Luật Hôn nhân và gia đình 2014' } },
    steps: [],
  },
  {
    daysAgo: 14,
    procedureCode: '2.000575',
    applicant: { name: 'Hộ kinh doanh Lý Thị Mơ', idNumber: '0108765432' },
    desk: { officer: 'motcua.binhminh', decision: 'accept' },
    steps: [['motcua.binhminh', 'transfer', { toAgencyId: '@99002.KT' }]],
  },
];

/** `@username` and `@agency.code` in a demo step become ids. */
function resolve(body: DossierActionBody, ids: ReadonlyMap<string, string>): DossierActionBody {
  const out: DossierActionBody = { ...body };
  if (out.toAgencyId?.startsWith('@')) out.toAgencyId = ids.get(out.toAgencyId.slice(1)) ?? null;
  if (out.assigneeId?.startsWith('@')) out.assigneeId = ids.get(out.assigneeId.slice(1)) ?? null;
  return out;
}

/** Called by seed/demo.ts inside its transaction, after the units, staff and procedures. */
export async function seedDemoDossiers(tx: Tx, now: Date = new Date()): Promise<void> {
  // Seed-only look-up by username and agency code (the org services look up by id).
  const people = await tx.select({ id: staff.id, username: staff.username }).from(staff);
  const offices = await tx
    .select({ id: agencies.id, code: agencies.code, unitId: agencies.unitId })
    .from(agencies)
    .where(inArray(agencies.code, ['99001.MC', '99001.VHXH', '99001.KT', '99002.KT']));
  const ids = new Map([...people.map((p) => [p.username, p.id] as const), ...offices.map((a) => [a.code, a.id] as const)]);
  const deskUnit = (unitCode: string) => offices.find((a) => a.code === `${unitCode}.MC`)?.unitId;
  const ctxs = new Map<string, Ctx>();
  const ctxOf = async (username: string): Promise<Ctx> => {
    const known = ctxs.get(username);
    if (known) return known;
    const actor = await loadActor(tx, ids.get(username) ?? '');
    if (!actor) throw new Error(`demo dossiers: no staff ${username}`);
    const ctx: Ctx = { actor, requestId: 'seed', ip: '127.0.0.1', lang: 'vi' };
    ctxs.set(username, ctx);
    return ctx;
  };
  for (const d of DEMO) {
    let at = new Date(now.getTime() - d.daysAgo * DAY);
    const base = { procedureCode: d.procedureCode, applicant: d.applicant, documents: [] };
    let id: string;
    if (d.online) {
      id = (await submitOnline(tx, { requestId: 'seed', ip: '127.0.0.1', lang: 'vi' }, { ...base, unitId: deskUnit(d.online.unitCode) }, at)).id;
    } else if (d.desk) {
      const ctx = await ctxOf(d.desk.officer);
      id = (await intakeAtDesk(tx, ctx, { ...base, decision: d.desk.decision, ...(d.desk.data ? { data: d.desk.data } : {}) }, at)).dossier.id;
    } else continue;
    for (const [who, action, body] of d.steps) {
      at = new Date(at.getTime() + 30 * MIN);
      await actOnDossier(tx, await ctxOf(who), id, action, resolve(body ?? {}, ids), at);
    }
  }
}
