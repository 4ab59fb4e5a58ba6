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
  /** Labour-law limits: a country preset and/or explicit values (explicit values win). */
  readonly labour?: LabourRules | undefined;
}

/** Night time of each day: [startMin, endMin) from midnight, across midnight when start > end. */
export interface NightWindow {
  readonly startMin: number;
  readonly endMin: number;
  /** A shift is a night shift when at least this many of its worked minutes fall in night time. */
  readonly minMin: number;
}

/** RULES.json `labour`. */
export interface LabourRules {
  readonly preset?: LabourPreset | undefined;
  /** Least rest between the end of an agent's shift and the start of their next one, minutes. */
  readonly minRestMin?: number | undefined;
  readonly night?: NightWindow | undefined;
  /** Most night shifts one agent works in a week (7 days from the horizon's start). */
  readonly maxNightShiftsPerWeek?: number | undefined;
  /** Longest worked time (meal excluded) of a night shift, minutes. */
  readonly maxNightShiftLengthMin?: number | undefined;
}

export type LabourPreset = 'EU' | 'HU' | 'LV' | 'TR';

/** Labour limits with every value set (none: no limit). */
export interface ResolvedLabour {
  readonly minRestMin: number;
  readonly night: NightWindow;
  readonly maxNightShiftsPerWeek: number;
  readonly maxNightShiftLengthMin: number;
}

/**
 * Country presets. Starting points to check against the collective agreement, not legal advice:
 * - EU: Working Time Directive 2003/88/EC, art. 3 (11 consecutive hours of daily rest) and art. 2(3)–(4)
 *   (night time at least 7 h including 00:00–05:00, here 23:00–06:00; a night worker works at least
 *   3 h of daily working time in it).
 * - HU: Labour Code (Act I of 2012) § 104(1) (11 h daily rest) and § 89(3) (night work 22:00–06:00).
 * - LV: Labour Law (Darba likums) s. 142(1) (12 consecutive hours of daily rest) and s. 138(1) (night
 *   time 22:00–06:00; night work is more than 2 h of it).
 * - TR: Labour Law 4857 art. 69 (night 20:00–06:00; night work at most 7.5 h) and the Regulation on
 *   Working Hours (11 h rest between shifts); any worked minute in night time counts here, which is
 *   stricter than the regulation's "more than half the shift".
 * No preset limits night shifts per week: that is a policy value (`maxNightShiftsPerWeek`).
 */
export const LABOUR_PRESETS: Readonly<Record<LabourPreset, Omit<LabourRules, 'preset'>>> = {
  EU: { minRestMin: 660, night: { startMin: 1380, endMin: 360, minMin: 180 } },
  HU: { minRestMin: 660, night: { startMin: 1320, endMin: 360, minMin: 180 } },
  LV: { minRestMin: 720, night: { startMin: 1320, endMin: 360, minMin: 121 } },
  TR: { minRestMin: 660, night: { startMin: 1200, endMin: 360, minMin: 1 }, maxNightShiftLengthMin: 450 },
};

/** The labour limits of a rule file: its preset, overridden by its own values; absent ones do not limit. */
export function resolveLabour(rules: Pick<ScheduleRules, 'labour'>): ResolvedLabour {
  const l = rules.labour ?? {};
  const preset = l.preset ? LABOUR_PRESETS[l.preset] : {};
  return {
    minRestMin: l.minRestMin ?? preset.minRestMin ?? 0,
    night: l.night ?? preset.night ?? { startMin: 1380, endMin: 360, minMin: 180 },
    maxNightShiftsPerWeek: l.maxNightShiftsPerWeek ?? preset.maxNightShiftsPerWeek ?? 7,
    maxNightShiftLengthMin: l.maxNightShiftLengthMin ?? preset.maxNightShiftLengthMin ?? 1440,
  };
}

/** Minutes of [fromMin, fromMin + lengthMin) (minutes from any midnight) inside the night window. */
export function nightMinutes(fromMin: number, lengthMin: number, night: NightWindow): number {
  let n = 0;
  for (let m = fromMin; m < fromMin + lengthMin; m++) {
    const t = ((m % 1440) + 1440) % 1440;
    if (
      night.startMin <= night.endMin
        ? t >= night.startMin && t < night.endMin
        : t >= night.startMin || t < night.endMin
    )
      n++;
  }
  return n;
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
  if (rules.labour !== undefined) {
    const l = rules.labour as Record<string, unknown>;
    if (typeof l !== 'object' || l === null || Array.isArray(l)) fail('labour', 'must be an object');
    if (l.preset !== undefined && !Object.hasOwn(LABOUR_PRESETS, l.preset as string))
      fail('labour.preset', `must be one of ${Object.keys(LABOUR_PRESETS).join(', ')}`);
    if (l.minRestMin !== undefined && !isWhole(l.minRestMin, 0, 1440))
      fail('labour.minRestMin', 'must be a whole number of minutes from 0 to 1440');
    if (l.maxNightShiftsPerWeek !== undefined && !isWhole(l.maxNightShiftsPerWeek, 0, 7))
      fail('labour.maxNightShiftsPerWeek', 'must be a whole number from 0 to 7');
    if (l.maxNightShiftLengthMin !== undefined && !isWhole(l.maxNightShiftLengthMin, 1, 1440))
      fail('labour.maxNightShiftLengthMin', 'must be a whole number of minutes from 1 to 1440');
    if (l.night !== undefined) {
      const n = l.night as Record<string, unknown>;
      if (typeof n !== 'object' || n === null) fail('labour.night', 'must be an object');
      for (const k of ['startMin', 'endMin'])
        if (!isWhole(n[k], 0, 1440))
          fail(`labour.night.${k}`, 'must be a whole number of minutes from 0 to 1440');
      if (!isWhole(n.minMin, 1, 1440))
        fail('labour.night.minMin', 'must be a whole number of minutes from 1 to 1440');
      if (n.startMin === n.endMin) fail('labour.night', 'startMin and endMin must differ');
    }
    const minRest = resolveLabour(rules as unknown as ScheduleRules).minRestMin;
    (rules.tours as { shiftType: string }[] | undefined)?.forEach((t, i) => {
      const type = (rules.shiftTypes as ShiftType[]).find((s) => s.name === t.shiftType);
      if (type && 1440 - type.lengthMin < minRest)
        fail(
          `tours[${i}].shiftType`,
          `"${t.shiftType}" worked on consecutive days leaves ${1440 - type.lengthMin} minutes of rest, less than labour.minRestMin (${minRest})`,
        );
    });
  }
  return rules as unknown as ScheduleRules;
}
