// Plan's closed sets. No imports: the web app loads this file through `@shoreline/server/contract`.

/** The files a saved plan's shifts export to (GET /api/plan/plans/{id}/shifts?format=…). */
export const SCHEDULE_EXPORT_FORMATS = ['csv', 'ics'] as const;
