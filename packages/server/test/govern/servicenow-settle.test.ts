import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyContract, settle } from '../../src/modules/govern/service.js';
import { fixedClock } from '../../src/platform/clock.js';
import { startTestApp, type TestApp } from '../../src/test-support/test-app.js';
import {
  incidentHistories,
  OPEN_INCIDENT_STATES,
  rawCsv,
  servicenowTime,
} from '../insight/servicenow-reference.js';
import {
  adminScope,
  demoOrganizationId,
  hasShared,
  importFile,
  providerIdNamed,
  sharedDir,
} from '../insight/support.js';

/**
 * Must-show 2 of issue 11: the ServiceNow incident log imported with its shipped mapping
 * (examples/import/servicenow-incidents.mapping.json: Group 70 → Manila CX), a contract with
 * resolution-time terms by priority applied, March 2016 settled by `settle` (what
 * `shoreline govern settle --provider … --period 2016-03` runs), and every measured value compared
 * with a computation straight from the raw CSV here, with csv-parse and plain arithmetic:
 * per incident, rows in sys_updated_at order (ties in file order); each attribute from the latest row
 * that has it ('?' is empty); provider Manila CX when the latest assignment group is Group 70;
 * counted when opened in March 2016 (UTC) with the source's own resolved_at (not '?') and a final
 * state that is not open; met when resolved_at − opened_at ≤ the term's target.
 */
describe.skipIf(!hasShared)(
  'govern settle on the ServiceNow incidents (../shared not found: skipping)',
  () => {
    let app: TestApp;
    let org = '';
    const FILE = 'servicenow-incidents/incident_event_log.first5000events.csv';
    const DAY = 86_400;
    const terms = [
      {
        id: 'P1-2',
        priorities: ['1 - Critical', '2 - High'],
        canonical: ['urgent', 'high'],
        targetSeconds: DAY,
      },
      { id: 'P3', priorities: ['3 - Moderate'], canonical: ['normal'], targetSeconds: 3 * DAY },
      { id: 'P4', priorities: ['4 - Low'], canonical: ['low'], targetSeconds: 5 * DAY },
    ] as const;

    beforeAll(async () => {
      app = await startTestApp({ demo: true });
      org = await demoOrganizationId(app);
      await importFile(app, org, 'csv', join(sharedDir, FILE), 'servicenow-incidents');
    });
    afterAll(() => app.close());

    /** The independent computation from the raw file. */
    function fromRawFile() {
      const dmy = servicenowTime;
      const result = new Map<string, { met: number; total: number }>(
        terms.map((t) => [t.id, { met: 0, total: 0 }]),
      );
      let contacts = 0;
      for (const ordered of incidentHistories(rawCsv(FILE)).values()) {
        const latest = (column: string) =>
          ordered
            .map((r) => r[column]!)
            .filter((v) => v !== '?' && v !== '')
            .at(-1) ?? null;
        if (latest('assignment_group') !== 'Group 70') continue;
        const opened = latest('opened_at');
        if (!opened || !opened.split(' ')[0]!.endsWith('/3/2016')) continue;
        contacts++;
        const resolved = latest('resolved_at');
        const finalState = ordered.at(-1)!.incident_state!;
        if (!resolved || OPEN_INCIDENT_STATES.has(finalState)) continue;
        const seconds = (dmy(resolved) - dmy(opened)) / 1000;
        if (seconds < 0) continue;
        const term = terms.find((t) =>
          (t.priorities as readonly string[]).includes(latest('priority') ?? ''),
        );
        if (!term) continue;
        const r = result.get(term.id)!;
        r.total++;
        if (seconds <= term.targetSeconds) r.met++;
      }
      return { result, contacts };
    }

    it('measured values equal the raw-file computation; credits follow from them', async () => {
      const scoped = adminScope(app, org);
      const clock = fixedClock(new Date('2026-12-03T09:00:00Z'));
      const manilaId = await providerIdNamed(app, org, 'Manila CX');
      await applyContract(scoped, clock, {
        providerId: manilaId,
        effectiveFrom: '2016-01-01',
        reason: 'resolution terms by priority',
        approvedBy: 'Head of CS',
        document: {
          name: 'Manila CX incident resolution',
          services: ['IT service desk'],
          channels: [],
          languages: [],
          sites: ['Manila'],
          start: '2016-01-01',
          termMonths: 12,
          noticeDays: 90,
          renewal: 'none',
          currency: 'USD',
          pricingModel: 'per_resolution',
          rates: [{ unit: 'resolution', rateMinor: 1_500 }],
          atRiskBp: 1_200,
          escalationPercent: [100],
          earnBack: { goodMonths: 3, chronic: { misses: 3, window: 6 } },
          bonusCapBp: 0,
          qualityGates: [],
          terms: terms.map((t) => ({
            id: t.id,
            kpi: 'resolution_within' as const,
            targetSeconds: t.targetSeconds,
            scope: { priorities: [...t.canonical] },
            calendar: 'calendar' as const,
            pauseStatuses: ['pending' as const, 'on_hold' as const],
            minimum: 8_000,
            expected: 9_000,
            kind: 'critical' as const,
            allocationBp: 5_000,
            credit: { kind: 'allocation' as const },
            bonusBp: 0,
          })),
        },
      });
      const st = await settle(scoped, clock, { providerId: manilaId, period: '2016-03' });
      const { result, contacts } = fromRawFile();
      expect(contacts).toBeGreaterThan(50);
      expect(st.volumes.contacts).toBe(contacts);
      for (const t of terms) {
        const m = st.measures.find((x) => x.termId === t.id)!;
        const expected = result.get(t.id)!;
        expect([t.id, m.met, m.total]).toEqual([t.id, expected.met, expected.total]);
        expect(m.measured).toBe(
          expected.total === 0 ? null : Math.floor((expected.met * 10_000) / expected.total),
        );
        expect(m.missed).toBe(expected.total > 0 && expected.met * 10_000 < 8_000 * expected.total);
      }
      // Each missed term costs at-risk × 50 %; charges are 15.00 per resolution measured in March.
      const missed = terms.filter((t) => {
        const e = result.get(t.id)!;
        return e.total > 0 && e.met * 10_000 < 8_000 * e.total;
      }).length;
      expect(st.creditLines.filter((l) => l.creditMinor > 0)).toHaveLength(missed);
      expect(st.chargesMinor).toBe(st.volumes.resolutions * 1_500);
      console.log(
        `servicenow 2016-03 Manila CX: ${terms.map((t) => `${t.id} ${result.get(t.id)!.met}/${result.get(t.id)!.total}`).join(', ')}; charges ${st.chargesMinor}, credits ${st.creditsMinor}, net ${st.netMinor}`,
      );
    });
  },
);
