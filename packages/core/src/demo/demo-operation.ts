import { Xoshiro128 } from '../simulation/rng.js';
import { offsetAt } from '../time/zoned-time.js';
import { demoSubject } from './demo-phrases.js';

/**
 * The demo organization's year of service, generated: a business serving Turkish, English,
 * Hungarian, Latvian, Russian and German speakers through an in-house team in Istanbul and
 * Budapest, a nearshore vendor in Riga and an offshore follow-the-sun vendor in Manila.
 *
 * The shapes are the ones contact-centre planners design for (Cleveland, "Call Center Management
 * on Fast Forward", 4th ed., ch. 5; Gans, Koole & Mandelbaum, "Telephone call centers: tutorial,
 * review and research prospects", MSOM 5(2), 2003): daily volume with a weekday pattern, a
 * December peak and a campaign spike, Poisson noise around it; arrivals by the customer's local
 * hour; log-normal response and handling times (Brown et al., "Statistical analysis of a telephone
 * call center", JASA 100, 2005, found service times close to log-normal). Vendors differ
 * plausibly: slower e-mail answers and more hand-offs offshore, higher satisfaction in house.
 * Nothing here is real data; the figures are chosen to make every Insight page show something.
 *
 * Deterministic: the same options give the same records, byte for byte.
 */
export interface DemoOperationOptions {
  /** The last instant covered; the year runs up to it (the caller passes its clock's now). */
  readonly end: Date;
  readonly days?: number;
  /** Mean tickets on an ordinary Thursday; the year's total is about 330 × this. */
  readonly dailyVolume?: number;
  readonly seed?: number;
  /** Only tickets created in the last N days carry their conversation (keeps the seed fast). */
  readonly messagesForLastDays?: number;
}

/** One ticket in Shoreline's canonical import format (docs/insight.md, "Canonical format"). */
export interface DemoTicketRecord {
  source: string;
  externalId: string;
  subject: string;
  status: 'new' | 'open' | 'pending' | 'solved' | 'closed';
  priority: 'low' | 'normal' | 'high' | 'urgent';
  channel: 'email' | 'chat' | 'phone' | 'social';
  language: string;
  topic: string;
  tags: string[];
  requester: string;
  assignee: string | null;
  provider: string;
  team: string;
  createdAt: string;
  firstResponseAt: string | null;
  solvedAt: string | null;
  closedAt: string | null;
  reopenedAt: string | null;
  reopenCount: number;
  handoffCount: number;
  slaBreached: boolean | null;
  csatScore: number | null;
  csatScale: '1-5' | null;
  callWaitSeconds: number | null;
  callHandleSeconds: number | null;
  abandoned: boolean | null;
  messages?: {
    externalId: string;
    authorType: 'customer' | 'agent';
    body: string;
    createdAt: string;
  }[];
}

type Channel = DemoTicketRecord['channel'];

interface DemoTeam {
  readonly provider: string;
  readonly team: string;
  readonly timeZone: string;
  /** Local opening hour and closing hour, weekdays only unless `allWeek`. */
  readonly open: number;
  readonly close: number;
  readonly allWeek: boolean;
  readonly channels: readonly Channel[];
  /** Multiplies response and resolution times. */
  readonly pace: number;
  /** Probability that a surveyed customer is satisfied (4 or 5 of 5). */
  readonly satisfied: number;
  readonly reopen: number;
  readonly handoff: number;
  readonly agents: readonly string[];
}

/** The demo organization's teams, as seeded by the server's demo (names must match). */
export const DEMO_TEAMS = {
  istanbul: {
    provider: 'Northwind in-house',
    team: 'Istanbul Care',
    timeZone: 'Europe/Istanbul',
    open: 9,
    close: 18,
    allWeek: false,
    channels: ['email', 'chat', 'phone'],
    pace: 1,
    satisfied: 0.87,
    reopen: 0.04,
    handoff: 0.05,
    agents: ['Ayşe Yılmaz', 'Mehmet Kaya', 'Zeynep Çelik', 'Emre Şahin'],
  },
  budapest: {
    provider: 'Northwind in-house',
    team: 'Budapest Billing',
    timeZone: 'Europe/Budapest',
    open: 8,
    close: 17,
    allWeek: false,
    channels: ['email', 'phone'],
    pace: 0.9,
    satisfied: 0.85,
    reopen: 0.04,
    handoff: 0.04,
    agents: ['Kovács Anna', 'Nagy Péter', 'Tóth Eszter'],
  },
  riga: {
    provider: 'Baltic Contact',
    team: 'Riga Multilingual',
    timeZone: 'Europe/Riga',
    open: 8,
    close: 20,
    allWeek: false,
    channels: ['email', 'chat', 'social'],
    pace: 1.1,
    satisfied: 0.83,
    reopen: 0.05,
    handoff: 0.07,
    agents: ['Līga Bērziņa', 'Jānis Ozols', 'Olga Petrova', 'Kārlis Kalniņš'],
  },
  manila: {
    provider: 'Manila CX',
    team: 'Manila Follow-the-sun',
    timeZone: 'Asia/Manila',
    open: 0,
    close: 24,
    allWeek: true,
    channels: ['email', 'chat', 'phone'],
    pace: 1.35,
    satisfied: 0.76,
    reopen: 0.08,
    handoff: 0.14,
    agents: ['Jose Santos', 'Maria Reyes', 'Paolo Cruz', 'Angelica Bautista', 'Mark Villanueva'],
  },
} as const satisfies Record<string, DemoTeam>;

