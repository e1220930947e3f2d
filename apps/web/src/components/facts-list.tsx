import type { ReactNode } from 'react';
import './facts-list.css';

export interface Fact {
  label: ReactNode;
  value: ReactNode;
}

/** Facts about one thing as a description list (`dl`), in a grid that reflows to one column. */
export function FactsList({ facts }: { facts: ReadonlyArray<Fact | null | false | undefined> }) {
  return (
    <dl className="facts-grid">
      {facts.map((fact, i) =>
        fact ? (
          <div key={i}>
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ) : null,
      )}
    </dl>
  );
}
