// The monthly provider review pack as a PDF (issue 11, Governance): KPIs against the terms of each
// version in force, the credit, earn-back and bonus computation line by line, the trend of earlier
// stored months, and the incidents and escalations (chronic failures, open escalations and corrective
// actions). Labels arrive translated from the web app's catalogs (the reader's language); numbers and
// money are formatted with Intl in that locale; the embedded font has Turkish and Hebrew glyphs.
import { pdfWriter } from '../../platform/pdf.js';
import type { Settlement } from './schemas-types.js';

export interface ReviewPackInput {
  readonly locale: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly generatedAt: Date;
  readonly contractName: string;
  readonly providerName: string;
  readonly statement: Settlement;
  /** Earlier stored months and this one, oldest first. */
  readonly trend: readonly Settlement[];
  /** Open escalations and corrective actions, one line each, already worded. */
  readonly openItems: readonly string[];
}

const DEFAULT_LABELS: Record<string, string> = {
  title: 'Monthly provider review pack',
  contract: 'Contract',
  provider: 'Provider',
  period: 'Period',
  generated: 'Generated',
  versions: 'Versions in force',
  version: 'Version',
  days: 'Days',
  kpis: 'KPIs against the terms',
  term: 'Term',
  measured: 'Measured',
  tickets: 'Tickets met / measured',
  minimum: 'Minimum',
  expected: 'Expected',
  result: 'Result',
  met: 'met',
  missed: 'missed',
  belowReported: 'below minimum (reported only)',
  notMeasured: 'not measured',
  computation: 'Charges, credits and bonuses',
  charges: 'Charges',
  atRisk: 'At risk',
  credit: 'Credit',
  uncapped: 'as computed',
  multiplier: 'repeat multiplier',
  capped: 'capped at the at-risk amount',
  relieved: 'relieved (forecast outside the band)',
  poolCap: 'Pool cap adjustment',
  credits: 'Credits',
  earnBack: 'Earn-back',
  bonus: 'Bonus',
  bonusBlocked: 'Bonus blocked by the quality gate',
  net: 'Net amount',
  netFormula: 'Net = charges − credits + earn-back + bonus',
  trend: 'Trend',
  incidents: 'Incidents and escalations',
  chronic: 'Chronic failure',
  none: 'None',
};

/** A month's level of a term over all its segments (met / measured), in basis points or null. */
function monthLevel(s: Settlement, termId: string): number | null {
  const own = s.measures.filter((m) => m.termId === termId);
  const total = own.reduce((sum, m) => sum + m.total, 0);
  const met = own.reduce((sum, m) => sum + m.met, 0);
  return total === 0 ? null : Math.round((met * 10_000) / total);
}

