// Every table, for drizzle-kit and for typed queries.
export * from '../modules/org/org.table';
export * from '../platform/auth/sessions.table';
export * from '../platform/audit/audit.table';
export * from '../platform/calendar/calendar.table';
export * from '../platform/jobs/jobs.table';
export * from '../modules/procedures/procedures.table';
export * from '../platform/workflow/workflow.table';
export * from '../platform/files/files.table';
export * from '../modules/dossiers/dossiers.table';
export * from '../modules/dossiers/dossiers.ratings.table';
export * from '../platform/notify/notify.table';
export * from '../modules/citizens/citizens.table';
export * from '../platform/codes/codes.table';
export * from '../modules/letters/letters.table';
export * from '../modules/open311/open311.table';
