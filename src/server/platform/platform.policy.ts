// Who may read the audit trail and manage the working-day calendar and settings.
import { ROLES } from '../../common/roles';
import type { Rule } from './policy';

export const platformRules = {
  'audit.read': { roles: ['admin'] },
  'calendar.read': { roles: ROLES },
  'calendar.manage': { roles: ['admin'], rootOnly: true },
  'settings.manage': { roles: ['admin'], rootOnly: true },
} as const satisfies Record<string, Rule>;
