import type { Command } from 'commander';

/** Side-by-side costs of a scenario file, as text (pattern demand; history and forecast need the server's data). */
export async function compareFile(file: string): Promise<{ text: string; problems: string[] }> {
  const { readFileSync } = await import('node:fs');
  const { SourceScenarioDefinition } = await import('./schemas.js');
  const { compareScenario } = await import('./compare-service.js');
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { definition?: unknown };
  const parsed = SourceScenarioDefinition.safeParse(raw.definition ?? raw);
  if (!parsed.success) {
    return { text: '', problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  }
  if (parsed.data.demand.kind !== 'pattern') {
    return {
      text: '',
      problems: [
        'demand.kind: history and forecast demand read imported tickets; use POST /api/source/compare',
      ],
    };
  }
  const result = await compareScenario(null as never, null as never, parsed.data, {
    sensitivity: false,
    breakEven: false,
  });
  const money = (minor: number | null) => (minor === null ? '—' : (minor / 100).toFixed(2));
  const rows: string[][] = [
    ['option', 'model', 'total/year', 'per contact', 'per resolution', 'FTE'],
    ...result.options.map((o) => [
      o.name,
      o.pricingModel,
      money(o.perYearMinor),
      (o.costPerContactMinor === null ? 0 : o.costPerContactMinor / 100).toFixed(4),
      (o.costPerResolutionMinor === null ? 0 : o.costPerResolutionMinor / 100).toFixed(4),
      o.fte.toFixed(1),
    ]),
  ];
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  const lines = rows.map((r) =>
    r.map((cell, c) => (c < 2 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  '),
  );
  const currency = result.options[0]?.reportingCurrency ?? '';
  const fx = Object.entries(result.fx).map(([code, r]) => `1 ${code} = ${r.rate} ${currency} (${r.asOf})`);
  return {
    text: [
      `${result.contacts.toLocaleString('en')} contacts, ${result.intervals} intervals, ${currency}`,
      ...lines,
      ...(fx.length > 0 ? [`rates: ${fx.join('; ')}`] : []),
    ].join('\n'),
    problems: [],
  };
}

/** `shoreline source compare SCENARIO.json`: the side-by-side costs of a scenario's options. */
export function registerSourceCommands(program: Command): void {
  program
    .command('source')
    .description('sourcing: in-house vs vendors at the same service level')
    .command('compare')
    .description('print the side-by-side costs of a scenario (examples/source/worked-example.json)')
    .argument('<scenario>', 'scenario JSON file: a definition, or { "definition": … }')
    .action(async (file: string) => {
      const { text, problems } = await compareFile(file);
      if (problems.length > 0) {
        console.error(`shoreline source compare: ${file} is not a valid scenario`);
        for (const line of problems) console.error(`  ${line}`);
        process.exitCode = 2;
        return;
      }
      console.log(text);
    });
}
