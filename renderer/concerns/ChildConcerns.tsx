import { useEffect } from 'react';

import type { Child } from '../../shared/children/schema';
import { displayName } from '../../shared/children/schema';
import { childRoleLabels } from '../../shared/concerns/schema';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { categoriesText, occurredText } from './concern-text';

const HEADING_ID = 'child-concerns-title';

/**
 * A child's concerns, newest first. Each row gives this child's role in what happened (a
 * victim's file says "victim", never another child's role).
 */
export function ChildConcerns({ child }: { child: Child }) {
  const concerns = useLantern((s) => s.childConcerns);
  const load = useLantern((s) => s.loadChildConcerns);
  const navigate = useLantern((s) => s.navigate);

  useEffect(() => {
    void load(child.id);
  }, [child.id, load]);

  const mine = concerns.childId === child.id;
  const name = displayName(child);
  return (
    <section className="page-section" aria-labelledby={HEADING_ID}>
      <h2 id={HEADING_ID}>Concerns</h2>
      {!mine || (concerns.status === 'loading' && concerns.items.length === 0) ? (
        <Loading text="Loading concerns…" />
      ) : concerns.status === 'failed' && concerns.error ? (
        <LoadFailure
          error={concerns.error}
          onRetry={() => {
            void load(child.id);
          }}
        />
      ) : concerns.items.length === 0 ? (
        <p className="empty-state">No concerns have been recorded about {name}.</p>
      ) : (
        <table className="table" aria-labelledby={HEADING_ID}>
          <thead>
            <tr>
              <th scope="col">When it happened</th>
              <th scope="col">Categories</th>
              <th scope="col">Role of {child.legalForename}</th>
              <th scope="col">Recorded by</th>
            </tr>
          </thead>
          <tbody>
            {concerns.items.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Button
                    variant="link"
                    onClick={() => {
                      navigate({ page: 'concern', id: c.id, child: { id: child.id, name } });
                    }}
                  >
                    {occurredText(c.occurredAt, c.occurredAtApprox)}
                  </Button>
                  {c.addenda > 0 ? (
                    <span className="tag tag--neutral">
                      {c.addenda === 1 ? '1 correction' : `${c.addenda} corrections`}
                    </span>
                  ) : null}
                </th>
                <td>{categoriesText(c.categories)}</td>
                <td>{childRoleLabels[c.role]}</td>
                <td>{c.recordedByName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
