import { useEffect } from 'react';

import { SchoolSetUpScreen } from '../school/SchoolSetUpScreen';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { PageHeading } from '../ui/PageHeading';
import { SetUpScreen } from '../vault/SetUpScreen';
import { UnlockScreen } from '../vault/UnlockScreen';
import { PlainLayout } from './PlainLayout';
import { Shell } from './Shell';
import { useLockShortcut } from './use-lock-shortcut';

/** Chooses the screen from the session: set up, unlock, school set-up, or the app itself. */
export function App() {
  const session = useLantern((s) => s.session);
  const sessionError = useLantern((s) => s.sessionError);
  const loadSession = useLantern((s) => s.loadSession);

  useEffect(() => {
    void loadSession();
  }, [loadSession]);
  useLockShortcut(session?.unlocked === true);

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
  if (!session.storeExists) return <SetUpScreen />;
  if (!session.unlocked) return <UnlockScreen />;
  if (!session.schoolConfigured) return <SchoolSetUpScreen />;
  return <Shell />;
}
