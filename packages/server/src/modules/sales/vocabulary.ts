// Sales' closed sets of words, with no imports: the web app loads them through src/contract.ts.

/** What the leads report attributes leads and revenue to. */
export const LEAD_DIMENSIONS = ['team', 'provider', 'channel', 'language', 'raisedBy'] as const;

/** Where a lead stands: open until the CRM reports it won or lost. */
export const LEAD_STATUSES = ['open', 'won', 'lost'] as const;
