import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildWidget } from './build';
import { STRINGS } from './strings';
import { Transcript, type WireMessage } from './transcript';

describe('chat widget', () => {
  it('is one small script: at most 30 kB gzipped, no module syntax left for the host page', async () => {
    const { code, bytes, gzipBytes } = await buildWidget();
    console.log(`widget.js: ${bytes} bytes minified, ${gzipBytes} bytes gzipped`);
    expect(gzipBytes).toBeLessThanOrEqual(30 * 1024);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).toContain('Shoreline');
  }, 60_000);

  it('has every string in all five languages', () => {
    const keys = Object.keys(STRINGS.en).sort();
    for (const [lang, strings] of Object.entries(STRINGS)) {
      expect(Object.keys(strings).sort(), lang).toEqual(keys);
      for (const v of Object.values(strings)) expect(v.trim().length, lang).toBeGreaterThan(0);
    }
  });

  it('shows each message once, in sequence order, however often and in whatever order it arrives', () => {
    const message = (seq: number): WireMessage => ({
      seq,
      author: seq % 2 ? 'customer' : 'agent',
      text: `m${seq}`,
      at: '2026-12-03T09:00:00.000Z',
      id: null,
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.integer({ min: 0, max: 1000 })),
        (n, noise) => {
          // Every message delivered at least once, some again, in a shuffled order.
          const deliveries = Array.from({ length: n }, (_, i) => i + 1);
          for (const x of noise) deliveries.push((x % n) + 1);
          const shuffled = deliveries
            .map((seq, i) => ({ seq, key: (noise[i % Math.max(1, noise.length)] ?? i) * 7919 + i }))
            .sort((a, b) => a.key - b.key);
          const t = new Transcript('w');
          for (const d of shuffled) t.receive(message(d.seq));
          expect(t.messages().map((m) => m.seq)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
          expect(t.resumeAfter).toBe(n);
        },
      ),
    );
  });

  it('resumes after the last message held with none missing, and keeps unacknowledged messages to resend', () => {
    const t = new Transcript('w');
    const a = t.queue('first');
    const b = t.queue('second');
    t.receive({ seq: 1, author: 'customer', text: 'first', at: '', id: a });
    t.receive({ seq: 3, author: 'agent', text: 'x', at: '', id: null });
    expect(t.resumeAfter).toBe(1);
    expect(t.pending()).toEqual([{ id: b, text: 'second' }]);
    t.ack(b);
    expect(t.pending()).toEqual([]);
  });
});
