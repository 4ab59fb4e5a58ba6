/** Deterministic canonical NDJSON tickets for tests and benches (seeded LCG; no Math.random). */
export function* generateCanonicalTickets(count: number, seed = 42): Generator<string> {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const channels = ['email', 'chat', 'phone', 'social'];
  const priorities = ['low', 'normal', 'high', 'urgent'];
  const topics = ['billing', 'refund', 'delivery', 'technical', 'account_access'];
  const providers = ['Northwind in-house', 'Baltic Contact', 'Manila CX'];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < count; i++) {
    const created = start + Math.floor(next() * 365 * 86_400_000);
    const frt = Math.floor(next() * 8 * 3600);
    const solved = next() < 0.8;
    const resolution = frt + Math.floor(next() * 72 * 3600);
    const csat = next() < 0.3 ? 1 + Math.floor(next() * 5) : null;
    yield JSON.stringify({
      source: 'gen',
      externalId: `T${i}`,
      subject: `Ticket ${i}`,
      status: solved ? 'solved' : 'open',
      priority: priorities[i % 4],
      channel: channels[Math.floor(next() * 4)],
      topic: topics[Math.floor(next() * 5)],
      provider: providers[i % 3],
      createdAt: new Date(created).toISOString(),
      firstResponseAt: new Date(created + frt * 1000).toISOString(),
      solvedAt: solved ? new Date(created + resolution * 1000).toISOString() : null,
      reopenCount: next() < 0.05 ? 1 : 0,
      handoffCount: next() < 0.2 ? 1 : 0,
      slaBreached: next() < 0.1,
      csatScore: csat,
      csatScale: csat === null ? null : '1-5',
    });
  }
}
