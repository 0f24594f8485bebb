import { useEffect } from 'react';

import type { Child } from '../../shared/children/schema';
import { displayName } from '../../shared/children/schema';
import type { Designation } from '../../shared/children/designations';
import {
  cpCategories,
  cpCategoryLabels,
  designationDateProblems,
  designationInput,
  designationKinds,
  designationLabels,
  designationName,
} from '../../shared/children/designations';
import { londonDate } from '../../shared/dates/calendar-date';
import { useCan } from '../app/use-can';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { DateField } from '../ui/DateField';
import { ErrorSummary } from '../ui/ErrorSummary';
import { errorsFromApi, errorsFromIssues } from '../ui/form-errors';
import { SelectField } from '../ui/SelectField';
import { TextAreaField } from '../ui/TextAreaField';
import { useForm } from '../ui/use-form';
import { EndControl, periodText } from './EndDateForm';

const HEADING_ID = 'child-designations-title';

const kindOptions = designationKinds.map((k) => ({ value: k, label: designationLabels[k] }));
const categoryOptions = cpCategories.map((c) => ({ value: c, label: cpCategoryLabels[c] }));

function CurrentDesignation({
  designation,
  canWrite,
}: {
  designation: Designation;
  canWrite: boolean;
}) {
  const endDesignation = useLantern((s) => s.endDesignation);
  const name = designationName(designation);
  return (
    <li className="designation">
      <span className="tag">{name}</span> {periodText(designation)}
      {designation.notes ? <p className="designation__notes">{designation.notes}</p> : null}
      <EndControl
        canWrite={canWrite}
        buttonLabel={`End ${name}`}
        id={`designation-end-${designation.id}`}
        title={`End ${name}`}
        question={`When did the ${name.toLowerCase()} end?`}
        submitLabel="End designation"
        end={(endDate) => endDesignation({ id: designation.id, endDate })}
      />
    </li>
  );
}

const addFieldIds = {
  kind: 'designation-kind',
  cpCategory: 'designation-cp-category',
  startDate: 'designation-start',
  endDate: 'designation-end',
  notes: 'designation-notes',
};

function AddDesignationForm({ childId }: { childId: string }) {
  const addDesignation = useLantern((s) => s.addDesignation);
  const { field, formProps, errors, values, pending } = useForm(
    { kind: '', cpCategory: '', startDate: '', endDate: '', notes: '' },
    addFieldIds,
    async (values) => {
      const input = {
        ...values,
        cpCategory: values.kind === 'cp_plan' ? values.cpCategory : '',
      };
      const parsed = designationInput.safeParse(input);
      if (!parsed.success) return { fields: errorsFromIssues(parsed.error.issues), general: null };
      const dates = designationDateProblems(parsed.data, londonDate(new Date()));
      if (Object.keys(dates).length > 0) return { fields: dates, general: null };
      const result = await addDesignation({ childId, designation: parsed.data });
      if (!result || result.ok) return null;
      return errorsFromApi(result.error, 'designation.');
    },
    { resetOnSuccess: true },
  );
  return (
    <section className="page-section" aria-labelledby="add-designation-title">
      <h3 id="add-designation-title">Add a designation</h3>
      <form {...formProps}>
        <ErrorSummary errors={errors} fieldIds={addFieldIds} />
        <SelectField
          label="Designation"
          placeholder="Choose a designation"
          options={kindOptions}
          {...field('kind')}
        />
        {values.kind === 'cp_plan' ? (
          <SelectField
            label="Category of the child protection plan"
            placeholder="Choose a category"
            options={categoryOptions}
            {...field('cpCategory')}
          />
        ) : null}
        <DateField label="Start date" {...field('startDate')} />
        <DateField
          label="End date (optional)"
          hint="Leave empty while the designation is current."
          {...field('endDate')}
        />
        <TextAreaField
          label="Notes (optional)"
          hint="For example, the social worker’s name or the local authority."
          rows={3}
          {...field('notes')}
        />
        <Button type="submit" variant="primary" disabled={pending}>
          Add designation
        </Button>
      </form>
    </section>
  );
}

/**
 * A child's dated designations (CP plan, CIN, looked after…): current ones with the date they
 * began, past ones beneath. Those who may change the register add and end them; a correction
 * is an end plus a new designation, so the history stays.
 */
export function ChildDesignations({ child }: { child: Child }) {
  const designations = useLantern((s) => s.childDesignations);
  const load = useLantern((s) => s.loadChildDesignations);
  const canWrite = useCan('children.write');

  useEffect(() => {
    void load(child.id);
  }, [child.id, load]);

  const mine = designations.childId === child.id;
  const current = designations.items.filter((d) => d.endDate === '');
  const past = designations.items.filter((d) => d.endDate !== '');
  return (
    <section className="page-section" aria-labelledby={HEADING_ID}>
      <h2 id={HEADING_ID}>Designations</h2>
      {!mine || (designations.status === 'loading' && designations.items.length === 0) ? (
        <Loading text="Loading designations…" />
      ) : designations.status === 'failed' && designations.error ? (
        <LoadFailure
          error={designations.error}
          onRetry={() => {
            void load(child.id);
          }}
        />
      ) : (
        <>
          {current.length === 0 ? (
            <p className="empty-state">{displayName(child)} has no current designations.</p>
          ) : (
            <ul className="designations" aria-label="Current designations">
              {current.map((d) => (
                <CurrentDesignation key={d.id} designation={d} canWrite={canWrite} />
              ))}
            </ul>
          )}
          {past.length > 0 ? (
            <>
              <h3>Past designations</h3>
              <ul className="designations" aria-label="Past designations">
                {past.map((d) => (
                  <li key={d.id} className="designation">
                    <span className="tag tag--neutral">{designationName(d)}</span> {periodText(d)}
                    {d.notes ? <p className="designation__notes">{d.notes}</p> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
      {canWrite ? <AddDesignationForm childId={child.id} /> : null}
    </section>
  );
}
