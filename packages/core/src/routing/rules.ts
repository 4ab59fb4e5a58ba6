import type { Channel, TicketPriority } from '../domain/vocabulary.js';
import { extractTopic, foldText, type Topic } from '../insight/topics.js';
import type { TeamCalendar } from '../time/business-hours.js';

/** A team routing may choose, as the directory describes it. */
export interface RoutingTeam {
  readonly id: string;
  readonly providerId: string;
  /** In house or at a vendor: reported in replays (volume per provider), never a preference. */
  readonly providerKind: 'in_house' | 'vendor';
  /** ISO 639-1 codes the team answers in; empty: any language. */
  readonly languages: readonly string[];
  /** Channels the team works; empty: any channel. */
  readonly channels: readonly string[];
  /** Business hours in an IANA zone with holidays; null: open around the clock. */
  readonly calendar: TeamCalendar | null;
  /** Open conversations now (live routing); replays pass 0. Lower wins among open teams. */
  readonly load?: number;
}

/**
 * Which tickets a rule takes. Each list is one condition (any of its values); an empty or absent
 * list is no condition. `keywords` match folded text (case and diacritics ignored) by word prefix.
 */
export interface RoutingConditions {
  readonly channels?: readonly Channel[];
  readonly languages?: readonly string[];
  readonly topics?: readonly Topic[];
  readonly keywords?: readonly string[];
  readonly segments?: readonly string[];
}

/** One ordered rule: its conditions, the teams it may send to (follow the sun among them), and what it sets. */
export interface RoutingRule {
  readonly id: string;
  readonly name: string;
  readonly conditions: RoutingConditions;
  /** Candidate teams; the ticket goes to one of these that qualifies (language, channel). */
  readonly teamIds: readonly string[];
  readonly priority?: TicketPriority;
  /** The ticket type it sets (the tickets module's vocabulary, e.g. complaint: its own SLA policy). */
  readonly type?: string;
  readonly tags?: readonly string[];
  readonly slaPolicyId?: string;
  /** If nobody has taken the ticket after `afterSeconds`, offer it to one of these teams too. */
  readonly overflow?: RoutingOverflow;
}

/** Overflow after a wait: e.g. an in-house queue that spills to a vendor after two minutes. */
export interface RoutingOverflow {
  readonly afterSeconds: number;
  readonly teamIds: readonly string[];
}

/** What routing looks at on a ticket. */
export interface RoutingTicket {
  readonly channel: Channel;
  /** ISO 639-1, or null/`und` when unknown (then a language condition fails and any team qualifies). */
  readonly language: string | null;
  readonly subject: string | null;
  readonly text: string | null;
  readonly tags?: readonly string[];
  readonly segment?: string | null;
}

/** The outcome of one condition, for the decision's explanation. */
export interface ConditionCheck {
  readonly condition: keyof RoutingConditions;
  readonly matched: boolean;
  /** The ticket's value the condition looked at. */
  readonly value: string | null;
}

const known = (language: string | null): string | null =>
  language === null || language === 'und' || language === '' ? null : language.toLowerCase();

/** The ticket's topic as core/insight/topics.ts reads it (tags first, then subject and text). */
export function topicOf(ticket: RoutingTicket): Topic | null {
  return extractTopic({ tags: ticket.tags ?? [], subject: ticket.subject, text: ticket.text });
}

function keywordHit(keywords: readonly string[], ticket: RoutingTicket): string | null {
  const words = ` ${foldText(`${ticket.subject ?? ''} ${ticket.text ?? ''}`)
    .replaceAll(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
  for (const k of keywords) {
    const folded = foldText(k).trim();
    if (folded !== '' && words.includes(` ${folded}`)) return k;
  }
  return null;
}

/**
 * Each condition of a rule checked against the ticket, in a fixed order (channel, language, topic,
 * keywords, segment); absent conditions are left out. The rule matches when every check matched.
 */
export function checkConditions(c: RoutingConditions, ticket: RoutingTicket): ConditionCheck[] {
  const checks: ConditionCheck[] = [];
  const inList = (
    list: readonly string[] | undefined,
    value: string | null,
    name: keyof RoutingConditions,
  ) => {
    if (!list || list.length === 0) return;
    checks.push({ condition: name, matched: value !== null && list.includes(value), value });
  };
  inList(c.channels, ticket.channel, 'channels');
  inList(c.languages, known(ticket.language), 'languages');
  if (c.topics && c.topics.length > 0) inList(c.topics, topicOf(ticket), 'topics');
  if (c.keywords && c.keywords.length > 0) {
    const hit = keywordHit(c.keywords, ticket);
    checks.push({ condition: 'keywords', matched: hit !== null, value: hit });
  }
  inList(c.segments, ticket.segment ?? null, 'segments');
  return checks;
}

/**
 * Whether a team may take the ticket: it works the ticket's channel (or any), and its language (or
 * any; a ticket of unknown language qualifies everywhere, so it is never left unrouted for it).
 */
export function teamQualifies(team: RoutingTeam, ticket: RoutingTicket): boolean {
  const language = known(ticket.language);
  const languageOk =
    team.languages.length === 0 ||
    language === null ||
    team.languages.some((l) => l.toLowerCase().split('-')[0] === language);
  const channelOk = team.channels.length === 0 || team.channels.includes(ticket.channel);
  return languageOk && channelOk;
}