/** Renders the review pack; resolves to the PDF bytes. */
export async function renderReviewPack(input: ReviewPackInput): Promise<Buffer> {
  const label = (key: string) => input.labels[key] ?? DEFAULT_LABELS[key] ?? key;
  const s = input.statement;
  const money = (minor: number) =>
    new Intl.NumberFormat(input.locale, { style: 'currency', currency: s.currency }).format(minor / 100);
  const number = (n: number) => new Intl.NumberFormat(input.locale).format(n);
  const percent = (bp: number | null) =>
    bp === null
      ? '—'
      : new Intl.NumberFormat(input.locale, { style: 'percent', minimumFractionDigits: 2 }).format(
          bp / 10_000,
        );
  const pdf = await pdfWriter({ title: label('title'), locale: input.locale });
  const { doc } = pdf;
  const heading = (text: string) => {
    doc.moveDown(0.8);
    pdf.text(text, { bold: true, size: 12, x: 50 });
    doc.moveDown(0.3);
  };
  // Columns run right to left for a right-to-left reader.
  const row = (cells: string[], widths: number[], bold = false) => {
    const y = doc.y;
    let x = 50;
    const placed = cells.map((cell, i) => {
      const w = widths[i] ?? 80;
      const at = pdf.rtl ? 545 - x - w + 50 : x;
      x += w;
      return { cell, at, w };
    });
    let bottom = y;
    for (const { cell, at, w } of placed) {
      pdf.text(cell, { bold, size: 8.5, x: at, y, width: w - 6 });
      bottom = Math.max(bottom, doc.y);
    }
    doc.y = bottom + 2;
    if (doc.y > 760) doc.addPage();
  };
  const line = (text: string, bold = false) => pdf.text(text, { bold, size: 10, x: 50 });

  pdf.text(label('title'), { bold: true, size: 18, x: 50 });
  line(`${label('contract')}: ${input.contractName}`);
  line(`${label('provider')}: ${input.providerName}`);
  line(`${label('period')}: ${s.period}`);
  pdf.text(`${label('generated')}: ${input.generatedAt.toISOString().slice(0, 10)}`, { size: 8, x: 50 });

  heading(label('versions'));
  for (const seg of s.segments)
    line(`${label('version')} ${number(seg.version)}: ${label('days')} ${seg.fromDay}–${seg.toDay}`);

  heading(label('kpis'));
  const kpiWidths = [45, 45, 95, 70, 85, 55, 55, 50];
  row(
    [
      label('version'),
      label('days'),
      label('term'),
      label('measured'),
      label('tickets'),
      label('minimum'),
      label('expected'),
      label('result'),
    ],
    kpiWidths,
    true,
  );
  for (const m of s.measures)
    row(
      [
        number(m.version),
        `${m.fromDay}–${m.toDay}`,
        m.termId,
        percent(m.measured),
        `${number(m.met)} / ${number(m.total)}`,
        percent(m.minimum),
        percent(m.expected),
        m.measured === null
          ? label('notMeasured')
          : m.missed
            ? label(m.kind === 'critical' ? 'missed' : 'belowReported')
            : label('met'),
      ],
      kpiWidths,
    );

  heading(label('computation'));
  line(`${label('charges')}: ${money(s.chargesMinor)}`);
  line(`${label('atRisk')}: ${money(s.atRiskMinor)}`);
  for (const c of s.creditLines) {
    const notes = [
      `${label('uncapped')} ${money(c.uncappedMinor)}`,
      `${label('multiplier')} ${number(c.multiplierPercent)} %`,
      ...(c.lineCapped ? [label('capped')] : []),
      ...(c.relieved ? [label('relieved')] : []),
    ];
    line(
      `${label('credit')} ${c.termId} (${label('version')} ${c.version}): ${money(c.creditMinor)} — ${notes.join('; ')}`,
    );
  }
  if (s.poolCapAdjustmentMinor !== 0) line(`${label('poolCap')}: ${money(s.poolCapAdjustmentMinor)}`);
  line(`${label('credits')}: ${money(s.creditsMinor)}`);
  line(`${label('earnBack')}: ${money(s.earnBackMinor)}`);
  line(`${label('bonus')}: ${money(s.bonusMinor)}`);
  if (s.bonusBlockedBy.length > 0) line(`${label('bonusBlocked')}: ${s.bonusBlockedBy.join(', ')}`);
  line(`${label('net')}: ${money(s.netMinor)}`, true);
  pdf.text(label('netFormula'), { size: 8, x: 50 });

  heading(label('trend'));
  const termIds = [...new Set(input.trend.flatMap((t) => t.measures.map((m) => m.termId)))].slice(0, 4);
  const trendWidths = [60, 80, 80, ...termIds.map(() => 70)];
  row([label('period'), label('credits'), label('net'), ...termIds], trendWidths, true);
  for (const t of input.trend)
    row(
      [
        t.period,
        money(t.creditsMinor),
        money(t.netMinor),
        ...termIds.map((id) => percent(monthLevel(t, id))),
      ],
      trendWidths,
    );

  heading(label('incidents'));
  const items = [...s.chronicFailures.map((id) => `${label('chronic')}: ${id}`), ...input.openItems];
  if (items.length === 0) line(label('none'));
  for (const item of items) line(`• ${item}`);
  return pdf.finish();
}
