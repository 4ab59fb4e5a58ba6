// Plan II in a real browser against the real server (issue 15, must-show 4): import three weeks of
// hourly history (SERIES.csv), build a plan — the server forecasts it, staffs every interval with
// Erlang C, splits it between the in-house team (08–20) and a vendor with the night hours (20–08),
// and schedules shifts in a job while the page shows progress — then find the saved plan in the list
// and open it again; the shifts are staffed by named agents (AGENTS.csv): the plan shows them as a
// Gantt chart per agent and hands each agent their own calendar (.ics). Screenshots land in
// e2e/artifacts/plan2-*.png (git-ignored).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvFile, journey, signIn } from './support';

const j = journey('plan2', { acceptDownloads: true });
const { consoleErrors, shot } = j;

/** Three weeks of hours from Monday 2 November 2026: busy by day, quiet at night. */
function seriesCsv(): string {
  const lines = ['interval_start,volume'];
  for (let d = 0; d < 21; d++) {
    const date = new Date(Date.UTC(2026, 10, 2 + d)).toISOString().slice(0, 10);
    for (let h = 0; h < 24; h++) {
      const volume = Math.round((h >= 8 && h < 20 ? 30 : 4) * (d % 7 >= 5 ? 0.7 : 1)) + ((d + h) % 3);
      lines.push(`${date}T${String(h).padStart(2, '0')}:00,${volume}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** AGENTS.csv: sixteen in-house agents (one weekdays only), five of the vendor's (one works no nights). */
function agentsCsv(): string {
  const lines = ['name,provider,days,nights'];
  for (let i = 1; i <= 16; i++)
    lines.push(`Agent ${String(i).padStart(2, '0')},,${i === 1 ? 'Mon Tue Wed Thu Fri' : ''},`);
  for (let i = 1; i <= 5; i++) lines.push(`Night ${i},Manila CX,,${i === 5 ? 'no' : 'yes'}`);
  return `${lines.join('\n')}\n`;
}

/**
 * On the plans page: names a new plan, loads SERIES.csv as its history and fills the horizon and the
 * vendor's name and cost; the rest of the form (night hours, agents) is the caller's.
 */
async function fillNewPlan(name: string, vendorCost: string): Promise<void> {
  await j.page.getByLabel('Plan name').fill(name);
  await j.page.getByTestId('plan-history-file').setInputFiles(csvFile('SERIES.csv', seriesCsv()));
  await j.page.getByText('Loaded: 504 intervals of 60 minutes').waitFor();
  await j.page.getByLabel('Horizon, days').fill('2');
  await j.page.getByLabel('Vendor name').fill('Manila CX');
  await j.page.getByLabel('Vendor cost per agent-hour').fill(vendorCost);
}

describe('plan II journey', () => {
  it('builds a plan from imported history: forecast, staffing, shifts, split with a night vendor', async () => {
    const nav = await signIn(j.page, j.server);
    await nav.getByRole('link', { name: 'Plans' }).click();
    await j.page.getByRole('heading', { name: 'New plan' }).waitFor();
    await fillNewPlan('Week 48', '12');
    await j.page.getByLabel('Vendor opens (night)').fill('20:00');
    await j.page.getByLabel('Vendor closes').fill('08:00');
    await j.page.getByTestId('plan-agents-file').setInputFiles(csvFile('AGENTS.csv', agentsCsv()));
    await j.page.getByText('Loaded: 21 agents').waitFor();
    await j.page.getByRole('button', { name: 'Build and save plan' }).click();

    // The job runs on the server; the page follows its progress, then shows the result.
    await j.page.getByTestId('plan-name').filter({ hasText: 'Week 48' }).waitFor();
    await j.page.getByTestId('plan-result').waitFor({ timeout: 60_000 });
    expect(await j.page.getByTestId('plan-status').textContent()).toBe('Ready');
    await j.page.getByTestId('plan-forecast-chart').locator('svg').waitFor();
    await j.page.getByTestId('plan-coverage-chart').locator('svg').waitFor();
    await shot('result');

    // The split: the in-house team by day, the vendor at night, each with its contacts and cost.
    const split = j.page.getByTestId('plan-split');
    const house = split.getByRole('row').filter({ hasText: 'In-house team' });
    const vendor = split.getByRole('row').filter({ hasText: 'Manila CX' });
    await expect.poll(() => house.count()).toBe(1);
    await expect.poll(() => vendor.count()).toBe(1);
    const contacts = async (row: typeof house) =>
      Number(((await row.locator('[data-column="volume"]').textContent()) ?? '').replace(/\D/g, ''));
    expect(await contacts(vendor)).toBeGreaterThan(0);
    expect(await contacts(house)).toBeGreaterThan(await contacts(vendor));
    // Night shifts belong to the vendor, day shifts to the in-house team.
    const shifts = j.page.getByTestId('plan-shifts');
    expect(await shifts.getByRole('row').filter({ hasText: 'Manila CX' }).count()).toBeGreaterThan(0);
    expect(await shifts.getByRole('row').filter({ hasText: 'In-house team' }).count()).toBeGreaterThan(0);

    // The backtest screen: seasonal naive and the chosen method, each with its errors.
    const backtest = j.page.getByTestId('plan-backtest-table');
    await expect.poll(() => backtest.getByRole('row').filter({ hasText: 'snaive' }).count()).toBe(1);
    // The Gantt chart per agent: one row per named agent, the shifts as bars with their meals marked,
    // and the exports: the whole schedule, and each agent's own calendar.
    const gantt = j.page.getByTestId('plan-agent-gantt');
    await gantt.locator('svg').waitFor();
    expect(
      await gantt
        .getByTestId('plan-agent-row')
        .filter({ hasText: /^(Agent|Night) / })
        .count(),
    ).toBe(21);
    expect(await gantt.getByTestId('plan-agent-shift').count()).toBeGreaterThan(0);
    const csv = await j.page.request.get(
      new URL((await gantt.getByTestId('plan-export-csv').getAttribute('href'))!, j.page.url()).href,
    );
    expect((await csv.text()).split('\r\n')[0]).toBe('provider,day,start,end,meal_start,agents,agent');
    const night = j.page.getByTestId('plan-agents').getByRole('row').filter({ hasText: 'Night 1' });
    const shiftsOfNight1 = Number((await night.locator('[data-column="shifts"]').textContent()) ?? '');
    expect(shiftsOfNight1).toBeGreaterThan(0);
    const download = j.page.waitForEvent('download');
    await night.getByRole('link', { name: 'Calendar of Night 1 (.ics)' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/Night_1\.ics$/);
    const ics = readFileSync((await saved.path())!, 'utf8');
    expect(ics).toContain('X-WR-CALNAME:Week 48 — Night 1');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(shiftsOfNight1);
    expect(ics).toContain('SUMMARY:Manila CX · ');
    await shot('gantt');
  }, 120_000);

  it('lists the saved plan and opens it again', async () => {
    await j.page.getByRole('link', { name: 'All plans' }).click();
    const list = j.page.getByTestId('plan-list');
    await list.getByRole('link', { name: 'Week 48' }).click();
    await j.page.getByTestId('plan-result').waitFor();
    expect(await j.page.getByTestId('plan-name').textContent()).toBe('Week 48');
    expect(
      await j.page.getByTestId('plan-split').getByRole('row').filter({ hasText: 'Manila CX' }).count(),
    ).toBe(1);
    // A reload (a new visit) opens the same saved plan from the server.
    await j.page.reload();
    await j.page.getByTestId('plan-result').waitFor();
    // How fairly each provider's nights and weekends are shared (decision 0062), proven or how far off.
    expect(await j.page.getByTestId('plan-roster-fairness-line').first().textContent()).toMatch(
      /least possible \d+ (proven fairest|at most \d+ above the fairest possible)/,
    );
    await shot('reopened');
    // Only Plans is the current page in the side navigation (its path lies inside Staffing's /plan).
    const nav = j.page.getByRole('navigation', { name: 'Main navigation' });
    expect(await nav.getByRole('link', { name: 'Plans' }).getAttribute('aria-current')).toBe('page');
    expect(await nav.getByRole('link', { name: 'Staffing' }).getAttribute('aria-current')).toBeNull();
  }, 60_000);

  it('compares two saved plans side by side, the vendor’s dearer rate highlighted', async () => {
    // A second plan from the same history, the vendor at 18 an hour instead of 12.
    await j.page.getByRole('link', { name: 'All plans' }).click();
    await fillNewPlan('Week 48, dearer vendor', '18');
    await j.page.getByRole('button', { name: 'Build and save plan' }).click();
    await j.page.getByTestId('plan-result').waitFor({ timeout: 60_000 });
    // Actual against plan sits on the plan page (no ticket of that week: every interval at 0).
    await j.page.getByTestId('plan-actuals').waitFor();
    // So does the rest of today reforecast (or, when today is no day of the plan, a note saying so).
    await j.page.getByTestId('plan-reforecast-summary').waitFor();

    await j.page.getByRole('link', { name: 'All plans' }).click();
    await j.page.getByLabel('Compare Week 48', { exact: true }).check();
    await j.page.getByLabel('Compare Week 48, dearer vendor').check();
    await j.page.getByTestId('plan-compare').click();
    const table = j.page.getByTestId('plan-comparison');
    await table.getByRole('columnheader', { name: /Week 48, dearer vendor/ }).waitFor();
    // Same history, same forecast: the volume agrees; the vendor's cost differs, and says so.
    expect(await j.page.getByTestId('compare-row-total-volume').getAttribute('data-differs')).toBe('false');
    const vendorCost = j.page.getByTestId('compare-row-Manila CX-cost');
    expect(await vendorCost.getAttribute('data-differs')).toBe('true');
    expect(await vendorCost.textContent()).toContain('Differs');
    await shot('compare');
    expect(consoleErrors).toEqual([]);
  }, 120_000);
});
