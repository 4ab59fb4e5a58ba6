// A table of options side by side (sourcing options, vendors): one column per option, one row per
// figure or criterion, each row headed by its name.
import type { ReactNode } from 'react';

/** The head row: the corner's label over the row names, then each option's name (keyed by name unless told). */
export function SideBySideHead<T extends { name: string }>(props: {
  corner: ReactNode;
  options: readonly T[];
  keyOf?(option: T): string;
}) {
  const keyOf = props.keyOf ?? ((o: T) => o.name);
  return (
    <thead>
      <tr>
        <th scope="col">{props.corner}</th>
        {props.options.map((o) => (
          <th scope="col" key={keyOf(o)}>
            {o.name}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** A figure compared: its name, the test id of its cells and its value for an option. */
export interface Figure<T> {
  label: ReactNode;
  testId: string;
  value(option: T, index: number): ReactNode;
}

/** One figure: its name, then its value for each option; the cells' test ids are `${testId}-${index}`. */
export function FigureRow<T extends { name: string }>(props: Figure<T> & { options: readonly T[] }) {
  return (
    <tr>
      <th scope="row">{props.label}</th>
      {props.options.map((o, i) => (
        <td key={o.name} data-testid={`${props.testId}-${i}`}>
          {props.value(o, i)}
        </td>
      ))}
    </tr>
  );
}
