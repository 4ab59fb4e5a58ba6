import { describe, expect, it } from 'vitest';
import {
  assessReadiness,
  coefficientOfVariation,
  gradeSegments,
  type ReadinessEvidence,
} from './readiness.js';

describe('readiness assessment', () => {
  it('coefficient of variation: [10, 12, 14] → s = 2, mean 12 → 0.1667 (by hand)', () => {
    expect(coefficientOfVariation([10, 12, 14])).toBeCloseTo(1 / 6, 10);
  });

  it('without data every data question says no-data and the four judgement questions need the user', () => {
    const answers = assessReadiness({});
    expect(answers.filter((a) => a.status === 'needs-user').map((a) => a.question)).toEqual([
      'competitive-differentiation',
      'data-sensitivity',
      'process-documentation',
      'cost-today',
    ]);
    expect(answers.filter((a) => a.status === 'no-data')).toHaveLength(5);
  });

  const hours = Array.from({ length: 168 }, (_, h) =>
    Math.floor(h / 24) < 5 && h % 24 >= 8 && h % 24 < 18 ? 10 : 2,
  );
  const evidence: ReadinessEvidence = {
    weeklyKpis: [100, 104, 98, 102].map((volume, i) => ({
      week: `2026-W0${i + 1}`,
      volume,
      medianHandleSec: 300,
      reopenRate: 0.1,
    })),
    volumeByLanguage: [
      { language: 'en', volume: 900 },
      { language: 'tr', volume: 100 },
    ],
    teamLanguages: ['en'],
    volumeByHourOfWeek: hours,
    volumeByMonth: [
      { month: '2026-01', volume: 100 },
      { month: '2026-02', volume: 100 },
      { month: '2026-03', volume: 200 },
    ],
    topics: [
      { topic: 'billing', volume: 800, medianHandleSec: 200, reopenRate: 0.05 },
      { topic: 'outage', volume: 200, medianHandleSec: 900, reopenRate: 0.3 },
    ],
  };

  it('measures each data question with its figures (computed by hand)', () => {
    const byQ = new Map(assessReadiness(evidence).map((a) => [a.question, a]));
    expect(byQ.get('process-stability')?.reason).toBe('stable-kpis'); // volume CV = 2.582/101 = 0.0256
    expect(byQ.get('process-stability')?.evidence.volumeCv).toBeCloseTo(0.026, 3);
    expect(byQ.get('language-gaps')?.evidence.uncoveredShare).toBe(0.1);
    expect(byQ.get('language-gaps')?.evidence.uncoveredLanguages).toEqual(['tr']);
    // 50 business hours × 10 = 500; 118 other hours × 2 = 236; 236/736 = 0.321
    expect(byQ.get('after-hours-demand')?.evidence.afterHoursShare).toBe(0.321);
    expect(byQ.get('after-hours-demand')?.leaning).toBe('follow-the-sun');
    expect(byQ.get('seasonality')?.evidence.peakToMean).toBe(1.5); // 200 ÷ 133.3
    // Mean handle 0.8·200 + 0.2·900 = 340; outage 900 > 510 → complex share 0.2
    expect(byQ.get('complexity')?.evidence.complexShare).toBe(0.2);
    expect(byQ.get('complexity')?.evidence.complexTopics).toEqual(['outage']);
  });

  it('grades segments with reasons', () => {
    const segments = gradeSegments(evidence, assessReadiness(evidence));
    const find = (language: string, hours: string, tier: string) =>
      segments.find((s) => s.language === language && s.hours === hours && s.tier === tier);
    expect(find('tr', 'business', 'simple')?.grade).toBe('outsource');
    expect(find('en', 'business', 'complex')?.grade).toBe('keep-in-house');
    expect(find('en', 'after-hours', 'simple')?.grade).toBe('follow-the-sun');
    expect(find('en', 'business', 'simple')?.grade).toBe('hybrid'); // seasonal peaks
    expect(segments.every((s) => s.channel === 'all')).toBe(true);
  });

  it('grades per channel, and a channel no in-house team works is a gap', () => {
    const segments = gradeSegments(
      {
        ...evidence,
        volumeByChannel: [
          { channel: 'email', volume: 100 },
          { channel: 'voice', volume: 50 },
        ],
        teamChannels: ['email', 'chat'],
      },
      assessReadiness(evidence),
    );
    const find = (channel: string, language: string, tier: string) =>
      segments.find(
        (s) => s.channel === channel && s.language === language && s.hours === 'business' && s.tier === tier,
      );
    expect(find('email', 'en', 'complex')?.grade).toBe('keep-in-house');
    expect(find('voice', 'en', 'complex')).toMatchObject({ grade: 'hybrid', reasons: ['channel-gap'] });
    expect(find('voice', 'en', 'simple')).toMatchObject({ grade: 'outsource', reasons: ['channel-gap'] });
    expect(new Set(segments.map((s) => s.channel))).toEqual(new Set(['email', 'voice']));
  });
});
