import { LockButton } from '../app/LockButton';
import { PlainLayout } from '../app/PlainLayout';
import { PageHeading } from '../ui/PageHeading';
import { ChangePassphraseForm } from './ChangePassphraseForm';

/**
 * The gate after signing in with a one-time passphrase (or the recovery key): nothing else
 * opens until the person has chosen a passphrase only they know. Changing it updates the
 * session, which swaps this screen for the app.
 */
export function ChangePassphraseScreen() {
  return (
    <PlainLayout actions={<LockButton />}>
      <PageHeading>Choose a new passphrase</PageHeading>
      <p>
        You signed in with a one-time passphrase or with the recovery key. Before you go on, choose
        a passphrase of your own that only you know.
      </p>
      <ChangePassphraseForm
        currentHint="The passphrase you signed in with just now."
        onChanged={() => undefined}
      />
    </PlainLayout>
  );
}
