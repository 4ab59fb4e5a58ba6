// The Source journey in a real browser against the real server (must-show 4): the lead compares
// three options, changes a wage and sees every dependent figure change (and the others stay),
// two evaluators score two vendors, and the PDF report downloads with the comparison in its text;
// then a selection runs a stage, a certificate is attached with its expiry, a pilot is pre-registered
// from its form, and a decision is recorded.
// Screenshots land in e2e/artifacts/source-*.png (git-ignored).
import { readFileSync } from 'node:fs';
import { pdfText } from '@shoreline/server/test-support/pdf-text';
import { describe, expect, it } from 'vitest';
import { journey, openBrowser, signIn } from './support';

const j = journey('source', { acceptDownloads: true });
const { consoleErrors, shot } = j;

const cells = async (testIds: string[]) =>
  Promise.all(testIds.map(async (id) => (await j.page.getByTestId(id).textContent()) ?? ''));
const germanyDependents = [
  'total-0',
  'per-contact-0',
  'per-resolution-0',
  'line-agent-wages-0',
  'line-management-overhead-0',
];
const others = ['total-1', 'per-contact-1', 'total-2', 'per-contact-2'];

describe('Source: the lead decides', () => {
  it('compares three options side by side at the same service level', async () => {
    const nav = await signIn(j.page, j.server);
    await nav.getByRole('link', { name: 'Outsourcing decision' }).click();
    await expect
      .poll(() => j.page.getByTestId('total-0').textContent(), { timeout: 30_000 })
      .toBe('€1,485,814.00');
    expect(await cells(['total-1', 'total-2'])).toEqual(['€830,707.00', '€634,272.53']);
    expect(await j.page.getByTestId('per-contact-0').textContent()).toBe('€2.8464');
    expect(await j.page.getByTestId('demand-used').textContent()).toBe('Volume: the figures typed in.');
    await shot('compare');
  });

  it('a higher German wage changes every figure that depends on it, and nothing else', async () => {
    const before = await cells(germanyDependents);
    const unchanged = await cells(others);
    await j.page.locator('input[name="wage-0"]').fill('36000');
    await expect
      .poll(() => j.page.getByTestId('total-0').textContent(), { timeout: 30_000 })
      .not.toBe(before[0]);
    const after = await cells(germanyDependents);
    for (const [i, value] of after.entries()) expect(value, germanyDependents[i]).not.toBe(before[i]);
    expect(await j.page.getByTestId('line-agent-wages-0').textContent()).toBe('€1,089,000.00'); // 25 × 36,000 × 1.21
    expect(await cells(others)).toEqual(unchanged);
    await shot('wage-changed');
  });

  it('downloads the PDF report with the comparison in its text', async () => {
    const [download] = await Promise.all([
      j.page.waitForEvent('download'),
      j.page.getByTestId('download-report').click(),
    ]);
    const path = await download.path();
    const words = (await pdfText(readFileSync(path))).text;
    expect(words).toContain('Outsourcing decision');
    expect(words).toContain('Cost per resolution');
    expect(words).toContain('Poland nearshore (per hour)');
    expect(words).toContain('830,707');
  });

  it('two evaluators score two vendors; the spread between them shows', async () => {
    await j.page.getByRole('button', { name: 'Vendors and scorecards' }).click();
    for (const name of ['Baltic Contact', 'Manila CX']) {
      await j.page.getByLabel('Vendor name').fill(name);
      await j.page.getByRole('button', { name: 'Add vendor' }).click();
      await j.page.getByText(name, { exact: true }).waitFor();
    }
    await j.page.getByRole('button', { name: 'Create a scorecard for these vendors' }).click();
    await j.page.getByTestId('score-form').waitFor();
    await j.page.getByLabel('Baltic Contact: Quality and customer experience').selectOption('5');
    await j.page.getByLabel('Manila CX: Quality and customer experience').selectOption('3');
    await j.page.getByRole('button', { name: 'Save my scores' }).click();
    await expect.poll(() => j.page.getByTestId('evaluators').textContent()).toBe('1 evaluator has scored.');

    // The supervisor, in a browser of their own, scores too.
    const second = await openBrowser(j.server.url, { consoleErrors });
    try {
      const nav = await signIn(second.page, {
        email: 'supervisor@northwind.example',
        password: 'shoreline-demo',
      });
      await nav.getByRole('link', { name: 'Outsourcing decision' }).click();
      await second.page.getByRole('button', { name: 'Vendors and scorecards' }).click();
      await second.page.getByLabel('Baltic Contact: Quality and customer experience').selectOption('3');
      await second.page.getByLabel('Manila CX: Quality and customer experience').selectOption('3');
      await second.page.getByRole('button', { name: 'Save my scores' }).click();
      await expect
        .poll(() => second.page.getByTestId('evaluators').textContent())
        .toBe('2 evaluators have scored.');
      const result = second.page.getByTestId('scorecard-result');
      // Baltic: quality mean 4 (5 and 3, spread 2) × 20/85 of the weight; no prices entered.
      await expect
        .poll(() => result.getByRole('row', { name: /Baltic Contact/ }).textContent())
        .toContain('2');
    } finally {
      await second.browser.close();
    }
    await j.page.reload();
    await j.page.getByRole('button', { name: 'Vendors and scorecards' }).click();
    await expect.poll(() => j.page.getByTestId('evaluators').textContent()).toBe('2 evaluators have scored.');
    await shot('scorecard');
    expect(consoleErrors).toEqual([]);
  });

  it('runs a selection stage, attaches a certificate with its expiry, and records the decision', async () => {
    await j.page.getByRole('button', { name: 'Selection and evidence' }).click();
    await j.page.getByRole('button', { name: 'Start a selection with these vendors' }).click();
    await expect.poll(() => j.page.getByTestId('selection-stage').textContent()).toContain('Long list');
    await j.page.getByRole('button', { name: 'Complete this stage' }).click();
    await expect
      .poll(() => j.page.getByTestId('selection-stage').textContent())
      .toContain('Request for information');
    // The stage now running gets its owner and due date from the screen.
    const stageForm = j.page.getByTestId('stage-form');
    await stageForm.getByLabel('Owner').fill('Aylin Demir');
    await stageForm.getByLabel('Due').fill('2027-01-15');
    await stageForm.getByRole('button', { name: 'Save stage' }).click();
    const rfi = j.page.getByTestId('selection-stages').getByRole('row', { name: /Request for information/ });
    await expect.poll(() => rfi.textContent()).toContain('Aylin Demir');
    expect(await rfi.textContent()).toContain('2027-01-15');
    const form = j.page.getByTestId('evidence-form');
    await form.getByLabel('Vendor').selectOption({ label: 'Manila CX' });
    await form.getByLabel('Kind').selectOption('PCI DSS');
    await form.getByLabel('Expires on').fill('2020-01-31');
    await form
      .getByLabel('File')
      .setInputFiles({ name: 'aoc.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 AOC') });
    await form.getByRole('button', { name: 'Attach file' }).click();
    await expect
      .poll(() =>
        j.page
          .getByTestId('evidence')
          .getByRole('row', { name: /aoc\.pdf/ })
          .textContent(),
      )
      .toContain('expired');
    await shot('selection');
    await j.page.getByRole('button', { name: 'Pilots and decisions' }).click();
    // A pilot pre-registered from the screen: its sample per arm follows from baseline and difference.
    const pilot = j.page.getByTestId('pilot-form');
    await pilot.getByLabel('Pilot name').fill('Manila resolution pilot');
    await pilot.getByLabel('Vendor arm').selectOption({ label: 'Manila CX' });
    await pilot.getByLabel('Metric').selectOption('resolved');
    await pilot.getByLabel('In-house rate today (%)').fill('80');
    await pilot.getByLabel('Smallest difference that matters (percentage points)').fill('5');
    await pilot.getByLabel('Share of the slice sent to the vendor (%)').fill('20');
    await pilot.getByLabel('Period (days)').fill('60');
    // The slice's hours: weekdays 09:00–17:00 on Manila's clock (routing reads them there, DST included).
    await pilot.getByLabel('Only contacts opened in these hours').check();
    await pilot.getByLabel('Time zone of the hours').fill('Asia/Manila');
    await pilot.getByRole('button', { name: 'Register pilot' }).click();
    const registered = j.page.getByTestId('pilots').getByRole('row', { name: /Manila resolution pilot/ });
    await expect
      .poll(() => registered.textContent())
      .toContain('no verdict before the pre-registered sample');
    // 80 % baseline, 5 points, α 5 %, power 80 %: 1,094 a side (Fleiss), none observed yet.
    expect(await registered.textContent()).toContain('Manila CX 20% (0)');
    expect(await registered.textContent()).toContain('In house 80% (0)');
    expect(await registered.textContent()).toContain('09:00–17:00 (Asia/Manila)');
    expect(await registered.textContent()).toContain('1,094');
    await shot('pilot');
    const decision = j.page.getByTestId('decision-form');
    await decision.getByLabel('Decision').selectOption('hybrid');
    await decision.getByLabel('Reasons').fill('Nearshore overflow; complex work stays in house');
    await decision.getByLabel('Approver').fill('COO');
    await decision.getByLabel('Review on').fill('2027-06-30');
    await decision.getByRole('button', { name: 'Record decision' }).click();
    await expect
      .poll(() => j.page.getByTestId('decisions').textContent())
      .toContain('Nearshore overflow; complex work stays in house');
    await shot('decision');
    expect(consoleErrors).toEqual([]);
  });
});
