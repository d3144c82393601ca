// Constants of the letter statistics shared by server and web, without zod (the web bundle reads them).
import type { LetterType } from './letters.schema';
import type { Role } from './roles';

/**
 * Who reads letter statistics (the policy's `letter.stats`): the roles that read dossier statistics,
 * and the reception officers who compile the letter reports. Counts only, no personal data.
 */
export const LETTER_STATS_ROLES = ['reception_officer', 'inspector', 'leader', 'specialist', 'viewer', 'one_stop_officer'] as const satisfies readonly Role[];

export const LETTER_STATS_GROUPS = ['unit', 'type', 'month'] as const;

/** The rows of the grouping by type, in the order of the reports; `unclassified`: letters not split into cases yet. */
export const LETTER_STATS_TYPES = ['complaint', 'denunciation', 'petition', 'feedback', 'unclassified'] as const satisfies ReadonlyArray<LetterType | 'unclassified'>;
