import { useState } from 'react';

import { roleLabels } from '../../shared/auth/roles';
import { ChangePassphraseForm } from '../auth/ChangePassphraseForm';
import { useCan } from '../app/use-can';
import { MyActions } from '../casework/MyActions';
import type { Notice } from '../store';
import { useLantern } from '../store';
import { DetailsList } from '../ui/DetailsList';
import { PageHeading } from '../ui/PageHeading';
import { StatusMessage } from '../ui/StatusMessage';

export function MyAccountPage() {
  const user = useLantern((s) => s.session?.user ?? null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const hasActions = useCan('concerns.create');
  return (
    <>
      <PageHeading>My account</PageHeading>
      {user ? (
        <DetailsList
          details={[
            { term: 'Name', description: user.displayName },
            { term: 'Username', description: user.username },
            { term: 'Role', description: roleLabels[user.role] },
          ]}
        />
      ) : null}
      {hasActions ? <MyActions /> : null}
      <section aria-labelledby="change-passphrase-title">
        <h2 id="change-passphrase-title">Change your passphrase</h2>
        <p>Choose a passphrase only you know. You will use it the next time you sign in.</p>
        <StatusMessage notice={notice} />
        <ChangePassphraseForm
          labelledBy="change-passphrase-title"
          onAttempt={() => {
            setNotice(null);
          }}
          onChanged={() => {
            setNotice({ tone: 'success', text: 'Your passphrase has been changed.' });
          }}
        />
      </section>
    </>
  );
}
