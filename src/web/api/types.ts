// Shapes of the API answers as the web app reads them: type-only imports of the zod schemas in src/common
// (no zod runtime code reaches the bundle), plus the few shapes that have no schema there.
import type { AgencyView, JobStatus, JobView, StaffView, UnitDetailView, UnitView } from '../../common/org.schema';
import type { AuditEntryView } from '../../common/audit.schema';
import type { CalendarDayView, CalendarSettings, CalendarYearView, DueView } from '../../common/calendar.schema';
export type { CurrentUser, SessionView } from '../../common/auth.schema';
export type {
  ProcedureFieldList,
  ProcedureWorkflowList,
  ProcedurePublicView,
  ProcedureSummary,
  ProcedureView,
  ProcedureCreateBody,
  ProcedurePatchBody,
  ProcedureLevel,
  DocumentForm,
} from '../../common/procedures.schema';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type Unit = UnitView;
export type Agency = AgencyView;
export type UnitDetail = UnitDetailView;
export type StaffMember = StaffView;
export type StaffGrant = StaffView['grants'][number];
export type { JobStatus };
export type Job = JobView;
export type DayKind = CalendarDayView['kind'];
export type CalendarDay = CalendarDayView;
export type { CalendarSettings };
export type { CodeSettings } from '../../common/dossier-codes.schema';
export type {
  ActionFieldView,
  DeskIntakeBody,
  DeskIntakeResult,
  DossierActionBody,
  DossierActionView,
  DossierCounts,
  DossierSummary,
  DossierView,
  FileView,
} from '../../common/dossiers.schema';
export type { AssigneeCandidate, AssigneeList, IntakeHandOn, TransferAgency, TransferAgencyList } from '../../common/dossier-pickers.schema';
export type { StatsCounters, StatsGroupBy, StatsResult, StatsRow } from '../../common/dossier-stats.schema';
export type CalendarYear = CalendarYearView;
export type AuditEntry = AuditEntryView;
export type DueAnswer = DueView;
