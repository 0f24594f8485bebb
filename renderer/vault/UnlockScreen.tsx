import { useRef, useState } from 'react';

import { PlainLayout } from '../app/PlainLayout';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { PageHeading } from '../ui/PageHeading';
import { StatusMessage } from '../ui/StatusMessage';
import { TextField } from '../ui/TextField';

export function UnlockScreen() {
  const unlock = useLantern((s) => s.unlock);
  const lockNotice = useLantern((s) => s.lockNotice);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  function showError(message: string): void {
    setError(message);
    // Keep the person in the field, with their attempt selected so retyping replaces it.
    input.current?.focus();
    input.current?.select();
  }

  async function submit(): Promise<void> {
    if (pending) return;
    if (passphrase === '') {
      showError('Enter the passphrase.');
      return;
    }
    setPending(true);
    const problem = await unlock(passphrase);
    setPending(false);
    if (problem) showError(problem.fields?.passphrase ?? problem.message);
  }

  return (
    <PlainLayout>
      <PageHeading takeFocus={false}>Unlock Lantern</PageHeading>
      <StatusMessage notice={pending ? { tone: 'info', text: 'Unlocking…' } : lockNotice} />
      <p>Enter your school’s passphrase to open its records.</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextField
          id="passphrase"
          label="Passphrase"
          type="password"
          autoComplete="current-password"
          spellCheck={false}
          maxLength={1024}
          // The one thing to do on this screen, so the field is ready to type into.
          autoFocus
          ref={input}
          value={passphrase}
          onChange={setPassphrase}
          error={error}
          errorRole="alert"
        />
        <Button type="submit" variant="primary">
          Unlock
        </Button>
      </form>
    </PlainLayout>
  );
}