/** Customers' languages with their share and the zone their day follows. */
const LANGUAGES: readonly { language: string; share: number; zones: readonly [string, number][] }[] = [
  { language: 'tr', share: 0.3, zones: [['Europe/Istanbul', 1]] },
  {
    language: 'en',
    share: 0.32,
    zones: [
      ['Europe/London', 0.5],
      ['America/New_York', 0.3],
      ['Asia/Manila', 0.2],
    ],
  },
  { language: 'hu', share: 0.14, zones: [['Europe/Budapest', 1]] },
  { language: 'lv', share: 0.12, zones: [['Europe/Riga', 1]] },
  { language: 'ru', share: 0.07, zones: [['Europe/Riga', 1]] },
  // Served by no team in its own language: the gap Source's readiness assessment should find.
  { language: 'de', share: 0.05, zones: [['Europe/Berlin', 1]] },
];

const TOPICS: readonly [string, number, number][] = [
  // topic, share, resolution-time multiplier
  ['billing', 0.2, 1],
  ['delivery', 0.19, 1.5],
  ['refund', 0.12, 1.8],
  ['technical', 0.14, 2.5],
  ['account_access', 0.11, 1.2],
  ['product_inquiry', 0.12, 0.6],
  ['cancellation', 0.07, 0.8],
  ['complaint', 0.05, 2],
];

const PRIORITIES: readonly [DemoTicketRecord['priority'], number, number][] = [
  // priority, share, first-response target in seconds for written channels
  ['low', 0.2, 24 * 3600],
  ['normal', 0.6, 8 * 3600],
  ['high', 0.15, 4 * 3600],
  ['urgent', 0.05, 3600],
];

/** Relative arrivals by the customer's local hour (0–23): a working-day double hump. */
const HOURLY = [
  0.25, 0.15, 0.1, 0.08, 0.08, 0.15, 0.35, 0.7, 1.1, 1.45, 1.6, 1.55, 1.3, 1.4, 1.5, 1.45, 1.35, 1.15, 1,
  0.95, 0.85, 0.7, 0.55, 0.4,
];
/** Relative volume by weekday, Sunday first (Date.getUTCDay order). */
const WEEKDAY = [0.45, 1.25, 1.15, 1.05, 1, 0.95, 0.55];

/** Median seconds to first response and to resolution on each channel, before a team's pace. */
const CHANNEL_TIMES: Record<Channel, { firstResponse: number; resolution: number }> = {
  chat: { firstResponse: 50, resolution: 18 * 60 },
  phone: { firstResponse: 45, resolution: 7 * 60 },
  email: { firstResponse: 2.5 * 3600, resolution: 20 * 3600 },
  social: { firstResponse: 1.5 * 3600, resolution: 9 * 3600 },
};

const DAY_MS = 86_400_000;

