import { describe, expect, it } from 'vitest';
import { parseAgents } from './agentsCsv';

describe('AGENTS.csv in the browser', () => {
  it('reads names, providers, days, nights, hours and wishes as the API takes them', () => {
    const text =
      'name,provider,days,nights,max_hours,prefers\nAda,,Mon Tue Wed,no,32,4h\n"Bo, Jr.",Manila CX,,yes,,\n';
    expect(parseAgents(text)).toEqual([
      { name: 'Ada', days: ['mon', 'tue', 'wed'], nights: false, maxHours: 32, prefers: ['4h'] },
      { name: 'Bo, Jr.', provider: 'Manila CX' },
    ]);
  });

  it('names what is wrong: no name column, a bad day, a name listed twice', () => {
    expect(parseAgents('who,days\nAda,Mon\n')).toEqual({ problem: 'header' });
    expect(parseAgents('name,days\nAda,Funday\n')).toEqual({ problem: 'row', row: 2 });
    expect(parseAgents('name\nAda\nAda\n')).toEqual({ problem: 'row', row: 3 });
  });
});
