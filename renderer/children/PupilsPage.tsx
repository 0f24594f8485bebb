import { useEffect, useState } from 'react';

import { useCan } from '../app/use-can';
import { YourDrafts } from '../concerns/ContinueDrafts';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { CheckboxField } from '../ui/CheckboxField';
import { PageHeading } from '../ui/PageHeading';
import { TextField } from '../ui/TextField';
import { useDebouncedValue } from '../ui/use-debounced-value';
import { RegisterResults } from './RegisterResults';

/** Long enough to skip the searches between keystrokes, short enough to feel instant. */
const SEARCH_DELAY_MS = 200;

export function PupilsPage() {
  const canWrite = useCan('children.write');
  const canRecord = useCan('concerns.create');
  const canTransfer = useCan('casework.manage');
  const navigate = useLantern((s) => s.navigate);
  const searchRegister = useLantern((s) => s.searchRegister);
  const includeLeavers = useLantern((s) => s.register.includeLeavers);
  const setIncludeLeavers = useLantern((s) => s.setIncludeLeavers);
  // Coming back to the register keeps the last search.
  const [text, setText] = useState(() => useLantern.getState().register.query);
  const query = useDebouncedValue(text, SEARCH_DELAY_MS);

  useEffect(() => {
    void searchRegister(query);
  }, [query, searchRegister]);

  return (
    <>
      <div className="page-title-row">
        <PageHeading>Pupils</PageHeading>
        {canWrite ? (
          <div className="button-row button-row--inline">
            {canTransfer ? (
              <Button
                onClick={() => {
                  navigate({ page: 'transfers' });
                }}
              >
                Receive a transferred file
              </Button>
            ) : null}
            <Button
              onClick={() => {
                navigate({ page: 'import-pupils' });
              }}
            >
              Import from MIS
            </Button>
            <Button
              variant="primary"
              onClick={() => {
                navigate({ page: 'add-child' });
              }}
            >
              Add a child
            </Button>
          </div>
        ) : null}
      </div>
      <div role="search" className="register-search">
        <TextField
          id="pupil-search"
          label="Search by name or UPN"
          type="search"
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          value={text}
          onChange={setText}
        />
        <CheckboxField
          id="include-leavers"
          label="Include pupils who have left"
          checked={includeLeavers}
          onChange={(checked) => {
            void setIncludeLeavers(checked);
          }}
        />
      </div>
      {canRecord ? <YourDrafts /> : null}
      <RegisterResults />
    </>
  );
}
