import { useEffect, useState } from 'react';

import type { BuiltinFormId } from '../../shared/forms/builtin';
import { builtinFormIds, builtinForms } from '../../shared/forms/builtin';
import { BackToChild } from '../chronology/ChronologyPage';
import { categoriesText, occurredText } from '../concerns/concern-text';
import { useLantern } from '../store';
import { LoadFailure } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { PageHeading } from '../ui/PageHeading';
import { SelectField } from '../ui/SelectField';

type Child = { id: string; name: string };

/** Which built-in form to fill for a child and, for a form about an incident, which concern. */
export function ChooseFormPage({ child }: { child: Child }) {
  const navigate = useLantern((s) => s.navigate);
  const concerns = useLantern((s) => s.childConcerns);
  const loadConcerns = useLantern((s) => s.loadChildConcerns);
  const [formId, setFormId] = useState<BuiltinFormId | ''>('');
  const [concernId, setConcernId] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => {
    void loadConcerns(child.id);
  }, [child.id, loadConcerns]);

  const chosen = formId === '' ? null : builtinForms[formId];
  const items = concerns.childId === child.id ? concerns.items : [];
  return (
    <>
      <BackToChild child={child} />
      <PageHeading>Fill a form for {child.name}</PageHeading>
      <p>
        Lantern fills in what the file already holds. You then complete the rest, and export the
        form as a PDF or Word document.
      </p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!chosen) {
            setError('Choose a form.');
            return;
          }
          navigate({
            page: 'fill-form',
            child,
            formId: chosen.id,
            concernId: chosen.aboutConcern && concernId !== '' ? concernId : null,
          });
        }}
      >
        <fieldset
          className={error ? 'fieldset field field--error' : 'fieldset field'}
          aria-describedby={error ? 'form-choice-error' : undefined}
        >
          <legend className="fieldset__legend">Which form?</legend>
          <div id="form-choice-error">
            {error ? (
              <p className="field__error">
                <span className="visually-hidden">Error: </span>
                <span>{error}</span>
              </p>
            ) : null}
          </div>
          {builtinFormIds.map((id) => (
            <div className="checkbox" key={id}>
              <input
                id={`form-choice-${id}`}
                type="radio"
                name="form-choice"
                className="checkbox__input"
                checked={formId === id}
                onChange={() => {
                  setFormId(id);
                  setError(undefined);
                }}
              />
              <label className="checkbox__label" htmlFor={`form-choice-${id}`}>
                {builtinForms[id].prospective
                  ? `${builtinForms[id].title} (prospective duty)`
                  : builtinForms[id].title}
              </label>
            </div>
          ))}
        </fieldset>
        {chosen?.aboutConcern ? (
          concerns.status === 'failed' && concerns.error ? (
            <LoadFailure
              title="The concerns could not be loaded"
              error={concerns.error}
              onRetry={() => {
                void loadConcerns(child.id);
              }}
            />
          ) : (
            <SelectField
              id="form-concern"
              label="Which concern is it about?"
              hint="Lantern fills in what happened from the concern you choose."
              value={concernId}
              placeholder={
                items.length === 0 ? 'No concern is recorded' : 'None: I will fill it in myself'
              }
              options={items.map((c) => ({
                value: c.id,
                label: `${occurredText(c.occurredAt, c.occurredAtApprox)}: ${categoriesText(c.categories)}`,
              }))}
              onChange={setConcernId}
            />
          )
        ) : null}
        <div className="button-row">
          <Button type="submit" variant="primary">
            Continue
          </Button>
        </div>
      </form>
    </>
  );
}
