// The decision report as a PDF (pdfkit): the side-by-side costs with a bar chart of cost per
// resolution, the scorecard's weighted totals, the readiness assessment, the pilots and the decision
// with its reasons. Labels arrive already translated from the web app's catalogs (the reader's
// language); numbers are formatted with Intl in that locale. The platform's PDF writer embeds
// DejaVu Sans so Turkish, Hungarian, Latvian and Hebrew print, and draws Hebrew lines in visual
// order; Hebrew pages are laid out from the right (decisions 0028 and 0037).
import { pdfWriter } from '../../platform/pdf.js';

export interface ReportInput {
  readonly locale: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly generatedAt: Date;
  readonly comparison: {
    readonly contacts: number;
    readonly options: readonly {
      readonly name: string;
      readonly reportingCurrency: string;
      readonly perYearMinor: number;
      readonly costPerContactMinor: number | null;
      readonly costPerResolutionMinor: number | null;
      readonly fte: number;
    }[];
  };
  readonly scorecard: {
    readonly name: string;
    readonly vendors: readonly { name: string; total: number; rank: number | null }[];
  } | null;
  readonly assessment?: readonly { question: string; status: string; leaning: string | null }[] | null;
  readonly pilots?: readonly {
    name: string;
    low: number | null;
    high: number | null;
    verdict: string | null;
    stillNeeded: number;
    /** A median metric: the interval is in seconds, not a proportion. */
    median?: boolean;
  }[];
  readonly decision?: {
    version: number;
    decision: string;
    reasons: string;
    approver: string;
    reviewOn: string;
  } | null;
}

const DEFAULT_LABELS: Record<string, string> = {
  title: 'Outsourcing decision report',
  generated: 'Generated',
  contacts: 'Contacts a year',
  option: 'Option',
  perYear: 'Total cost per year',
  perContact: 'Cost per contact',
  perResolution: 'Cost per resolution',
  fte: 'FTE',
  chart: 'Cost per resolution at equal service level',
  scorecard: 'Vendor scorecard',
  total: 'Weighted total',
  rank: 'Rank',
  assessment: 'Readiness assessment',
  question: 'Question',
  status: 'Answer',
  leaning: 'Leaning',
  pilots: 'Pilots',
  interval: 'Arm − baseline (95% interval)',
  inHouse: 'In house',
  verdict: 'Verdict',
  stillNeeded: 'Contacts still needed',
  decision: 'Decision',
  reasons: 'Reasons',
  approver: 'Approver',
  reviewOn: 'Review on',
  version: 'Version',
};

const LEFT = 50;
const RIGHT = 545;