/** The demo's tickets, oldest first. */
export function* demoOperation(options: DemoOperationOptions): Generator<DemoTicketRecord> {
  const days = options.days ?? 365;
  const daily = options.dailyVolume ?? 160;
  const rng = new Xoshiro128(options.seed ?? 20_261_203);
  const u = () => rng.nextOpenUnit();
  const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const logNormal = (median: number, sigma: number) => median * Math.exp(sigma * normal());
  const pick = <T>(items: readonly T[], weight: (t: T) => number): T => {
    let r = u() * items.reduce((s, t) => s + weight(t), 0);
    for (const t of items) {
      r -= weight(t);
      if (r <= 0) return t;
    }
    return items[items.length - 1] as T;
  };
  const endMs = options.end.getTime();
  const firstDay = Math.floor(endMs / DAY_MS) - days + 1;
  const messagesFrom = endMs - (options.messagesForLastDays ?? 30) * DAY_MS;
  const hourWeights = HOURLY.map((w, hour) => ({ hour, w }));
  const localOffset = memoisedOffsets();

  // Arrivals are drawn per UTC day in each customer's local day, so they spill across UTC midnight:
  // all of them are drawn first and sorted once.
  const arrivals: { at: number; lang: string }[] = [];
  for (let d = firstDay; d < firstDay + days; d++) {
    const date = new Date(d * DAY_MS);
    const lambda =
      daily * WEEKDAY[date.getUTCDay()]! * seasonality(date) * (0.9 + (0.2 * (d - firstDay)) / days);
    const count = Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal()));
    for (let i = 0; i < count; i++) {
      const lang = pick(LANGUAGES, (l) => l.share);
      const zone = pick(lang.zones, (z) => z[1])[0];
      const hour = pick(hourWeights, (h) => h.w).hour;
      const noon = d * DAY_MS + 12 * 3600_000;
      const at = d * DAY_MS - localOffset(zone, noon) + hour * 3600_000 + Math.floor(u() * 3600_000);
      if (at <= endMs) arrivals.push({ at, lang: lang.language });
    }
  }
  arrivals.sort((a, b) => a.at - b.at);
  let serial = 0;
  for (const { at: created, lang } of arrivals) {
    serial++;
    const [topic, , topicPace] = pick(TOPICS, (t) => t[1]);
    const [priority, , target] = pick(PRIORITIES, (p) => p[1]);
    const { team, channel } = route(localOffset, lang, topic, created, u);
    yield ticket({
      serial,
      created,
      endMs,
      lang,
      topic,
      topicPace,
      priority,
      target,
      team,
      channel,
      withMessages: created >= messagesFrom,
      localOffset,
      u,
      logNormal,
    });
  }
}

/** December peak (cosine around mid-December) and a campaign spike on the last Friday of November. */
function seasonality(date: Date): number {
  const dayOfYear =
    (Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) -
      Date.UTC(date.getUTCFullYear(), 0, 1)) /
    DAY_MS;
  let factor = 1 + 0.15 * Math.cos((2 * Math.PI * (dayOfYear - 349)) / 365);
  if (date.getUTCMonth() === 10 && date.getUTCDate() >= 23 && date.getUTCDate() <= 30) {
    const weekday = date.getUTCDay();
    if (weekday === 5 && date.getUTCDate() + 7 > 30) factor *= 1.9;
    if ((weekday === 6 || weekday === 1) && date.getUTCDate() + 7 > 31) factor *= 1.4;
  }
  return factor;
}

type LocalOffset = (zone: string, at: number) => number;

/** A zone's UTC offset in ms, memoised per zone and UTC hour (Intl is slow; zones change offset on the hour). */
function memoisedOffsets(): LocalOffset {
  const byZone = new Map<string, Map<number, number>>();
  return (zone, at) => {
    let offsets = byZone.get(zone);
    if (!offsets) {
      offsets = new Map();
      byZone.set(zone, offsets);
    }
    const hour = Math.floor(at / 3600_000);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      offset = offsetAt(at, zone);
      offsets.set(hour, offset);
    }
    return offset;
  };
}

function isOpen(localOffset: LocalOffset, team: DemoTeam, at: number): boolean {
  if (team.allWeek) return true;
  const local = new Date(at + localOffset(team.timeZone, at));
  const weekday = local.getUTCDay();
  const hour = local.getUTCHours();
  return weekday >= 1 && weekday <= 5 && hour >= team.open && hour < team.close;
}

/** The routing the demo organization would configure: language first, then hours, then the 24/7 vendor. */
function route(
  localOffset: LocalOffset,
  lang: string,
  topic: string,
  at: number,
  u: () => number,
): { team: DemoTeam; channel: Channel } {
  const t = DEMO_TEAMS;
  const channelFor = (team: DemoTeam): Channel => {
    const mix: Record<Channel, number> = { email: 0.45, chat: 0.3, phone: 0.2, social: 0.05 };
    const allowed = team.channels;
    let r = u() * allowed.reduce((s, c) => s + mix[c], 0);
    for (const c of allowed) {
      r -= mix[c];
      if (r <= 0) return c;
    }
    return allowed[0]!;
  };
  let team: DemoTeam;
  if (lang === 'tr') team = t.istanbul;
  else if (lang === 'hu') team = t.budapest;
  else if (lang === 'lv' || lang === 'ru') team = t.riga;
  else if (
    lang === 'en' &&
    (topic === 'billing' || topic === 'refund') &&
    isOpen(localOffset, t.budapest, at)
  )
    team = t.budapest;
  else if (lang === 'en' && isOpen(localOffset, t.riga, at) && u() < 0.35) team = t.riga;
  else team = t.manila;
  return { team, channel: channelFor(team) };
}

