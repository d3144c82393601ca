// Constants of the dossier statistics shared by server and web, without zod (the web bundle reads them).
import type { Role } from './roles';

/** Who reads statistics (the policy's `dossier.stats`; the web app offers the units under these grants). */
export const STATS_ROLES = ['one_stop_officer', 'specialist', 'leader', 'viewer', 'inspector'] as const satisfies readonly Role[];

export { STATS_MAX_DAYS } from './stats';

export const STATS_GROUPS = ['unit', 'agency', 'field', 'month'] as const;
