// Who may read and change the procedure catalog from the staff side (the public reads it without signing in).
import { ROLES } from '../../../common/roles';
import type { Rule } from '../../platform/policy';

export const procedureRules = {
  'procedure.read': { roles: ROLES },
  'procedure.manage': { roles: ['admin'] },
  'procedure.import': { roles: ['admin'] },
} as const satisfies Record<string, Rule>;
