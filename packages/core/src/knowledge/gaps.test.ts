import { describe, expect, it } from 'vitest';
import type { HelpSession } from './deflection.js';
import { articleTopic, knowledgeGaps } from './gaps.js';

const H = 3_600_000;
const read = (id: string, language: string, articleId: string, contactedAt: number | null): HelpSession => ({
  id,
  language,
  searches: [],
  reads: [{ at: 0, articleId }],
  contactedAt,
});

describe('knowledge gaps', () => {
  const articles = [
    {
      articleId: 'a-refund',
      language: 'en',
      title: 'Ask for a refund',
      body: 'Within 14 days.',
      helpfulYes: 1,
      helpfulNo: 5,
    },
    {
      articleId: 'a-deliv',
      language: 'en',
      title: 'Where is my parcel?',
      body: 'Track it.',
      helpfulYes: 4,
      helpfulNo: 0,
    },
    {
      articleId: 'a-iade',
      language: 'tr',
      title: 'İade nasıl yapılır',
      body: '14 gün içinde.',
      helpfulYes: 0,
      helpfulNo: 0,
    },
  ];

  it('infers an article topic from its title, else its body', () => {
    expect(articleTopic(articles[0]!)).toBe('refund');
    expect(articleTopic(articles[2]!)).toBe('refund');
    expect(articleTopic({ title: 'Welcome', body: 'Nothing here' })).toBeNull();
  });

  it('names each topic gap per language, worked by hand', () => {
    // en delivery: 6 sessions read the parcel article, 2 contacted within the hour → 4/6 deflected.
    // tr refund: 5 sessions read the İade article, 4 contacted → 1/5 = 0.2 < 0.5 → low deflection.
    const sessions = [
      ...[0, 1, 2, 3].map((i) => read(`d${i}`, 'en', 'a-deliv', null)),
      ...[4, 5].map((i) => read(`d${i}`, 'en', 'a-deliv', H / 2)),
      read('t0', 'tr', 'a-iade', null),
      ...[1, 2, 3, 4].map((i) => read(`t${i}`, 'tr', 'a-iade', H / 4)),
      // Read in Hungarian: no topic in that language, counts nowhere.
      read('h0', 'hu', 'a-refund', null),
    ];
    const rows = knowledgeGaps(
      [
        { topic: 'refund', language: 'en', tickets: 40 },
        { topic: 'delivery', language: 'en', tickets: 30 },
        { topic: 'billing', language: 'en', tickets: 30 },
        { topic: 'refund', language: 'tr', tickets: 10 },
        { topic: 'billing', language: 'tr', tickets: 0 },
      ],
      articles,
      sessions,
      3600,
      3 * H,
    );
    expect(rows.map((r) => [r.topic, r.language, r.tickets, r.reason])).toEqual([
      ['refund', 'en', 40, 'unhelpful'],
      ['billing', 'en', 30, 'no_article'],
      ['delivery', 'en', 30, null],
      ['refund', 'tr', 10, 'low_deflection'],
    ]);
    expect(rows[0]).toMatchObject({
      share: 0.4,
      articles: ['a-refund'],
      helpfulYes: 1,
      helpfulNo: 5,
      selfServiceRate: null,
    });
    expect(rows[2]).toMatchObject({ deflected: 4, failed: 2, selfServiceRate: 4 / 6 });
    expect(rows[3]).toMatchObject({ share: 1, deflected: 1, failed: 4, selfServiceRate: 0.2 });
  });
});
