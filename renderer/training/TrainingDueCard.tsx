import { useEffect, useState } from 'react';

import type { ApiError } from '../../shared/result';
import type { TrainingDue } from '../../shared/training/schema';
import { call } from '../api';
import { DashboardPanel } from '../dashboard/DashboardPanel';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';

/** The dashboard's training card: how many trainings are overdue, not recorded or due soon. */
export function TrainingDueCard() {
  const navigate = useLantern((s) => s.navigate);
  const [due, setDue] = useState<TrainingDue | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loads, setLoads] = useState(0);
  useEffect(() => {
    let current = true;
    void call('training.due', {}).then((result) => {
      if (!current) return;
      if (result.ok) setDue(result.value);
      else setError(result.error);
    });
    return () => {
      current = false;
    };
  }, [loads]);
  if (!due)
    return (
      <section className="dashboard__panel" aria-labelledby="dashboard-training">
        <h2 id="dashboard-training">Training due</h2>
        {error ? (
          <LoadFailure
            error={error}
            onRetry={() => {
              setLoads((n) => n + 1);
            }}
          />
        ) : (
          <Loading text="Loading training…" />
        )}
      </section>
    );
  const people = new Set(due.items.filter((i) => i.status !== 'due_soon').map((i) => i.personId));
  return (
    <DashboardPanel
      id="dashboard-training"
      title="Training due"
      total={due.overdue + due.missing + due.dueSoon}
      empty="Everyone’s safeguarding training is in date."
    >
      <p>
        <strong>{due.overdue} overdue</strong>, {due.missing} not recorded ({people.size}{' '}
        {people.size === 1 ? 'person' : 'people'}), {due.dueSoon} due within 30 days.
      </p>
      <Button
        onClick={() => {
          navigate({ page: 'training' });
        }}
      >
        Open training records
      </Button>
    </DashboardPanel>
  );
}
