import { useState } from 'react';

import { RecoveryScreen } from './RecoveryScreen';
import { SignInScreen } from './SignInScreen';

/** Before anyone is signed in: the sign-in screen, or the recovery key screen reached from it. */
export function LockedScreens() {
  const [view, setView] = useState<'sign-in' | 'recover'>('sign-in');
  return view === 'sign-in' ? (
    <SignInScreen
      onForgotten={() => {
        setView('recover');
      }}
    />
  ) : (
    <RecoveryScreen
      onBack={() => {
        setView('sign-in');
      }}
    />
  );
}
