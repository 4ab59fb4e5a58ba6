import type { ReactNode } from 'react';

/** One labelled figure: its label, its value, and a test id on the value when a journey reads it. */
export interface Fact {
  label: ReactNode;
  value: ReactNode;
  testId?: string;
}

/**
 * A row of labelled figures (a statement's totals, an exit's dates, the job counts): the
 * `<dl className="job-counts">` of `<div><dt/><dd/></div>` pages restated, as a list of facts.
 */
export function Facts({ items, testId }: { items: readonly Fact[]; testId?: string }) {
  return (
    <dl className="job-counts" data-testid={testId}>
      {items.map((fact, i) => (
        // Facts are a fixed list in a fixed order: the position is the identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div key={i}>
          <dt>{fact.label}</dt>
          <dd data-testid={fact.testId}>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}
