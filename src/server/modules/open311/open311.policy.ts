// Who may issue and revoke the API keys of Open311 client applications.
import type { Rule } from '../../platform/policy';

export const open311Rules = {
  /** An administrator, for client applications whose requests go to their unit or a unit below it. */
  'open311.manage': { roles: ['admin'] },
} as const satisfies Record<string, Rule>;