interface TicketInput {
  serial: number;
  created: number;
  endMs: number;
  lang: string;
  topic: string;
  topicPace: number;
  priority: DemoTicketRecord['priority'];
  target: number;
  team: DemoTeam;
  channel: Channel;
  withMessages: boolean;
  localOffset: LocalOffset;
  u: () => number;
  logNormal: (median: number, sigma: number) => number;
}

/** Moves an instant to the team's next opening when it falls outside the team's hours. */
function nextOpening(localOffset: LocalOffset, team: DemoTeam, at: number): number {
  let t = at;
  for (let i = 0; i < 24 * 8 && !isOpen(localOffset, team, t); i++)
    t = (Math.floor(t / 3600_000) + 1) * 3600_000;
  return t;
}

function ticket(x: TicketInput): DemoTicketRecord {
  const { team, channel, u, logNormal } = x;
  const times = CHANNEL_TIMES[channel];
  const live = channel === 'chat' || channel === 'phone';
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const abandoned = channel === 'phone' ? u() < 0.04 * team.pace : null;
  const waitSeconds = Math.max(1, Math.round(logNormal(times.firstResponse * team.pace, 0.8)));
  const start = live ? x.created : nextOpening(x.localOffset, team, x.created);
  const firstResponse = abandoned ? null : start + waitSeconds * 1000;
  const resolutionSeconds = Math.round(logNormal(times.resolution * team.pace * x.topicPace, 0.9));
  const reopened = u() < team.reopen;
  const solvedCandidate =
    firstResponse === null ? null : firstResponse + resolutionSeconds * 1000 + (reopened ? 36 * 3600_000 : 0);
  const solved = solvedCandidate !== null && solvedCandidate <= x.endMs ? solvedCandidate : null;
  const closed = solved !== null && solved + 4 * DAY_MS <= x.endMs ? solved + 4 * DAY_MS : null;
  const status: DemoTicketRecord['status'] =
    firstResponse === null
      ? abandoned
        ? 'closed'
        : 'new'
      : closed !== null
        ? 'closed'
        : solved !== null
          ? 'solved'
          : firstResponse <= x.endMs
            ? u() < 0.4
              ? 'pending'
              : 'open'
            : 'new';
  const answeredBy = firstResponse !== null && firstResponse <= x.endMs;
  const slaTarget = channel === 'chat' ? 120 : channel === 'phone' ? 60 : x.target;
  const slaBreached = abandoned ? true : answeredBy ? waitSeconds > slaTarget : null;
  const surveyed = solved !== null && u() < 0.24;
  const satisfiedChance = team.satisfied - (slaBreached ? 0.12 : 0) - (reopened ? 0.15 : 0);
  const csat = surveyed ? (u() < satisfiedChance ? (u() < 0.62 ? 5 : 4) : 1 + Math.floor(u() * 3)) : null;
  const assignee = answeredBy ? team.agents[Math.floor(u() * team.agents.length)]! : null;
  const id = `NW-${String(x.serial).padStart(6, '0')}`;
  const subject = demoSubject(x.topic, x.lang, x.serial);
  const record: DemoTicketRecord = {
    source: 'demo',
    externalId: id,
    subject,
    status,
    priority: x.priority,
    channel,
    language: x.lang,
    topic: x.topic,
    tags: [x.topic, ...(reopened ? ['reopened'] : [])],
    requester: `customer-${(x.serial * 7919) % 40_000}@example.com`,
    assignee,
    provider: team.provider,
    team: team.team,
    createdAt: iso(x.created)!,
    firstResponseAt: answeredBy ? iso(firstResponse) : null,
    solvedAt: iso(solved),
    closedAt: iso(closed),
    reopenedAt: reopened && solved !== null ? iso(solved - 36 * 3600_000) : null,
    reopenCount: reopened && solved !== null ? 1 : 0,
    handoffCount: u() < team.handoff ? 1 : 0,
    slaBreached,
    csatScore: csat,
    csatScale: csat === null ? null : '1-5',
    callWaitSeconds: channel === 'phone' ? waitSeconds : null,
    callHandleSeconds: channel === 'phone' && !abandoned ? resolutionSeconds : null,
    abandoned,
  };
  if (x.withMessages) {
    record.messages = [
      { externalId: `${id}-1`, authorType: 'customer', body: subject, createdAt: record.createdAt },
    ];
    if (record.firstResponseAt !== null)
      record.messages.push({
        externalId: `${id}-2`,
        authorType: 'agent',
        body: demoSubject('reply', x.lang, x.serial),
        createdAt: record.firstResponseAt,
      });
  }
  return record;
}
