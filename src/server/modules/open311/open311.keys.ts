// API keys of Open311 client applications: issued, rotated and revoked by an administrator (audited), shown once, stored as SHA-256, checked on every POST.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { ClientBody, ClientView } from '../../../common/open311-clients.schema';
import type { Tx } from '../../db/client';
import { open311Clients, units } from '../../db/schema';
import { underAnyPath } from '../../db/scope';
import { recordAudit } from '../../platform/audit/audit';
import type { Ctx } from '../../platform/auth/actor';
import { randomSecret, sha256 } from '../../platform/auth/secrets';
import { formatLocalIso } from '../../platform/calendar/local-date';
import { AppError, errors } from '../../platform/errors';
import { assertCan, scopePaths } from '../../platform/policy';
import { findUnit } from '../org/units.service';

const ENTITY = 'open311_client';
/** Recognisable in logs and leaked-secret scanners; 256 random bits after it. */
const KEY_PREFIX = 'dv311_';

const clientNotFound = () => new AppError('open311_client_not_found', 404, 'Không tìm thấy ứng dụng', 'Client application not found');
const clientRevoked = () =>
  errors.conflict('open311_client_revoked', 'Ứng dụng đã bị thu hồi khoá, không cấp lại khoá được; hãy đăng ký ứng dụng mới', 'The application was revoked; register it again for a new key');

/** A new key and what is stored of it: the hash and the first characters. */
function newKey() {
  const apiKey = `${KEY_PREFIX}${randomSecret(32)}`;
  return { apiKey, keyHash: sha256(apiKey), keyPrefix: apiKey.slice(0, KEY_PREFIX.length + 6) };
}

const columns = {
  c: open311Clients,
  unitName: units.name,
  unitCode: units.code,
  unitPath: units.path,
};

type Joined = { c: typeof open311Clients.$inferSelect; unitName: string; unitCode: string };
const iso = (d: Date | null) => (d ? formatLocalIso(d) : null);
const toView = ({ c, unitName, unitCode }: Joined): ClientView => ({
  id: c.id,
  name: c.name,
  contact: c.contact,
  unitId: c.unitId,
  unitName,
  unitCode,
  keyPrefix: c.keyPrefix,
  createdAt: formatLocalIso(c.createdAt),
  revokedAt: iso(c.revokedAt),
  lastUsedAt: iso(c.lastUsedAt),
});

/** Client applications whose unit the administrator manages, newest first. */
export async function listClients(db: Tx, ctx: Ctx): Promise<ClientView[]> {
  assertCan(ctx.actor, 'open311.manage');
  const rows = await db
    .select(columns)
    .from(open311Clients)
    .innerJoin(units, eq(units.id, open311Clients.unitId))
    .where(underAnyPath(scopePaths(ctx.actor, 'open311.manage')))
    .orderBy(desc(open311Clients.createdAt));
  return rows.map(toView);
}

export async function createClient(tx: Tx, ctx: Ctx, body: ClientBody): Promise<{ client: ClientView; apiKey: string }> {
  const unit = await findUnit(tx, body.unitId);
  if (!unit) throw errors.validation([{ path: 'body.unitId', message: ctx.lang === 'vi' ? 'Không tìm thấy đơn vị' : 'No such unit' }]);
  assertCan(ctx.actor, 'open311.manage', { unitPath: unit.path });
  await assertNameFree(tx, ctx, unit.id, body.name);
  const { apiKey, keyHash, keyPrefix } = newKey();
  const [row] = await tx
    .insert(open311Clients)
    .values({ name: body.name, contact: body.contact || null, unitId: unit.id, keyHash, keyPrefix, createdBy: ctx.actor.id })
    .returning();
  if (!row) throw new Error('open311 client insert returned no row');
  await recordAudit(tx, ctx, { action: 'open311.client.create', entityType: ENTITY, entityId: row.id, unitId: unit.id, after: { name: row.name, keyPrefix: row.keyPrefix } });
  return { client: toView({ c: row, unitName: unit.name, unitCode: unit.code }), apiKey };
}

const folded = (name: string) => name.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
const sameName = (a: string, b: string) => folded(a) === folded(b);

