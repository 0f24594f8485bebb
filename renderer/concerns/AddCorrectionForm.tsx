import { addendumInput } from '../../shared/concerns/schema';
import { useLantern } from '../store';
import { errorsFromApi, errorsFromIssues } from '../ui/form-errors';
import { CorrectionForm } from './Corrections';

const ids = { reason: 'correction-reason', text: 'correction-text', title: 'add-correction-title' };

/** A correction is added beneath a concern with its reason; the concern itself never changes. */
export function AddCorrectionForm({ concernId }: { concernId: string }) {
  const addAddendum = useLantern((s) => s.addAddendum);
  return (
    <CorrectionForm
      ids={ids}
      hint="For example, the time was wrong, or something was left out."
      send={async (values) => {
        const parsed = addendumInput.safeParse({ concernId, ...values });
        if (!parsed.success)
          return { fields: errorsFromIssues(parsed.error.issues), general: null };
        const result = await addAddendum({ concernId, ...values });
        if (!result || result.ok) return null;
        return errorsFromApi(result.error);
      }}
    />
  );
}
