import { useRef, useState } from 'react';

import { PlainLayout } from '../app/PlainLayout';
import { DemoAccounts } from '../demo/DemoAccounts';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { PageHeading } from '../ui/PageHeading';
import { StatusMessage } from '../ui/StatusMessage';
import { PassphraseField, UsernameField } from '../ui/CredentialFields';

type Problems = { username?: string; passphrase?: string };

export function SignInScreen({ onForgotten }: { onForgotten: () => void }) {
  const signIn = useLantern((s) => s.signIn);
  const lockNotice = useLantern((s) => s.lockNotice);
  const demo = useLantern((s) => s.session?.demo ?? null);
  const [username, setUsername] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [pending, setPending] = useState(false);
  const usernameInput = useRef<HTMLInputElement>(null);
  const passphraseInput = useRef<HTMLInputElement>(null);

  function show(found: Problems): void {
    setProblems(found);
    if (found.username && !found.passphrase) {
      usernameInput.current?.focus();
      return;
    }
    // Keep the person in the field, with their attempt selected so retyping replaces it.
    passphraseInput.current?.focus();
    passphraseInput.current?.select();
  }

  async function submit(): Promise<void> {
    if (pending) return;
    const found: Problems = {};
    if (username.trim() === '') found.username = 'Enter your username.';
    if (passphrase === '') found.passphrase = 'Enter your passphrase.';
    if (found.username ?? found.passphrase) {
      show(found);
      return;
    }
    setPending(true);
    const error = await signIn(username.trim(), passphrase);
    setPending(false);
    if (!error) return;
    // Wrong passphrase, locked out or anything else: main's message says what to do next.
    const fields = error.code === 'invalid_input' ? (error.fields ?? {}) : {};
    const fromMain: Problems = { username: fields.username, passphrase: fields.passphrase };
    if (!fromMain.username && !fromMain.passphrase) fromMain.passphrase = error.message;
    show(fromMain);
  }

  return (
    <PlainLayout>
      <PageHeading takeFocus={false}>Sign in to Lantern</PageHeading>
      <StatusMessage notice={pending ? { tone: 'info', text: 'Signing in…' } : lockNotice} />
      {demo ? (
        <DemoAccounts demo={demo} />
      ) : (
        <p>Sign in with your own username and passphrase to open your school’s records.</p>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <UsernameField
          id="sign-in-username"
          label="Username"
          // The first thing to do on this screen, so the field is ready to type into.
          autoFocus
          ref={usernameInput}
          value={username}
          onChange={setUsername}
          error={problems.username}
        />
        <PassphraseField
          purpose="current"
          id="sign-in-passphrase"
          label="Passphrase"
          ref={passphraseInput}
          value={passphrase}
          onChange={setPassphrase}
          error={problems.passphrase}
          errorRole="alert"
        />
        <div className="button-row button-row--tight">
          <Button type="submit" variant="primary">
            Sign in
          </Button>
          <Button variant="link" onClick={onForgotten}>
            Forgotten your passphrase?
          </Button>
        </div>
      </form>
    </PlainLayout>
  );
}
