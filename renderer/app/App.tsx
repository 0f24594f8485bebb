import { useEffect } from 'react';

import { ChangePassphraseScreen } from '../auth/ChangePassphraseScreen';
import { LockedScreens } from '../auth/LockedScreens';
import { SchoolSetUpScreen } from '../school/SchoolSetUpScreen';
import { SetUpWizard } from '../setup/SetUpWizard';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { PageHeading } from '../ui/PageHeading';
import { PlainLayout } from './PlainLayout';
import { Shell } from './Shell';
import { useIdleLock } from './use-idle-lock';
import { useLockShortcut } from './use-lock-shortcut';

/**
 * Chooses the screen from the session: set-up, sign-in, the must-change-passphrase gate, school
 * set-up, or the app itself.
 */
export function App() {
  const session = useLantern((s) => s.session);
  const sessionError = useLantern((s) => s.sessionError);
  const loadSession = useLantern((s) => s.loadSession);
  const recoveryKey = useLantern((s) => s.recoveryKey);
  const unlocked = session?.unlocked === true;

  useEffect(() => {
    void loadSession();
  }, [loadSession]);
  useLockShortcut(unlocked);
  useIdleLock(unlocked ? session.autoLockMinutes : null);

  if (sessionError) {
    return (
      <PlainLayout>
        <PageHeading>Lantern could not open</PageHeading>
        <LoadFailure
          error={sessionError}
          onRetry={() => {
            void loadSession();
          }}
        />
      </PlainLayout>
    );
  }
  if (!session) {
    return (
      <PlainLayout>
        <Loading text="Opening Lantern…" />
      </PlainLayout>
    );
  }
  // The wizard stays up after the store exists, until the DSL confirms the recovery key. After
  // a reload the key is gone from memory: Lantern carries on rather than block on it.
  if (!session.storeExists || recoveryKey !== null) return <SetUpWizard />;
  if (!session.unlocked) return <LockedScreens />;
  if (session.mustChangePassphrase) return <ChangePassphraseScreen />;
  if (!session.schoolConfigured) return <SchoolSetUpScreen />;
  return <Shell />;
}