/**
 * Two applications in use with one name in one unit could not be told apart on the list: the name is
 * checked under a lock of the unit's registrations (held to the end of the transaction), so that two
 * registrations at once cannot both pass.
 */
async function assertNameFree(tx: Tx, ctx: Ctx, unitId: string, name: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`open311-client:${unitId}`}))`);
  // Compared here, not with SQL lower(): a database in the C locale does not lower "Ô" (a unit has a handful of applications).
  const inUse = await tx
    .select({ name: open311Clients.name })
    .from(open311Clients)
    .where(and(eq(open311Clients.unitId, unitId), isNull(open311Clients.revokedAt)));
  const taken = inUse.some((c) => sameName(c.name, name));
  if (taken)
    throw errors.conflict('open311_client_name_taken', `Đơn vị đã có ứng dụng "${name}" đang hoạt động`, `The unit already has an application "${name}" in use`, {
      fields: [{ path: 'body.name', message: ctx.lang === 'vi' ? 'Đơn vị đã có ứng dụng đang hoạt động với tên này' : 'An application in use already has this name in the unit' }],
    });
}

/** The client with its unit, locked, if the administrator manages its unit; otherwise it does not exist for them. */
async function lockManaged(tx: Tx, ctx: Ctx, id: string) {
  assertCan(ctx.actor, 'open311.manage');
  const [found] = await tx.select(columns).from(open311Clients).innerJoin(units, eq(units.id, open311Clients.unitId)).where(eq(open311Clients.id, id)).for('update', { of: open311Clients });
  if (!found || !scopePaths(ctx.actor, 'open311.manage').some((p) => found.unitPath.startsWith(p))) throw clientNotFound();
  return found;
}

export async function revokeClient(tx: Tx, ctx: Ctx, id: string): Promise<ClientView> {
  const found = await lockManaged(tx, ctx, id);
  if (found.c.revokedAt) return toView(found);
  const now = new Date();
  await tx.update(open311Clients).set({ revokedAt: now, revokedBy: ctx.actor.id }).where(eq(open311Clients.id, id));
  await recordAudit(tx, ctx, { action: 'open311.client.revoke', entityType: ENTITY, entityId: id, unitId: found.c.unitId, before: { revokedAt: null }, after: { revokedAt: now } });
  return toView({ ...found, c: { ...found.c, revokedAt: now, revokedBy: ctx.actor.id } });
}

/**
 * A new key for the same application (when the old one may have leaked, or a staff member who knew it
 * left): the old key stops working at once, the requests already sent stay with the application.
 */
export async function rotateClient(tx: Tx, ctx: Ctx, id: string): Promise<{ client: ClientView; apiKey: string }> {
  const found = await lockManaged(tx, ctx, id);
  if (found.c.revokedAt) throw clientRevoked();
  const { apiKey, keyHash, keyPrefix } = newKey();
  const [row] = await tx.update(open311Clients).set({ keyHash, keyPrefix, lastUsedAt: null }).where(eq(open311Clients.id, id)).returning();
  if (!row) throw new Error('open311 client rotate updated no row');
  await recordAudit(tx, ctx, { action: 'open311.client.rotate', entityType: ENTITY, entityId: id, unitId: found.c.unitId, before: { keyPrefix: found.c.keyPrefix }, after: { keyPrefix } });
  return { client: toView({ ...found, c: row }), apiKey };
}

export type ClientRow = typeof open311Clients.$inferSelect;

/** The unrevoked client of a key; looked up by its hash, so that the key is never compared in plaintext. */
export async function clientOfKey(db: Tx, apiKey: string | undefined): Promise<ClientRow | undefined> {
  if (!apiKey || apiKey.length > 200) return undefined;
  const [row] = await db
    .select()
    .from(open311Clients)
    .where(and(eq(open311Clients.keyHash, sha256(apiKey.trim())), isNull(open311Clients.revokedAt)));
  return row;
}

export async function touchClient(tx: Tx, id: string, now: Date): Promise<void> {
  await tx.update(open311Clients).set({ lastUsedAt: now }).where(eq(open311Clients.id, id));
}
