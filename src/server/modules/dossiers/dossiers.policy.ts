// Who may see and receive one-stop dossiers; the actions on a dossier are ruled by its workflow definition's roles.
import { STATS_ROLES } from '../../../common/dossier-stats.schema';
import type { Rule } from '../../platform/policy';

export const dossierRules = {
  /** Dossiers hold personal data: only the roles that work on them (and viewers who monitor) read them, not administrators. */
  'dossier.read': { roles: ['one_stop_officer', 'specialist', 'leader', 'viewer'] },
  /** Intake at the desk. */
  'dossier.intake': { roles: ['one_stop_officer'] },
  /** Used for the inbox counts: where the user assigns and approves. */
  'dossier.assign': { roles: ['leader'] },
  'dossier.approve': { roles: ['leader'] },
  /** Statistics hold counts, not personal data: inspectors who monitor the handling read them too. */
  'dossier.stats': { roles: STATS_ROLES },
} as const satisfies Record<string, Rule>;
