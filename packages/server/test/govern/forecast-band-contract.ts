// The contract both forecast-relief suites apply to Baltic Contact (govern/forecasts, the plan's
// vendor forecasts): a monthly fee, 10 % at risk on one critical resolution term for urgent tickets,
// relieved when the volume leaves the forecast band.

/** The body of `POST /api/govern/contracts` for that contract with `forecastBand`. */
export function forecastBandContract(
  providerId: string,
  forecastBand: { aboveBp: number; belowBp?: number },
) {
  return {
    providerId,
    effectiveFrom: '2023-03-01',
    reason: 'signed',
    approvedBy: 'Head of CS',
    document: {
      name: 'Baltic Contact — forecast band',
      start: '2023-03-01',
      termMonths: 12,
      noticeDays: 90,
      currency: 'EUR',
      pricingModel: 'per_contact',
      rates: [{ unit: 'month', rateMinor: 1_000_000 }],
      atRiskBp: 1_000,
      forecastBand,
      terms: [
        {
          id: 'R',
          kpi: 'resolution_within',
          targetSeconds: 7_200,
          scope: { priorities: ['urgent'] },
          minimum: 9_000,
          expected: 9_500,
          kind: 'critical',
          allocationBp: 10_000,
        },
      ],
    },
  };
}
