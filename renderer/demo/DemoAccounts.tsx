import { useState } from 'react';

import { roleLabels } from '../../shared/auth/roles';
import type { DemoInfo } from '../../shared/api';
import { useLantern } from '../store';
import { Button } from '../ui/Button';

/**
 * On the demo school's sign-in screen: every demo account, to try Lantern as each role. The
 * passphrase is published on purpose; the school is synthetic.
 */
export function DemoAccounts({ demo }: { demo: DemoInfo }) {
  const signIn = useLantern((s) => s.signIn);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <section className="panel" aria-labelledby="demo-accounts-title">
      <h2 id="demo-accounts-title">Demo accounts</h2>
      <p>
        Sign in as any of these people to see Lantern as their role does. Each uses the passphrase{' '}
        <q className="demo-passphrase">{demo.passphrase}</q>.
      </p>
      <ul className="demo-accounts">
        {demo.accounts.map((a) => (
          <li key={a.username}>
            <Button
              onClick={() => {
                void signIn(a.username, demo.passphrase).then((error) => {
                  setProblem(error?.message ?? null);
                });
              }}
            >
              Sign in as {a.displayName}
            </Button>{' '}
            <span className="demo-accounts__role">
              {roleLabels[a.role]} · username {a.username}
            </span>
          </li>
        ))}
      </ul>
      {problem ? <p role="alert">{problem}</p> : null}
    </section>
  );
}
