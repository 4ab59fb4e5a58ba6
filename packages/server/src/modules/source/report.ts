// The decision report as a PDF (pdfkit): the side-by-side costs with a bar chart of cost per
// resolution, and the scorecard's weighted totals. Labels arrive already translated from the web
// app's catalogs (the reader's language); numbers are formatted with Intl in that locale.
import PDFDocument from 'pdfkit';

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
};

/** Renders the report; resolves to the PDF bytes. Text streams are left uncompressed so the report's words can be searched. */
export function renderReport(input: ReportInput): Promise<Buffer> {
  const label = (key: string) => input.labels[key] ?? DEFAULT_LABELS[key] ?? key;
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
  const doc = new PDFDocument({ size: 'A4', margin: 50, compress: false, info: { Title: label('title') } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.fontSize(18).text(label('title'));
  doc
    .fontSize(9)
    .fillColor('#555')
    .text(`${label('generated')}: ${input.generatedAt.toISOString().slice(0, 10)}`);
  doc
    .moveDown()
    .fillColor('#000')
    .fontSize(10)
    .text(`${label('contacts')}: ${number(input.comparison.contacts, 0)}`);
  doc.moveDown();

  const columns = [50, 210, 310, 400, 490];
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    cells.forEach((cell, i) => {
      doc.text(cell, columns[i] ?? 50, y, { width: (columns[i + 1] ?? 560) - (columns[i] ?? 50) - 6 });
    });
    doc.moveDown(0.6);
  };
  row([label('option'), label('perYear'), label('perContact'), label('perResolution'), label('fte')], true);
  for (const o of input.comparison.options) {
    row([
      o.name,
      money(o.perYearMinor, 0),
      money(o.costPerContactMinor, 2),
      money(o.costPerResolutionMinor, 2),
      number(o.fte),
    ]);
  }

  // Bar chart: cost per resolution.
  doc.moveDown().font('Helvetica-Bold').fontSize(11).text(label('chart'), 50);
  const max = Math.max(1, ...input.comparison.options.map((o) => o.costPerResolutionMinor ?? 0));
  const colours = ['#2b6cb0', '#2f855a', '#c05621', '#6b46c1', '#b83280', '#4a5568'];
  input.comparison.options.forEach((o, i) => {
    const y = doc.y + 6;
    const width = ((o.costPerResolutionMinor ?? 0) / max) * 300;
    doc.font('Helvetica').fontSize(9).fillColor('#000').text(o.name, 50, y, { width: 150 });
    doc.rect(210, y, width, 12).fill(colours[i % colours.length] ?? '#2b6cb0');
    doc.fillColor('#000').text(money(o.costPerResolutionMinor), 215 + width, y);
    doc.y = y + 16;
  });

  if (input.scorecard) {
    doc
      .moveDown()
      .font('Helvetica-Bold')
      .fontSize(11)
      .fillColor('#000')
      .text(`${label('scorecard')}: ${input.scorecard.name}`, 50);
    doc.moveDown(0.3);
    row([label('option'), label('total'), label('rank')], true);
    for (const v of input.scorecard.vendors)
      row([v.name, number(v.total), v.rank === null ? '-' : String(v.rank)]);
  }
  doc.end();
  return done;
}
