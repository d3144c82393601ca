// Who may see and change units, agencies and staff. The unit structure is not secret: every staff member reads it.
import { ROLES } from '../../../common/roles';
import type { Rule } from '../../platform/policy';

export const orgRules = {
  'unit.read': { roles: ROLES },
  'unit.create': { roles: ['admin'] },
  'unit.update': { roles: ['admin'] },
  'unit.import': { roles: ['admin'] },
  'agency.manage': { roles: ['admin'] },
  'staff.read': { roles: ['admin', 'leader'] },
  'staff.manage': { roles: ['admin'] },
} as const satisfies Record<string, Rule>;
