import type { ReactNode } from 'react';

type Detail = { term: string; description: ReactNode };

export function DetailsList({ details }: { details: readonly Detail[] }) {
  return (
    <dl className="details-list">
      {details.map(({ term, description }) => (
        <div className="details-list__row" key={term}>
          <dt>{term}</dt>
          <dd>{description}</dd>
        </div>
      ))}
    </dl>
  );
}
