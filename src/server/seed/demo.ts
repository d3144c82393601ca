// Fills an empty database with the demo province and one demo account per role; refused in production.
import { count } from 'drizzle-orm';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { agencies, roleGrants, staff, units } from '../db/schema';
import { recordAudit } from '../platform/audit/audit';
import { hashPassword } from '../platform/auth/secrets';
import { DEMO_STAFF, DEMO_UNITS } from './demo-data';
import { seedDemoProcedures } from './demo-procedures';
import { seedDemoDossiers } from '../modules/dossiers/dossiers.demo';
import { seedDemoLetters } from '../modules/letters/letters.demo';
import { seedOpen311Services } from '../modules/open311/open311.catalogue';

export class DemoRefusedError extends Error {}

export async function seedDemoIfEmpty(db: Db, config: Config): Promise<boolean> {
  if (config.DANVAN_DEMO === 'off') return false;
  const [row] = await db.select({ n: count() }).from(units);
  if ((row?.n ?? 0) > 0) return false;
  if (config.NODE_ENV === 'production') {
    if (config.DANVAN_DEMO === 'on') throw new DemoRefusedError('Demo data is refused when NODE_ENV=production.');
    return false;
  }
  await seedDemo(db, config.DANVAN_DEMO_PASSWORD);
  return true;
}

export async function seedDemo(db: Db, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const unitIds = new Map<string, { id: string; path: string; depth: number }>();
    const agencyIds = new Map<string, string>();
    for (const u of DEMO_UNITS) {
      const parent = u.parent ? unitIds.get(u.parent) : undefined;
      const id = crypto.randomUUID();
      const path = `${parent?.path ?? '/'}${id}/`;
      const depth = parent ? parent.depth + 1 : 0;
      await tx.insert(units).values({
        id,
        parentId: parent?.id ?? null,
        path,
        depth,
        code: u.code,
        name: u.name,
        kind: u.kind,
        validFrom: u.validFrom ?? null,
        validTo: u.validTo ?? null,
        note: u.note ?? null,
      });
      unitIds.set(u.code, { id, path, depth });
      for (const a of u.agencies) {
        const [ag] = await tx.insert(agencies).values({ unitId: id, ...a }).returning({ id: agencies.id });
        if (ag) agencyIds.set(a.code, ag.id);
      }
    }
    for (const s of DEMO_STAFF) {
      const unit = unitIds.get(s.unit);
      if (!unit) throw new Error(`demo staff ${s.username}: unknown unit ${s.unit}`);
      const [created] = await tx
        .insert(staff)
        .values({
          username: s.username,
          fullName: s.fullName,
          title: s.title,
          unitId: unit.id,
          agencyId: s.agency ? (agencyIds.get(s.agency) ?? null) : null,
          passwordHash,
          isDemo: true,
        })
        .returning({ id: staff.id });
      if (!created) throw new Error('insert failed');
      for (const role of s.roles) await tx.insert(roleGrants).values({ staffId: created.id, role, unitId: unit.id });
    }
    await seedDemoProcedures(tx, unitIds, agencyIds);
    await seedDemoDossiers(tx);
    await seedDemoLetters(tx);
    await seedOpen311Services(tx);
    await recordAudit(tx, { actor: null, requestId: 'seed', ip: '127.0.0.1' }, {
      action: 'demo.seed',
      entityType: 'system',
      after: { units: DEMO_UNITS.length, staff: DEMO_STAFF.length },
    });
  });
}
