import { useEffect } from 'react';

import type { Child } from '../../shared/children/schema';
import { displayName } from '../../shared/children/schema';
import { childPresenceLabels } from '../../shared/encompass/schema';
import { occurredText } from '../concerns/concern-text';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';

const HEADING_ID = 'child-encompass-title';

/** A child's Operation Encompass notifications, newest incident first (casework.manage). */
export function ChildEncompass({ child }: { child: Child }) {
  const list = useLantern((s) => s.childEncompass);
  const load = useLantern((s) => s.loadChildEncompass);
  const navigate = useLantern((s) => s.navigate);

  useEffect(() => {
    void load(child.id);
  }, [child.id, load]);

  const mine = list.childId === child.id;
  const name = displayName(child);
  return (
    <section className="page-section" aria-labelledby={HEADING_ID}>
      <h2 id={HEADING_ID}>Operation Encompass notifications</h2>
      <Button
        onClick={() => {
          navigate({ page: 'record-encompass', child: { id: child.id, name } });
        }}
      >
        Record an Operation Encompass notification
      </Button>
      {!mine || (list.status === 'loading' && list.items.length === 0) ? (
        <Loading text="Loading notifications…" />
      ) : list.status === 'failed' && list.error ? (
        <LoadFailure
          error={list.error}
          onRetry={() => {
            void load(child.id);
          }}
        />
      ) : list.items.length === 0 ? (
        <p className="empty-state">No notifications from the police about {name}.</p>
      ) : (
        <table className="table" aria-labelledby={HEADING_ID}>
          <thead>
            <tr>
              <th scope="col">Incident</th>
              <th scope="col">Police</th>
              <th scope="col">{child.legalForename} was</th>
              <th scope="col">Notified</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((n) => (
              <tr key={n.id}>
                <th scope="row">
                  <Button
                    variant="link"
                    onClick={() => {
                      navigate({ page: 'encompass', id: n.id, child: { id: child.id, name } });
                    }}
                  >
                    {occurredText(n.incidentAt, false)}
                  </Button>
                  {n.addenda > 0 ? (
                    <span className="tag tag--neutral">
                      {n.addenda === 1 ? '1 correction' : `${n.addenda} corrections`}
                    </span>
                  ) : null}
                </th>
                <td>
                  {n.policeForce}, ref {n.policeReference}
                </td>
                <td>{childPresenceLabels[n.presence].toLowerCase()}</td>
                <td>{occurredText(n.notifiedAt, false)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
