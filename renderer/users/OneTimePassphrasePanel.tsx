import { useEffect, useRef } from 'react';

import type { IssuedPassphrase } from '../../shared/api';
import { Button } from '../ui/Button';

/**
 * What to do with one-time passphrases just issued: the same advice wherever Lantern issues
 * them, for one person (named here) or for several (listed beside it).
 */
export function HandOverAdvice({ issued }: { issued: readonly IssuedPassphrase[] }) {
  const only = issued.length === 1 ? issued[0] : undefined;
  return (
    <ul className="list">
      {only ? (
        <li>
          Give it to {only.user.displayName} in person, not by email or message. Their username is{' '}
          <strong>{only.user.username}</strong>.
        </li>
      ) : (
        <li>
          Give each person their own one-time passphrase in person, not by email or message, with
          their username.
        </li>
      )}
      <li>When they first sign in with it, Lantern asks them to choose their own passphrase.</li>
      <li>
        {only
          ? 'Lantern will not show this passphrase again. Write it down before you press Done.'
          : 'Lantern will not show these passphrases again. Write them down before you press Done.'}
      </li>
    </ul>
  );
}

type OneTimePassphrasePanelProps = {
  issued: IssuedPassphrase;
  onDone: () => void;
};

/** The one-time passphrase just issued, with what to do with it. It is never shown again. */
export function OneTimePassphrasePanel({ issued, onDone }: OneTimePassphrasePanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [issued]);

  return (
    <section className="panel panel--important" aria-labelledby="one-time-passphrase-title">
      <h2 id="one-time-passphrase-title" tabIndex={-1} ref={heading}>
        One-time passphrase for {issued.user.displayName}
      </h2>
      <p className="secret">
        <span className="visually-hidden">One-time passphrase: </span>
        <span className="secret__text">{issued.oneTimePassphrase}</span>
      </p>
      <HandOverAdvice issued={[issued]} />
      <Button variant="primary" onClick={onDone}>
        Done
      </Button>
    </section>
  );
}
