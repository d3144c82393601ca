// First start of a real installation (no demo data): creates the top-level unit and its first administrator.
// Usage: DANVAN_ADMIN_PASSWORD=... npm run bootstrap -- --unit-code 01 --unit-name "Thành phố Hà Nội" --kind central_city --username admin --full-name "Nguyễn Văn A"
import { parseArgs } from 'node:util';
import { count } from 'drizzle-orm';
import { z } from 'zod';
import { UnitKind } from '../../common/roles';
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { roleGrants, staff, units } from '../db/schema';
import { recordAudit } from '../platform/audit/audit';
import { hashPassword } from '../platform/auth/secrets';

const Args = z.object({
  'unit-code': z.string().trim().min(1).max(50),
  'unit-name': z.string().trim().min(2).max(200),
  kind: UnitKind,
  username: z.string().regex(/^[a-z0-9._-]{3,50}$/, 'chữ thường, số, dấu chấm, gạch dưới hoặc gạch ngang; 3-50 ký tự'),
  'full-name': z.string().trim().min(2).max(200),
  password: z.string().min(12, 'DANVAN_ADMIN_PASSWORD phải có ít nhất 12 ký tự / must be at least 12 characters'),
});

async function main() {
  const { values } = parseArgs({
    options: {
      'unit-code': { type: 'string' },
      'unit-name': { type: 'string' },
      kind: { type: 'string', default: 'province' },
      username: { type: 'string', default: 'admin' },
      'full-name': { type: 'string', default: 'Quản trị hệ thống' },
    },
  });
  const parsed = Args.safeParse({ ...values, password: process.env.DANVAN_ADMIN_PASSWORD ?? '' });
  if (!parsed.success) {
    for (const i of parsed.error.issues) console.error(`  --${i.path.join('.')}: ${i.message}`);
    process.exit(2);
  }
  const a = parsed.data;
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DANVAN_DATA_DIR, poolSize: config.DANVAN_DB_POOL, prepare: config.DANVAN_DB_PREPARE === 'on' });
  try {
    await database.migrate();
    const [existing] = await database.db.select({ n: count() }).from(units);
    if ((existing?.n ?? 0) > 0) {
      console.error('Cơ sở dữ liệu đã có đơn vị; lệnh này chỉ dùng cho lần khởi tạo đầu tiên.\nThe database already has units; bootstrap is for a new installation only.');
      process.exit(1);
    }
    const passwordHash = await hashPassword(a.password);
    await database.db.transaction(async (tx) => {
      const id = crypto.randomUUID();
      await tx.insert(units).values({ id, parentId: null, path: `/${id}/`, depth: 0, code: a['unit-code'], name: a['unit-name'], kind: a.kind });
      const [admin] = await tx
        .insert(staff)
        .values({ username: a.username, fullName: a['full-name'], unitId: id, passwordHash })
        .returning({ id: staff.id });
      if (!admin) throw new Error('insert failed');
      await tx.insert(roleGrants).values({ staffId: admin.id, role: 'admin', unitId: id });
      await recordAudit(tx, { actor: null, requestId: 'bootstrap', ip: '127.0.0.1' }, {
        action: 'system.bootstrap',
        entityType: 'unit',
        entityId: id,
        unitId: id,
        after: { unit: a['unit-name'], admin: a.username },
      });
    });
    console.log(`Đã tạo ${a['unit-name']} và tài khoản quản trị "${a.username}". / Created the unit and the administrator account.`);
  } finally {
    await database.close();
  }
}

await main();
