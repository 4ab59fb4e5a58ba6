// Readiness assessment: the outsourcing guides' questions, answered from measured evidence where the
// business's own data can answer them, and marked as needing the user where it cannot.

/** Evidence measured from imported history (Insight). Absent fields mean "no data". */
export interface ReadinessEvidence {
  /** Weekly KPIs, oldest first. */
  readonly weeklyKpis?: readonly {
    readonly week: string;
    readonly volume: number;
    readonly medianHandleSec: number | null;
    readonly reopenRate: number | null;
  }[];
  readonly volumeByLanguage?: readonly { readonly language: string; readonly volume: number }[];
  /** Languages the in-house teams cover. */
  readonly teamLanguages?: readonly string[];
  readonly volumeByChannel?: readonly { readonly channel: string; readonly volume: number }[];
  /** Channels the in-house teams work (none given: every channel counts as covered). */
  readonly teamChannels?: readonly string[];
  /** 168 buckets, Monday 00:00 first, local time. */
  readonly volumeByHourOfWeek?: readonly number[];
  readonly volumeByMonth?: readonly { readonly month: string; readonly volume: number }[];
  readonly topics?: readonly {
    readonly topic: string;
    readonly volume: number;
    readonly medianHandleSec: number | null;
    readonly reopenRate: number | null;
  }[];
}

export type Leaning = 'keep-in-house' | 'outsource' | 'hybrid' | 'follow-the-sun';

export const READINESS_QUESTIONS = [
  'process-stability',
  'language-gaps',
  'after-hours-demand',
  'seasonality',
  'complexity',
  'competitive-differentiation',
  'data-sensitivity',
  'process-documentation',
  'cost-today',
] as const;
export type ReadinessQuestion = (typeof READINESS_QUESTIONS)[number];

/** Questions no imported data can answer: the user must. */
const USER_ONLY: ReadonlySet<ReadinessQuestion> = new Set([
  'competitive-differentiation',
  'data-sensitivity',
  'process-documentation',
  'cost-today',
]);

export interface ReadinessAnswer {
  readonly question: ReadinessQuestion;
  /** `measured`: answered from data; `needs-user`: no data can answer it; `no-data`: data could, but none was imported. */
  readonly status: 'measured' | 'needs-user' | 'no-data';
  /** The measured figures, named (e.g. `{ coefficientOfVariation: 0.08, weeks: 26 }`). */
  readonly evidence: Readonly<Record<string, number | string | readonly string[]>>;
  readonly leaning: Leaning | null;
  /** A stable reason code the page translates, e.g. `stable-kpis`. */
  readonly reason: string | null;
}

/** Thresholds, editable; defaults are rules of thumb (stated as such on the page). */
export interface ReadinessThresholds {
  /** Weekly KPI coefficient of variation at or below which processes count as stable; default 0.15. */
  readonly stableCv: number;
  /** Share of volume in uncovered languages that counts as a gap; default 0.05. */
  readonly languageGapShare: number;
  /** Share of volume outside Mon–Fri 08:00–18:00 that calls for extended hours; default 0.15. */
  readonly afterHoursShare: number;
  /** Peak month ÷ mean month that counts as seasonal; default 1.3. */
  readonly peakRatio: number;
  /** Share of volume in complex topics above which the work stays in house; default 0.4. */
  readonly complexShare: number;
}

export const DEFAULT_THRESHOLDS: ReadinessThresholds = {
  stableCv: 0.15,
  languageGapShare: 0.05,
  afterHoursShare: 0.15,
  peakRatio: 1.3,
  complexShare: 0.4,
};

/**
 * Coefficient of variation s/x̄ with the sample standard deviation (n − 1), the usual measure of
 * relative dispersion (e.g. Everitt & Skrondal, "The Cambridge Dictionary of Statistics", 4th ed.).
 * @example coefficientOfVariation([10, 12, 14]) // 0.1666…
 */
export function coefficientOfVariation(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  if (mean === 0) return null;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
  return Math.sqrt(variance) / mean;
}

const round = (value: number, places = 3) => Math.round(value * 10 ** places) / 10 ** places;

/** Total volume of a list of languages, months or topics. */
const volumeOf = (items: readonly { readonly volume: number }[]) => items.reduce((s, x) => s + x.volume, 0);

/** Is Monday-first hour-of-week `h` inside Mon–Fri 08:00–18:00? */
export function isBusinessHour(hourOfWeek: number): boolean {
  return Math.floor(hourOfWeek / 24) < 5 && hourOfWeek % 24 >= 8 && hourOfWeek % 24 < 18;
}

