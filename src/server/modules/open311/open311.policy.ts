// Who may issue and revoke the API keys of Open311 client applications, and edit the feedback categories.
import { OPEN311_CLIENT_ROLES } from '../../../common/open311-services';
import type { Rule } from '../../platform/policy';

export const open311Rules = {
  /** An administrator, for client applications whose requests go to their unit or a unit below it. */
  'open311.manage': { roles: OPEN311_CLIENT_ROLES },
  /** A province administrator: the categories (services.json) are the same for every unit of the province. */
  'open311.services.manage': { roles: ['admin'], rootOnly: true },
} as const satisfies Record<string, Rule>;
