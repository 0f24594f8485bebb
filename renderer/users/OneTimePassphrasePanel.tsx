import { useEffect, useRef } from 'react';

import type { IssuedPassphrase } from '../../shared/api';
import { Button } from '../ui/Button';

type OneTimePassphrasePanelProps = {
  issued: IssuedPassphrase;
  onDone: () => void;
};

/** The one-time passphrase just issued, with what to do with it. It is never shown again. */
export function OneTimePassphrasePanel({ issued, onDone }: OneTimePassphrasePanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const name = issued.user.displayName;
  useEffect(() => {
    heading.current?.focus();
  }, [issued]);

  return (
    <section className="panel panel--important" aria-labelledby="one-time-passphrase-title">
      <h2 id="one-time-passphrase-title" tabIndex={-1} ref={heading}>
        One-time passphrase for {name}
      </h2>
      <p className="secret">
        <span className="visually-hidden">One-time passphrase: </span>
        <span className="secret__text">{issued.oneTimePassphrase}</span>
      </p>
      <ul className="list">
        <li>
          Give it to {name} in person, not by email or message. Their username is{' '}
          <strong>{issued.user.username}</strong>.
        </li>
        <li>When they first sign in with it, Lantern asks them to choose their own passphrase.</li>
        <li>Lantern will not show this passphrase again. Write it down before you press Done.</li>
      </ul>
      <Button variant="primary" onClick={onDone}>
        Done
      </Button>
    </section>
  );
}
