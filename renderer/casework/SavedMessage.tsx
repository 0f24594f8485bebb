import type { TriageForm } from '../store/casework-slice';
import { useLantern } from '../store';
import { StatusMessage } from '../ui/StatusMessage';

/**
 * The confirmation of a triage form, beside the form that produced it and announced politely:
 * the concern page is long, and a message at its top would be out of sight.
 */
export function SavedMessage({ forms }: { forms: readonly TriageForm[] }) {
  const saved = useLantern((s) => s.openedTriage.saved);
  return (
    <StatusMessage
      notice={saved && forms.includes(saved.form) ? { tone: 'success', text: saved.text } : null}
    />
  );
}
