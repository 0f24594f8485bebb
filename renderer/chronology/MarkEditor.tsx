import { useEffect, useRef, useState } from 'react';

import type { FamilyChronologyEntry } from '../../shared/chronology/schema';
import { occurredText } from '../concerns/concern-text';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { TextField } from '../ui/TextField';

/**
 * Flag an entry as a significant event and give it a headline, in the row itself. Escape or
 * Cancel closes it; focus goes back to the button that opened it.
 */
export function MarkEditor({ entry }: { entry: FamilyChronologyEntry }) {
  const mark = useLantern((s) => s.markChronologyEntry);
  const [open, setOpen] = useState(false);
  const [headline, setHeadline] = useState(entry.headline);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (wasOpen.current && !open) toggleRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  async function save(significant: boolean) {
    setBusy(true);
    const result = await mark({ entryId: entry.id, significant, headline });
    setBusy(false);
    if (!result) return;
    if (result.ok) {
      setError(undefined);
      setOpen(false);
    } else {
      setError(result.error.fields?.headline ?? result.error.message);
    }
  }

  if (!open)
    return (
      <Button
        ref={toggleRef}
        className="chronology-mark__toggle"
        aria-label={`${entry.significant ? 'Edit headline:' : 'Flag as significant:'} ${entry.title}, ${occurredText(entry.occurredAt, entry.approx)}`}
        onClick={() => {
          setHeadline(entry.headline);
          setOpen(true);
        }}
      >
        {entry.significant ? 'Edit headline' : 'Flag as significant'}
      </Button>
    );

  const id = `headline-${entry.id}`;
  return (
    <form
      className="chronology-mark"
      aria-label={`Significant event: ${entry.title}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          setOpen(false);
        }
      }}
      onSubmit={(event) => {
        event.preventDefault();
        void save(true);
      }}
    >
      <TextField
        id={id}
        label="Headline"
        hint="Brief, plain and factual: it may be read by the family or a court."
        value={headline}
        error={error}
        errorRole="alert"
        autoFocus
        onChange={setHeadline}
      />
      <div className="button-row button-row--tight">
        <Button type="submit" variant="primary" disabled={busy}>
          Save headline
        </Button>
        {entry.significant ? (
          <Button
            disabled={busy}
            onClick={() => {
              void save(false);
            }}
          >
            Remove the flag
          </Button>
        ) : null}
        <Button
          onClick={() => {
            setOpen(false);
          }}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
}
