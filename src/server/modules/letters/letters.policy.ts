// Who may read, receive and classify letters; the actions on a case are ruled by its workflow definition's roles.
import { LETTER_STATS_ROLES } from '../../../common/letter-stats';
import type { Rule } from '../../platform/policy';

export const letterRules = {
  /** Letters hold personal data: the roles that handle them and viewers who monitor, not administrators. */
  'letter.read': { roles: ['reception_officer', 'inspector', 'leader', 'specialist', 'viewer'] },
  /** Recording a letter received at the desk, by post or forwarded. */
  'letter.intake': { roles: ['reception_officer', 'inspector'] },
  /** Classifying by content and splitting into cases; also who may reveal a not yet classified writer. */
  'letter.classify': { roles: ['reception_officer', 'inspector', 'leader'] },
  /** Used for the inbox counts: where the user assigns handlers. */
  'letter.assign': { roles: ['leader', 'inspector'] },
  /** Statistics hold counts, not personal data: the roles that read dossier statistics, and reception officers. */
  'letter.stats': { roles: LETTER_STATS_ROLES },
} as const satisfies Record<string, Rule>;
