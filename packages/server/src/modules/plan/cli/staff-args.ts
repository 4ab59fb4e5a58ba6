// The options of `shoreline staff`, read without commander for the common invocations, so that a
// plan run loads only what planning needs (see main.ts). Anything this reader does not fully
// understand (help, unknown or repeated options, bad values, short-option clusters) returns
// undefined, and commander then parses the same arguments and prints its usual messages.

export interface StaffCommandOptions {
  input: string;
  output?: string;
  hoursPerWeek: number;
  paidHoursPerFte?: number;
  maxErrors: number;
  progress: boolean;
}

/** commander's check for --hours-per-week and --paid-hours-per-fte. */
export function isPositiveNumber(n: number): boolean {
  return Number.isFinite(n) && n > 0;
}

/** commander's check for --max-errors. */
export function isPositiveInteger(n: number): boolean {
  return Number.isInteger(n) && n > 0;
}

type ValueOption = 'input' | 'output' | 'hoursPerWeek' | 'paidHoursPerFte' | 'maxErrors';

const VALUE_OPTIONS: Readonly<Record<string, ValueOption>> = {
  '-i': 'input',
  '--input': 'input',
  '-o': 'output',
  '--output': 'output',
  '--hours-per-week': 'hoursPerWeek',
  '--paid-hours-per-fte': 'paidHoursPerFte',
  '--max-errors': 'maxErrors',
};

/** The options after `staff`, or undefined when commander should parse them. */
export function parseStaffArgs(args: readonly string[]): StaffCommandOptions | undefined {
  const seen = new Set<string>();
  const values: Partial<Record<ValueOption, string>> = {};
  let progress = true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--no-progress') {
      if (seen.has(arg)) return undefined;
      seen.add(arg);
      progress = false;
      continue;
    }
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = equals > 0 ? arg.slice(0, equals) : arg;
    const option = Object.hasOwn(VALUE_OPTIONS, name) ? VALUE_OPTIONS[name] : undefined;
    if (option === undefined || seen.has(option)) return undefined;
    seen.add(option);
    const value = equals > 0 ? arg.slice(equals + 1) : args[++i];
    if (value === undefined || value === '' || (value.startsWith('-') && value !== '-')) return undefined;
    values[option] = value;
  }
  if (values.input === undefined) return undefined;
  const hoursPerWeek = values.hoursPerWeek === undefined ? 40 : Number(values.hoursPerWeek);
  const paidHoursPerFte = values.paidHoursPerFte === undefined ? undefined : Number(values.paidHoursPerFte);
  const maxErrors = values.maxErrors === undefined ? 20 : Number(values.maxErrors);
  if (
    !isPositiveNumber(hoursPerWeek) ||
    (paidHoursPerFte !== undefined && !isPositiveNumber(paidHoursPerFte)) ||
    !isPositiveInteger(maxErrors)
  )
    return undefined;
  return {
    input: values.input,
    ...(values.output !== undefined && { output: values.output }),
    hoursPerWeek,
    ...(paidHoursPerFte !== undefined && { paidHoursPerFte }),
    maxErrors,
    progress,
  };
}