/**
 * Answers the readiness questions (from the guides gathered in the Source reference's
 * `selection.md` §1: UK Delivery Model Assessment, IVI IT-CMF sourcing criteria):
 *
 * - process stability: CV of weekly volume, median handle time and reopen rate (worst of the three);
 *   ≤ stableCv → stable enough to hand over, else keep in house and stabilise first (needs ≥ 4 weeks);
 * - language gaps: share of volume in languages no team covers;
 * - after-hours demand: share of volume outside Mon–Fri 08:00–18:00;
 * - seasonality: peak month ÷ mean month (needs ≥ 3 months);
 * - complexity: share of volume in topics whose median handle time is over 1.5× the overall
 *   volume-weighted mean, or whose reopen rate is over 2× the overall;
 * - competitive differentiation, data sensitivity, process documentation, cost today: the user.
 * @example assessReadiness({}).filter((a) => a.status === 'needs-user').length // 4
 */
export function assessReadiness(
  evidence: ReadinessEvidence,
  thresholds: ReadinessThresholds = DEFAULT_THRESHOLDS,
): ReadinessAnswer[] {
  return READINESS_QUESTIONS.map((question): ReadinessAnswer => {
    if (USER_ONLY.has(question))
      return { question, status: 'needs-user', evidence: {}, leaning: null, reason: null };
    const measured = measure(question, evidence, thresholds);
    return measured ?? { question, status: 'no-data', evidence: {}, leaning: null, reason: null };
  });
}

/** A measured answer: the leaning and reason of the side of its threshold the evidence falls on. */
function measured(
  question: ReadinessQuestion,
  evidence: ReadinessAnswer['evidence'],
  past: boolean,
  ifPast: readonly [Leaning, string],
  otherwise: readonly [Leaning, string],
): ReadinessAnswer {
  const [leaning, reason] = past ? ifPast : otherwise;
  return { question, status: 'measured', evidence, leaning, reason };
}

function measure(
  question: ReadinessQuestion,
  e: ReadinessEvidence,
  t: ReadinessThresholds,
): ReadinessAnswer | null {
  switch (question) {
    case 'process-stability': {
      const weeks = e.weeklyKpis ?? [];
      if (weeks.length < 4) return null;
      const cvs = {
        volume: coefficientOfVariation(weeks.map((w) => w.volume)),
        medianHandle: coefficientOfVariation(
          weeks.flatMap((w) => (w.medianHandleSec === null ? [] : [w.medianHandleSec])),
        ),
        reopenRate: coefficientOfVariation(
          weeks.flatMap((w) => (w.reopenRate === null ? [] : [w.reopenRate])),
        ),
      };
      const known = Object.values(cvs).filter((v): v is number => v !== null);
      const worst = Math.max(...known);
      const stable = worst <= t.stableCv;
      return measured(
        question,
        {
          weeks: weeks.length,
          volumeCv: round(cvs.volume ?? 0),
          medianHandleCv: round(cvs.medianHandle ?? 0),
          reopenRateCv: round(cvs.reopenRate ?? 0),
          threshold: t.stableCv,
        },
        stable,
        ['outsource', 'stable-kpis'],
        ['keep-in-house', 'unstable-kpis'],
      );
    }
    case 'language-gaps': {
      const volumes = e.volumeByLanguage ?? [];
      const total = volumeOf(volumes);
      if (total === 0 || !e.teamLanguages) return null;
      const covered = new Set(e.teamLanguages.map((l) => l.toLowerCase()));
      const gaps = volumes.filter((v) => !covered.has(v.language.toLowerCase()) && v.volume > 0);
      const share = volumeOf(gaps) / total;
      const gap = share >= t.languageGapShare;
      return measured(
        question,
        {
          uncoveredShare: round(share),
          uncoveredLanguages: gaps.map((g) => g.language),
          teamLanguages: [...e.teamLanguages],
        },
        gap,
        ['hybrid', 'language-gap'],
        ['keep-in-house', 'languages-covered'],
      );
    }
    case 'after-hours-demand': {
      const hours = e.volumeByHourOfWeek ?? [];
      const total = hours.reduce((s, v) => s + v, 0);
      if (hours.length !== 168 || total === 0) return null;
      const after = hours.reduce((s, v, h) => (isBusinessHour(h) ? s : s + v), 0) / total;
      const night = hours.reduce((s, v, h) => (h % 24 < 6 || h % 24 >= 22 ? s + v : s), 0) / total;
      const extended = after >= t.afterHoursShare;
      return measured(
        question,
        { afterHoursShare: round(after), nightShare: round(night), threshold: t.afterHoursShare },
        extended,
        ['follow-the-sun', 'after-hours-demand'],
        ['keep-in-house', 'business-hours-demand'],
      );
    }
    case 'seasonality': {
      const months = e.volumeByMonth ?? [];
      if (months.length < 3) return null;
      const mean = volumeOf(months) / months.length;
      if (mean === 0) return null;
      const peak = months.reduce((best, m) => (m.volume > best.volume ? m : best));
      const ratio = peak.volume / mean;
      const seasonal = ratio >= t.peakRatio;
      return measured(
        question,
        {
          months: months.length,
          peakMonth: peak.month,
          peakToMean: round(ratio),
          threshold: t.peakRatio,
        },
        seasonal,
        ['hybrid', 'seasonal-peaks'],
        ['keep-in-house', 'flat-demand'],
      );
    }
    case 'complexity': {
      const topics = (e.topics ?? []).filter((topic) => topic.volume > 0);
      const total = volumeOf(topics);
      if (total === 0) return null;
      const weighted = (pick: (x: (typeof topics)[number]) => number | null) => {
        const known = topics.filter((x) => pick(x) !== null);
        const volume = volumeOf(known);
        return volume === 0 ? null : known.reduce((s, x) => s + (pick(x) as number) * x.volume, 0) / volume;
      };
      const handle = weighted((x) => x.medianHandleSec);
      const reopen = weighted((x) => x.reopenRate);
      const complex = topics.filter(
        (x) =>
          (handle !== null && x.medianHandleSec !== null && x.medianHandleSec > 1.5 * handle) ||
          (reopen !== null && reopen > 0 && x.reopenRate !== null && x.reopenRate > 2 * reopen),
      );
      const share = volumeOf(complex) / total;
      const keep = share >= t.complexShare;
      return measured(
        question,
        {
          complexShare: round(share),
          complexTopics: complex.map((x) => x.topic),
          meanHandleSec: round(handle ?? 0, 0),
          meanReopenRate: round(reopen ?? 0),
        },
        keep,
        ['keep-in-house', 'mostly-complex'],
        ['hybrid', 'simple-tier-outsourceable'],
      );
    }
    default:
      return null;
  }
}

