// Constants shared by every statistics screen (dossiers, letters), server and web, without zod.

/** The longest period one statistics request may cover, in days (both ends included). */
export const STATS_MAX_DAYS = 366;