/** Renders the report; resolves to the PDF bytes. Text streams are left uncompressed so the report's words can be searched. */
export async function renderReport(input: ReportInput): Promise<Buffer> {
  const label = (key: string) => input.labels[key] ?? DEFAULT_LABELS[key] ?? key;
  /** An enumerated value (a question, a leaning, a verdict) in the reader's words, else as stored. */
  const term = (group: string, key: string) => input.labels[`${group}.${key}`] ?? key;
  const currency = input.comparison.options[0]?.reportingCurrency ?? 'EUR';
  const money = (minor: number | null, digits = 2) =>
    minor === null
      ? '-'
      : new Intl.NumberFormat(input.locale, {
          style: 'currency',
          currency,
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        }).format(minor / 100);
  const number = (n: number, digits = 1) =>
    new Intl.NumberFormat(input.locale, { maximumFractionDigits: digits }).format(n);
  const percent = (v: number | null) =>
    v === null
      ? '-'
      : new Intl.NumberFormat(input.locale, { style: 'percent', maximumFractionDigits: 1 }).format(v);
  const writer = await pdfWriter({ title: label('title'), locale: input.locale });
  const { doc, rtl } = writer;

  /** Text in a box from `x` (measured from the reading start: the left, or the right in Hebrew). */
  const text = (
    value: string,
    x: number,
    y: number,
    width: number,
    options: { bold?: boolean; size?: number } = {},
  ) => {
    const left = rtl ? RIGHT - x + LEFT - width : x;
    writer.text(value, { ...options, size: options.size ?? 9, x: left, y, width });
  };
  const paragraph = (value: string, options: { bold?: boolean; size?: number; colour?: string } = {}) => {
    doc.fillColor(options.colour ?? '#000');
    text(value, LEFT, doc.y, RIGHT - LEFT, options);
    doc.fillColor('#000');
  };
  const heading = (value: string) => {
    doc.moveDown();
    paragraph(value, { bold: true, size: 11 });
    doc.moveDown(0.3);
  };
  const table = (xs: number[], header: string[], rows: string[][]) => {
    const line = (cells: string[], bold: boolean) => {
      const y = doc.y;
      let bottom = y;
      cells.forEach((cell, i) => {
        const x = xs[i] ?? LEFT;
        text(cell, x, y, (xs[i + 1] ?? RIGHT + 10) - x - 6, { bold });
        bottom = Math.max(bottom, doc.y);
      });
      doc.y = bottom + 3;
      if (doc.y > 770) doc.addPage();
    };
    line(header, true);
    for (const r of rows) line(r, false);
  };

  paragraph(label('title'), { bold: true, size: 18 });
  paragraph(`${label('generated')}: ${input.generatedAt.toISOString().slice(0, 10)}`, {
    size: 9,
    colour: '#555',
  });
  doc.moveDown();
  paragraph(`${label('contacts')}: ${number(input.comparison.contacts, 0)}`, { size: 10 });
  doc.moveDown();

  table(
    [50, 210, 310, 400, 490],
    [label('option'), label('perYear'), label('perContact'), label('perResolution'), label('fte')],
    input.comparison.options.map((o) => [
      o.name,
      money(o.perYearMinor, 0),
      money(o.costPerContactMinor, 2),
      money(o.costPerResolutionMinor, 2),
      number(o.fte),
    ]),
  );

  // Bar chart: cost per resolution (bars grow from the reading start).
  heading(label('chart'));
  const max = Math.max(1, ...input.comparison.options.map((o) => o.costPerResolutionMinor ?? 0));
  const colours = ['#2b6cb0', '#2f855a', '#c05621', '#6b46c1', '#b83280', '#4a5568'];
  input.comparison.options.forEach((o, i) => {
    const y = doc.y + 6;
    const width = ((o.costPerResolutionMinor ?? 0) / max) * 250;
    text(o.name, LEFT, y, 150);
    doc.rect(rtl ? RIGHT - 160 - width : 210, y, width, 12).fill(colours[i % colours.length] ?? '#2b6cb0');
    doc.fillColor('#000');
    text(money(o.costPerResolutionMinor), 215 + width, y, 90);
    doc.y = y + 16;
  });

  if (input.scorecard) {
    heading(`${label('scorecard')}: ${input.scorecard.name}`);
    table(
      [50, 300, 420],
      [label('option'), label('total'), label('rank')],
      input.scorecard.vendors.map((v) => [v.name, number(v.total), v.rank === null ? '-' : String(v.rank)]),
    );
  }
  if (input.assessment && input.assessment.length > 0) {
    heading(label('assessment'));
    table(
      [50, 330, 440],
      [label('question'), label('status'), label('leaning')],
      input.assessment.map((a) => [
        term('q', a.question),
        term('s', a.status),
        a.leaning ? term('l', a.leaning) : '-',
      ]),
    );
  }
  if (input.pilots && input.pilots.length > 0) {
    heading(label('pilots'));
    table(
      [50, 210, 370, 460],
      [label('option'), label('interval'), label('verdict'), label('stillNeeded')],
      input.pilots.map((p) => [
        p.name,
        p.low === null
          ? '-'
          : p.median
            ? `${number(p.low, 0)} … ${number(p.high ?? 0, 0)} s`
            : `${percent(p.low)} … ${percent(p.high)}`,
        p.verdict ? term('v', p.verdict) : '-',
        number(p.stillNeeded, 0),
      ]),
    );
  }
  if (input.decision) {
    const d = input.decision;
    heading(`${label('decision')} (${label('version')} ${d.version})`);
    paragraph(`${label('decision')}: ${term('l', d.decision)}`, { size: 10 });
    paragraph(`${label('approver')}: ${d.approver} · ${label('reviewOn')}: ${d.reviewOn}`, { size: 10 });
    paragraph(`${label('reasons')}: ${d.reasons}`, { size: 10 });
  }
  return writer.finish();
}
