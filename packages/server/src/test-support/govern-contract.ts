/**
 * The contract the govern suites sign with Baltic Contact, as `shoreline contract apply` reads it:
 * customer care in Riga from 1 January 2025 for 24 months (90 days' notice), hybrid pricing (a
 * monthly fee of 10 000.00 EUR and 2.50 EUR a contact), 10 % of the charges at risk. A suite names
 * the contract and gives its channels, languages and terms.
 */
export function balticContractDocument(p: {
  name: string;
  channels: string[];
  languages: string[];
  terms: Record<string, unknown>[];
}) {
  return {
    name: p.name,
    services: ['customer care'],
    channels: p.channels,
    languages: p.languages,
    sites: ['Riga'],
    start: '2025-01-01',
    termMonths: 24,
    noticeDays: 90,
    currency: 'EUR',
    pricingModel: 'hybrid',
    rates: [
      { unit: 'month', rateMinor: 1_000_000 },
      { unit: 'contact', rateMinor: 250 },
    ],
    atRiskBp: 1_000,
    terms: p.terms,
  };
}

/** A critical term: urgent tickets resolved within `targetSeconds`, 90 % minimum, 95 % expected. */
export function urgentResolutionTerm(id: string, targetSeconds: number) {
  return {
    id,
    kpi: 'resolution_within',
    targetSeconds,
    scope: { priorities: ['urgent'] },
    minimum: 9_000,
    expected: 9_500,
    kind: 'critical',
    allocationBp: 10_000,
  };
}