export interface SegmentGrade {
  /** The channel, or `all` when the evidence has no channel breakdown. */
  readonly channel: string;
  readonly language: string;
  readonly hours: 'business' | 'after-hours';
  readonly tier: 'simple' | 'complex';
  readonly grade: Leaning;
  readonly reasons: readonly string[];
}

/**
 * Grades segments (language × hours × tier) from the answers: complex work stays in house unless
 * no team speaks the language; a language no team covers goes out (hybrid for complex work);
 * after-hours demand goes follow-the-sun; simple work on stable processes is outsourceable, hybrid
 * when demand is seasonal (a vendor takes the peaks); unstable processes keep everything in house.
 */
export function gradeSegments(
  evidence: ReadinessEvidence,
  answers: readonly ReadinessAnswer[],
): SegmentGrade[] {
  const byQuestion = new Map(answers.map((a) => [a.question, a]));
  const stable = byQuestion.get('process-stability')?.reason !== 'unstable-kpis';
  const seasonal = byQuestion.get('seasonality')?.reason === 'seasonal-peaks';
  const afterHours = byQuestion.get('after-hours-demand')?.reason === 'after-hours-demand';
  const covered = new Set((evidence.teamLanguages ?? []).map((l) => l.toLowerCase()));
  const languages = (evidence.volumeByLanguage ?? []).filter((l) => l.volume > 0).map((l) => l.language);
  const channels = (evidence.volumeByChannel ?? []).filter((c) => c.volume > 0).map((c) => c.channel);
  const teamChannels = evidence.teamChannels ? new Set(evidence.teamChannels) : null;
  const segments: SegmentGrade[] = [];
  for (const channel of channels.length > 0 ? channels : ['all']) {
    // A channel no in-house team works is a gap like a language no one speaks.
    const channelGap = teamChannels !== null && channel !== 'all' && !teamChannels.has(channel);
    for (const language of languages) {
      const uncovered = !covered.has(language.toLowerCase()) || channelGap;
      for (const hours of afterHours ? (['business', 'after-hours'] as const) : (['business'] as const)) {
        for (const tier of ['simple', 'complex'] as const) {
          const reasons: string[] = [];
          let grade: Leaning;
          if (!stable) {
            grade = 'keep-in-house';
            reasons.push('unstable-kpis');
          } else if (uncovered) {
            grade = tier === 'complex' ? 'hybrid' : 'outsource';
            reasons.push(channelGap ? 'channel-gap' : 'language-gap');
          } else if (tier === 'complex') {
            grade = 'keep-in-house';
            reasons.push('complex-work');
          } else if (hours === 'after-hours') {
            grade = 'follow-the-sun';
            reasons.push('after-hours-demand');
          } else {
            grade = seasonal ? 'hybrid' : 'outsource';
            reasons.push(seasonal ? 'seasonal-peaks' : 'stable-kpis');
          }
          segments.push({ channel, language, hours, tier, grade, reasons });
        }
      }
    }
  }
  return segments;
}
