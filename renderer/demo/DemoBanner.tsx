import { useState } from 'react';

import { useLantern } from '../store';
import { Button } from '../ui/Button';

/**
 * Shown on every screen while the demonstration school is open, signed in or not: the word
 * DEMO, what that means, and the way back to the school's own store.
 */
export function DemoBanner() {
  const demo = useLantern((s) => s.session?.demo ?? null);
  const leaveDemo = useLantern((s) => s.leaveDemo);
  const [problem, setProblem] = useState<string | null>(null);
  if (!demo) return null;
  return (
    <section className="demo-banner" aria-labelledby="demo-banner-title">
      <p className="demo-banner__text">
        <strong id="demo-banner-title" className="demo-banner__badge">
          DEMO
        </strong>{' '}
        This is a synthetic demonstration school. Every child, adult and concern in it is invented,
        and nothing you do here touches your school’s records.
      </p>
      <Button
        onClick={() => {
          void leaveDemo().then((error) => {
            setProblem(error?.message ?? null);
          });
        }}
      >
        Leave the demo
      </Button>
      {problem ? (
        <p className="demo-banner__problem" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
