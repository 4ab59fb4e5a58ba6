// The Plan → Staffing journey in a real browser against the real server: the one-interval
// calculator must agree with core's requiredAgents, its SL-target slider recomputes at once, an
// uploaded interval file gives a chart and totals that agree with core, a bad file names the row
// and column, a year of intervals is staffed in a Web Worker, a simulation runs with progress, and
// the pages hold up in Hebrew (right to left) and Turkish. Screenshots land in
// e2e/artifacts/plan-*.png (git-ignored).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requiredAgents } from '@shoreline/core';
import { describe, expect, it } from 'vitest';
import { csvFile, journey, root, signIn, watchProgress } from './support';

const yearFile = join(root, '..', 'shared', 'reference', 'staffing', 'intervals_year.csv');

const j = journey('plan', { acceptDownloads: true });
const { consoleErrors, shot } = j;
/** The calculator's interval as the journey fills it in: 250 contacts of 240 s in 30 min, 80/20, 85 %, 30 %. */
const CALCULATOR_INTERVAL = {
  volume: 250,
  intervalSec: 1800,
  ahtSec: 240,
  shrinkage: 0.3,
  targets: { serviceLevel: { fraction: 0.8, withinSec: 20 }, maxOccupancy: 0.85 },
};
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Two days of half-hours with an extra `weekday` column (ignored) and one Erlang A row. */
function twoDayCsv(): { text: string; expectedScheduledHours: number; rows: number } {
  const lines = [
    'interval_start,weekday,volume,aht_sec,interval_min,target_answer_sec,sl_target,shrinkage,max_occupancy,patience_sec',
  ];
  let scheduledHalfHours = 0;
  for (const [date, weekday] of [
    ['2025-03-03', 'Mon'],
    ['2025-03-04', 'Tue'],
  ] as const) {
    for (let h = 0; h < 48; h++) {
      const hour = h / 2;
      const volume = Math.round(5 + 140 * Math.exp(-((hour - 11) ** 2) / 10));
      const patience = date === '2025-03-04' && h === 20 ? 150 : undefined;
      lines.push(
        `${date}T${String(Math.floor(hour)).padStart(2, '0')}:${h % 2 ? '30' : '00'},${weekday},${volume},300,30,20,0.8,0.3,0.85,${patience ?? ''}`,
      );
      scheduledHalfHours += requiredAgents({
        volume,
        intervalSec: 1800,
        ahtSec: 300,
        shrinkage: 0.3,
        ...(patience !== undefined && { patienceSec: patience }),
        targets: { serviceLevel: { fraction: 0.8, withinSec: 20 }, maxOccupancy: 0.85 },
      }).scheduledAgents;
    }
  }
  return { text: `${lines.join('\n')}\n`, expectedScheduledHours: scheduledHalfHours / 2, rows: 96 };
}

async function total(label: string): Promise<string> {
  const item = j.page
    .getByTestId('plan-totals')
    .locator('.plan-total')
    .filter({ has: j.page.getByText(label, { exact: true }) });
  return (await item.locator('dd').textContent()) ?? '';
}

