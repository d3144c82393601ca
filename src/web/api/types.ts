// Shapes of the foundation API answers (docs/api-foundation.md), as the web app reads them.
import type { AgencyKind, Role, UnitKind } from '../../common/roles';
export type { CurrentUser, SessionView } from '../../common/auth.schema';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Unit {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  kind: UnitKind;
  validFrom: string | null;
  validTo: string | null;
  note: string | null;
  depth: number;
  childCount: number;
  active: boolean;
  actions: string[];
}

export interface Agency {
  id: string;
  unitId: string;
  code: string;
  name: string;
  kind: AgencyKind;
  validFrom: string | null;
  validTo: string | null;
  active: boolean;
  actions: string[];
}

export interface UnitDetail extends Unit {
  parent: { id: string; name: string } | null;
  agencies: Agency[];
}

export interface StaffGrant {
  id: string;
  role: Role;
  unitId: string;
  unitName: string;
}

export interface StaffMember {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  title: string | null;
  unitId: string;
  unitName: string;
  agencyId: string | null;
  agencyName: string | null;
  active: boolean;
  locked: boolean;
  lastLoginAt: string | null;
  grants: StaffGrant[];
  actions: string[];
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'rejected' | 'failed';

export interface Job {
  id: string;
  kind: string;
  status: JobStatus;
  total: number;
  processed: number;
  accepted: number;
  rejected: Array<{ row: number; field: string; message: string }>;
  message: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export type DayKind = 'holiday' | 'day_off' | 'working_day';

export interface CalendarDay {
  date: string;
  kind: DayKind;
  name: string;
  source: 'rule' | 'official';
  legalBasis?: string | null;
}

export interface CalendarSettings {
  afternoonCutoff: string;
}

export interface CalendarYear {
  year: number;
  days: CalendarDay[];
  settings: CalendarSettings;
}

export interface DueAnswer {
  start: string;
  effectiveStart: string;
  dueDate: string;
  dueAt: string;
}

export interface AuditEntry {
  id: number | string;
  at: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  unitId: string | null;
  unitName: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}
