// Every module's routes, registered in this order by app.ts.
import type { FastifyPluginAsync } from 'fastify';
import { healthRoutes } from './platform/health.routes';
import { authRoutes } from './platform/auth/auth.routes';
import { auditRoutes } from './platform/audit/audit.routes';
import { calendarRoutes } from './platform/calendar/calendar.routes';
import { unitRoutes } from './modules/org/units.routes';
import { agencyRoutes } from './modules/org/agencies.routes';
import { staffRoutes } from './modules/org/staff.routes';
import { importRoutes } from './modules/org/imports.routes';
import { procedureRoutes } from './modules/procedures/procedures.routes';
import { dossierRoutes } from './modules/dossiers/dossiers.routes';
import { dossierStatsRoutes } from './modules/dossiers/stats/stats.routes';
import { letterRoutes } from './modules/letters/letters.routes';
import { letterStatsRoutes } from './modules/letters/stats/stats.routes';
import { citizenRoutes } from './modules/citizens/citizens.routes';
import { open311Routes } from './modules/open311/open311.routes';

// Each plugin is typed with the zod provider; fastify accepts them as ordinary plugins.
export const moduleRoutes = [
  healthRoutes,
  authRoutes,
  auditRoutes,
  calendarRoutes,
  unitRoutes,
  agencyRoutes,
  staffRoutes,
  importRoutes,
  procedureRoutes,
  dossierRoutes,
  dossierStatsRoutes,
  letterRoutes,
  letterStatsRoutes,
  citizenRoutes,
  open311Routes,
] as unknown as FastifyPluginAsync[];