describe('plan journey', () => {
  it('signs in and opens Plan → Staffing', async () => {
    const nav = await signIn(j.page, j.server);
    expect(await nav.textContent()).toContain('Plan');
    await nav.getByRole('link', { name: 'Staffing' }).click();
    await j.page.getByRole('heading', { name: 'Staffing', level: 1 }).waitFor();
    expect(new URL(j.page.url()).pathname).toBe('/plan');
  });

  it('computes the same required agents as core, Erlang C and Erlang A', async () => {
    await j.page.getByLabel('Contacts in the interval').fill('250');
    await j.page.getByLabel('Average handle time').fill('240');
    await j.page.getByLabel('Interval length').selectOption('30');
    await j.page.getByLabel('Service-level target (%)').fill('80');
    await j.page.getByLabel('Answered within (seconds)').fill('20');
    await j.page.getByLabel('Maximum occupancy').fill('85');
    await j.page.getByLabel('Shrinkage').fill('30');
    const base = CALCULATOR_INTERVAL;
    const erlangC = requiredAgents(base);
    await expect.poll(() => j.page.getByTestId('raw-agents').textContent()).toBe(String(erlangC.rawAgents));
    expect(await j.page.getByTestId('scheduled-agents').textContent()).toBe(String(erlangC.scheduledAgents));
    const chart = j.page.getByRole('img', { name: /Service level by number of agents/ });
    expect(await chart.locator('rect').count()).toBe(9); // n−3 … n+5
    await shot('01-calculator');

    // With patience the page switches to Erlang A and honours a maximum abandonment.
    await j.page.getByLabel('Mean patience').fill('90');
    await j.page.getByLabel('Maximum abandonment').fill('2');
    const erlangA = requiredAgents({
      ...base,
      patienceSec: 90,
      targets: { ...base.targets, maxAbandonRate: 0.02 },
    });
    await expect.poll(() => j.page.getByTestId('raw-agents').textContent()).toBe(String(erlangA.rawAgents));
    expect(await j.page.getByText('Erlang A (with abandonment)').count()).toBe(1);
    await j.page.getByLabel('Mean patience').fill('');
    await j.page.getByLabel('Maximum abandonment').fill('');
    await expect.poll(() => j.page.getByTestId('raw-agents').textContent()).toBe(String(erlangC.rawAgents));
  });

  it('keeps the page responsive on a huge interval, saying it is computing (the worker does the maths)', async () => {
    // 10 million contacts of 24 h froze the page for 31 s before (#14 item 20).
    await j.page.getByLabel('Contacts in the interval').fill('10000000');
    await j.page.getByLabel('Average handle time').fill('86400');
    await j.page.getByTestId('calc-computing').waitFor();
    await shot('01b-computing');
    // The page still takes input: a normal interval replaces the running job.
    await j.page.getByLabel('Contacts in the interval').fill('250');
    await j.page.getByLabel('Average handle time').fill('240');
    const normal = requiredAgents(CALCULATOR_INTERVAL);
    await expect.poll(() => j.page.getByTestId('raw-agents').textContent()).toBe(String(normal.rawAgents));
    expect(await j.page.getByTestId('calc-computing').count()).toBe(0);
  });

  it('recomputes at once when the SL-target slider moves', async () => {
    const slider = j.page.getByRole('slider', { name: 'Service-level target slider' });
    await slider.focus();
    for (let i = 0; i < 10; i++) await slider.press('ArrowRight');
    expect(await j.page.getByLabel('Service-level target (%)').inputValue()).toBe('90');
    const at90 = requiredAgents({
      ...CALCULATOR_INTERVAL,
      targets: { ...CALCULATOR_INTERVAL.targets, serviceLevel: { fraction: 0.9, withinSec: 20 } },
    });
    await expect.poll(() => j.page.getByTestId('raw-agents').textContent()).toBe(String(at90.rawAgents));
    expect(await j.page.getByTestId('scheduled-agents').textContent()).toBe(String(at90.scheduledAgents));
    await shot('02-calculator-slider');
  });

  it('staffs an uploaded interval file: chart, table and totals that agree with core', async () => {
    await j.page.getByRole('link', { name: 'Interval plan' }).click();
    const file = twoDayCsv();
    await j.page.getByLabel('Upload a CSV file').setInputFiles(csvFile('two-days.csv', file.text));
    await j.page.getByText('two-days.csv: 96 intervals.').waitFor();
    const chart = j.page.getByRole('img', { name: /Required and scheduled agents/ });
    await chart.waitFor();
    expect(await chart.locator('rect.plan-bar-scheduled').count()).toBeGreaterThan(40);
    expect(await total('Intervals')).toBe('96');
    expect(await total('Scheduled agent-hours')).toBe(oneDecimal.format(file.expectedScheduledHours));
    // Week view: both days in one chart, night intervals flagged in the table.
    await j.page.getByRole('button', { name: 'Week' }).click();
    expect(await j.page.getByRole('row').filter({ hasText: 'night' }).count()).toBe(2 * 16);
    await shot('03-intervals');

    // What-if: a stricter SL target needs more agent-hours, at once.
    const before = await total('Scheduled agent-hours');
    const slider = j.page.getByRole('slider', { name: 'Service-level target' });
    await slider.focus();
    for (let i = 0; i < 10; i++) await slider.press('ArrowRight');
    await expect.poll(() => total('Scheduled agent-hours')).not.toBe(before);
    expect(Number((await total('Scheduled agent-hours')).replaceAll(',', ''))).toBeGreaterThan(
      file.expectedScheduledHours,
    );
    await shot('04-intervals-what-if');
    await j.page.getByRole('button', { name: "Back to the file's values" }).click();
    await expect.poll(() => total('Scheduled agent-hours')).toBe(before);

    const download = j.page.waitForEvent('download');
    await j.page.getByRole('button', { name: 'Download the plan (CSV)' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8')
      .trim()
      .split('\n');
    expect(csv[0]).toBe(
      'interval_start,volume,raw_positions,positions,service_level,occupancy,waiting_probability,asa_sec,required_agents,abandon_probability,night',
    );
    expect(csv).toHaveLength(97);
  });

  it('names the row and column of a bad cell', async () => {
    const bad = [
      'interval_start,volume,aht_sec,interval_min,target_answer_sec,sl_target,shrinkage,max_occupancy',
      '2025-03-04T09:00,120,300,15,20,0.8,0.3,0.85',
      '2025-03-04T09:15,130,300,15,20,1.2,0.3,0.85',
      '2025-03-04T09:30,abc,300,15,20,0.8,0.3,0.85',
    ].join('\n');
    await j.page.getByLabel('Paste CSV').fill(bad);
    await j.page.getByRole('button', { name: 'Plan these intervals' }).click();
    const alert = j.page.getByRole('alert').filter({ hasText: 'could not be read' });
    await alert.waitFor();
    const text = await alert.textContent();
    expect(text).toContain('Row 3, column “sl_target”');
    expect(text).toContain('Row 4, column “volume”: “abc” is not a number.');
    expect(await j.page.getByRole('img', { name: /Required and scheduled agents/ }).count()).toBe(0);
    await shot('05-intervals-bad-csv');
  });

  it('staffs a year of quarter-hours in a Web Worker', async () => {
    const text = readFileSync(yearFile, 'utf8');
    const rows = text.trim().split('\n').length - 1;
    const sawProgress = await watchProgress(j.page);
    await j.page.getByLabel('Upload a CSV file').setInputFiles(csvFile('intervals_year.csv', text));
    await j.page.getByText(`intervals_year.csv: ${rows.toLocaleString('en-US')} intervals.`).waitFor();
    await j.page.getByRole('img', { name: /Required and scheduled agents/ }).waitFor({ timeout: 60_000 });
    expect(await total('Intervals')).toBe(rows.toLocaleString('en-US'));
    expect(await sawProgress()).toBe(true);
    await j.page.getByRole('button', { name: 'Next' }).click();
    await j.page.getByRole('heading', { name: 'Jan 2, 2025' }).waitFor();
    await shot('06-intervals-year');
  });

  it('runs a simulation in a Web Worker with progress and confidence intervals', async () => {
    await j.page.getByRole('link', { name: 'Simulation' }).click();
    await j.page.getByLabel('Replications').fill('200');
    const sawProgress = await watchProgress(j.page);
    await j.page.getByRole('button', { name: 'Run the simulation' }).click();
    await j.page.getByRole('heading', { name: 'Result' }).waitFor({ timeout: 60_000 });
    const table = j.page.getByRole('table', { name: 'Simulated results per interval' });
    expect(await table.getByRole('row').count()).toBe(5);
    expect(await table.textContent()).toContain('±');
    expect(await sawProgress()).toBe(true);
    expect(
      await j.page.getByRole('img', { name: /Service level and abandonment per interval/ }).count(),
    ).toBe(1);
    await shot('07-simulation');
  });

  it('holds up in Hebrew (right to left) and Turkish', async () => {
    await j.page.getByRole('combobox', { name: 'Language' }).selectOption('he');
    await j.page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await j.page.getByRole('heading', { name: 'איוש', level: 1 }).waitFor();
    await shot('08-hebrew-simulation');
    await j.page.getByRole('link', { name: 'מרווח אחד' }).click();
    await j.page.getByRole('img', { name: /רמת שירות לפי מספר נציגים/ }).waitFor();
    await shot('09-hebrew-calculator');
    await j.page.getByRole('link', { name: 'תוכנית מרווחים' }).click();
    await j.page.getByRole('button', { name: 'השתמשו ביום לדוגמה' }).click();
    await j.page.getByRole('img', { name: /נציגים נדרשים ומתוכננים/ }).waitFor();
    await shot('10-hebrew-intervals');
    expect(
      await j.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);

    await j.page.getByRole('combobox', { name: 'שפה' }).selectOption('tr');
    await j.page.waitForFunction(() => document.documentElement.lang === 'tr');
    await j.page.getByRole('heading', { name: 'Personel ihtiyacı', level: 1 }).waitFor();
    await j.page
      .getByLabel('CSV yapıştırın')
      .fill(
        'interval_start,volume,aht_sec,interval_min,target_answer_sec,sl_target,shrinkage,max_occupancy\n2025-03-04T09:00,120,300,20,20,0.8,0.3,0.85\n',
      );
    await j.page.getByRole('button', { name: 'Bu aralıkları planla' }).click();
    expect(await j.page.getByRole('alert').textContent()).toContain('Satır 2, “interval_min” sütunu');
    await shot('11-turkish-bad-csv');
    await j.page.getByRole('link', { name: 'Tek aralık' }).click();
    await shot('12-turkish-calculator');
    await j.page.setViewportSize({ width: 390, height: 844 });
    await j.page.getByRole('link', { name: 'Aralık planı' }).click();
    await j.page.getByRole('button', { name: 'Örnek bir gün kullan' }).click();
    await j.page.getByRole('img', { name: /Gereken ve planlanan temsilciler/ }).waitFor();
    await shot('13-turkish-phone');
    const overflow = await j.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await j.page.setViewportSize({ width: 1280, height: 860 });
    await j.page.getByRole('combobox', { name: 'Dil' }).selectOption('en');
    await j.page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(consoleErrors).toEqual([]);
  });
});
