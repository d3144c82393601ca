// The service catalogue as GeoReport v2 shows it: services.json, services/{code}.json and the discovery document.
import { asc, count, eq, max } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Tx } from '../../db/client';
import { open311Services } from '../../db/schema';
import { formatLocalIso } from '../../platform/calendar/local-date';
import { seedOpen311Services } from './open311.catalogue';
import type { ServiceAttribute } from './open311.table';

export type ServiceRow = typeof open311Services.$inferSelect;

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

export interface ServiceView {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: string;
  keywords: string;
  group: string;
}

export interface ServiceDefinitionView {
  service_code: string;
  attributes: ServiceAttribute[];
}

export const toServiceView = (s: ServiceRow): ServiceView => ({
  service_code: s.code,
  service_name: s.name,
  description: s.description,
  metadata: s.attributes.length > 0,
  type: s.type,
  keywords: s.keywords,
  group: s.groupName,
});

/** Attributes in their `order`; `values` only on lists, as the specification shows them. */
export const toDefinitionView = (s: ServiceRow): ServiceDefinitionView => ({
  service_code: s.code,
  attributes: [...s.attributes]
    .sort((a, b) => a.order - b.order)
    .map((a) => ({
      variable: a.variable,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: a.datatype_description,
      order: a.order,
      description: a.description,
      ...(a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist' ? { values: a.values ?? [] } : {}),
    })),
});

export async function listServices(db: Tx): Promise<ServiceRow[]> {
  return db.select().from(open311Services).where(eq(open311Services.active, true)).orderBy(asc(open311Services.sortOrder), asc(open311Services.code));
}

/** An active category; a retired one is unknown to clients. */
export async function findService(db: Tx, code: string): Promise<ServiceRow | undefined> {
  const [row] = await db.select().from(open311Services).where(eq(open311Services.code, code));
  return row?.active ? row : undefined;
}

/** A new installation starts with the default categories; once there are any, they are the administrators' to change. */
export async function ensureServices(db: Tx): Promise<void> {
  const [row] = await db.select({ n: count() }).from(open311Services);
  if ((row?.n ?? 0) === 0) await seedOpen311Services(db);
}

/** discovery.json: where the endpoint is, who to ask for a key, what it speaks. */
export async function discovery(db: Tx, config: Config) {
  const [row] = await db.select({ at: max(open311Services.updatedAt) }).from(open311Services);
  const changeset = formatLocalIso(row?.at ?? new Date(0));
  return {
    changeset,
    contact: `Quản trị hệ thống Dân Vận Số / Dân Vận Số administrators: ${config.DANVAN_PUBLIC_URL}`,
    key_service: `Khoá API do quản trị viên tỉnh hoặc xã cấp cho từng ứng dụng (API keys are issued per application by a province or commune administrator): ${config.DANVAN_PUBLIC_URL}`,
    endpoints: [
      {
        specification: SPECIFICATION,
        url: `${config.DANVAN_PUBLIC_URL}/open311/v2`,
        changeset,
        type: config.NODE_ENV === 'production' ? 'production' : 'test',
        formats: ['application/json'],
      },
    ],
  };
}
