// The rules a schedule keeps (RULES.json): shift types with their unpaid meal, the start grid and
// opening hours, over one day or a cyclic week.

/** A rule file the scheduler cannot use; `field` is the JSON path of the value at fault. */
export class ScheduleInputError extends RangeError {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'ScheduleInputError';
  }
}

/** An unpaid meal inside a shift. */
export interface MealRule {
  /** Length, minutes (unpaid, not working). */
  readonly lengthMin: number;
  /** The meal starts at least this long after the shift starts. */
  readonly earliestAfterStartMin: number;
  /** The meal ends at least this long before the shift ends. */
  readonly latestBeforeEndMin: number;
  /** Meal starts on this grid from the shift start, minutes. */
  readonly gridMin: number;
}

/** A kind of shift agents may work. */
export interface ShiftType {
  readonly name: string;
  /** From start to end, meal included, minutes. */
  readonly lengthMin: number;
  readonly meal?: MealRule | undefined;
}

/** RULES.json (JSON Schema: docs/schemas/rules.schema.json). */
export interface ScheduleRules {
  readonly shiftTypes: readonly ShiftType[];
  /** Shifts start on this grid from midnight, minutes. */
  readonly startGridMin: number;
  /** No one works outside [open, close) of each day, minutes from midnight (default the whole day). */
  readonly openingHours?: { readonly openMin: number; readonly closeMin: number } | undefined;
  /** `cyclic`: the horizon repeats (a shift past its end wraps to its start); `horizon`: a one-off stretch. */
  readonly mode: 'cyclic' | 'horizon';
  /**
   * Weekly tours (cyclic week only): agents on a tour work `shiftType` at one start time on `daysOn`
   * days a week, the other days off in a row; toured types are worked only in tours, the others stay
   * free daily shifts (a full-time / part-time mix).
   */
  readonly tours?: readonly { readonly shiftType: string; readonly daysOn: number }[] | undefined;
}

const isWhole = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/**
 * Checks a parsed RULES.json against the rules above and the requirement step: lengths, meals and grids
 * are whole minutes that are multiples of the step, a meal fits inside its shift, opening hours are
 * within a day.
 *
 * @throws {ScheduleInputError} naming the JSON path of the first value at fault.
 * @example validateRules({ shiftTypes: [{ name: '8h', lengthMin: 480 }], startGridMin: 30, mode: 'cyclic' }, 15)
 */
export function validateRules(value: unknown, stepMin: number): ScheduleRules {
  const fail = (field: string, message: string): never => {
    throw new ScheduleInputError(`${field}: ${message}`, field);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('$', 'must be a JSON object');
  const rules = value as Record<string, unknown>;
  const onStep = (field: string, v: unknown, min: number, max: number) => {
    if (!isWhole(v, min, max) || v % stepMin !== 0)
      fail(
        field,
        `must be a whole number of minutes from ${min} to ${max}, a multiple of the ${stepMin}-minute step`,
      );
  };
  if (rules.mode !== 'cyclic' && rules.mode !== 'horizon') fail('mode', 'must be "cyclic" or "horizon"');
  onStep('startGridMin', rules.startGridMin, stepMin, 1440);
  if (!Array.isArray(rules.shiftTypes) || rules.shiftTypes.length === 0 || rules.shiftTypes.length > 50)
    fail('shiftTypes', 'must be a list of 1 to 50 shift types');
  const names = new Set<string>();
  (rules.shiftTypes as unknown[]).forEach((raw, i) => {
    const at = `shiftTypes[${i}]`;
    if (typeof raw !== 'object' || raw === null) fail(at, 'must be an object');
    const t = raw as Record<string, unknown>;
    if (typeof t.name !== 'string' || !/^[\w .:+-]{1,40}$/.test(t.name))
      fail(`${at}.name`, 'must be 1 to 40 letters, digits, spaces or . : + - _');
    if (names.has(t.name as string)) fail(`${at}.name`, `"${t.name}" is used twice`);
    names.add(t.name as string);
    onStep(`${at}.lengthMin`, t.lengthMin, stepMin, 1440);
    if (t.meal !== undefined) {
      const m = t.meal as Record<string, unknown>;
      if (typeof m !== 'object' || m === null) fail(`${at}.meal`, 'must be an object');
      onStep(`${at}.meal.lengthMin`, m.lengthMin, stepMin, 240);
      onStep(`${at}.meal.earliestAfterStartMin`, m.earliestAfterStartMin, 0, 1440);
      onStep(`${at}.meal.latestBeforeEndMin`, m.latestBeforeEndMin, 0, 1440);
      onStep(`${at}.meal.gridMin`, m.gridMin, stepMin, 1440);
      const room =
        (t.lengthMin as number) - (m.earliestAfterStartMin as number) - (m.latestBeforeEndMin as number);
      if (room < (m.lengthMin as number))
        fail(
          `${at}.meal`,
          'does not fit: earliestAfterStartMin + lengthMin + latestBeforeEndMin exceeds the shift',
        );
    }
  });
  if (rules.openingHours !== undefined) {
    const o = rules.openingHours as Record<string, unknown>;
    if (typeof o !== 'object' || o === null) fail('openingHours', 'must be an object');
    onStep('openingHours.openMin', o.openMin, 0, 1440);
    onStep('openingHours.closeMin', o.closeMin, 0, 1440);
    if ((o.openMin as number) >= (o.closeMin as number))
      fail('openingHours', 'openMin must be before closeMin');
  }
  if (rules.tours !== undefined) {
    if (!Array.isArray(rules.tours) || rules.tours.length > 50)
      fail('tours', 'must be a list of at most 50 tours');
    if (rules.mode !== 'cyclic') fail('tours', 'need "mode": "cyclic" (a week that repeats)');
    const seen = new Set<string>();
    (rules.tours as unknown[]).forEach((raw, i) => {
      const t = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
      if (typeof t.shiftType !== 'string' || !names.has(t.shiftType))
        fail(`tours[${i}].shiftType`, 'must name one of shiftTypes');
      if (seen.has(t.shiftType as string)) fail(`tours[${i}].shiftType`, `"${t.shiftType}" has two tours`);
      seen.add(t.shiftType as string);
      if (!isWhole(t.daysOn, 1, 6)) fail(`tours[${i}].daysOn`, 'must be a whole number of days from 1 to 6');
    });
  }
  return rules as unknown as ScheduleRules;
}
