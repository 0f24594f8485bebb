import { useState } from 'react';

import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { StatusMessage } from '../ui/StatusMessage';

/** On the first-run screen: open the demonstration school instead of setting up one's own. */
export function ExploreDemo() {
  const exploreDemo = useLantern((s) => s.exploreDemo);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function explore(): Promise<void> {
    if (pending) return;
    setPending(true);
    setProblem(null);
    const error = await exploreDemo(false);
    setPending(false);
    if (error) setProblem(error.message);
  }

  return (
    <section className="panel setup-alternative" aria-labelledby="explore-demo-title">
      <h2 id="explore-demo-title">Not ready to set up yet?</h2>
      <p>
        Explore Lantern with a demonstration school first: a secondary school with several years of
        invented pupils, concerns and casework. It is kept apart from your school’s data, marked
        DEMO on every screen, and you can leave it at any time.
      </p>
      <StatusMessage
        notice={
          pending
            ? {
                tone: 'info',
                text: 'Preparing the demo school… The first time takes up to a minute.',
              }
            : null
        }
      />
      {problem ? (
        <p className="field__error" role="alert">
          The demo school could not be opened: {problem}
        </p>
      ) : null}
      <Button onClick={() => void explore()} aria-disabled={pending}>
        Explore with demo data
      </Button>
    </section>
  );
}
