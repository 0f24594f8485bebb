import type { Register } from '../store/children-slice';
import { useCan } from '../app/use-can';
import { useLantern } from '../store';
import { LoadFailure } from '../ui/AsyncState';
import { RegisterTable } from './RegisterTable';

type View = 'loading' | 'failed' | 'empty-register' | 'results';

function viewOf({ status, items, total, query }: Register): View {
  if (status === 'failed' && items.length === 0) return 'failed';
  if (status === 'idle' || (status === 'loading' && total === 0)) return 'loading';
  return total === 0 && query.trim() === '' ? 'empty-register' : 'results';
}

function summaryText(view: View, { total, query }: Register): string {
  switch (view) {
    case 'loading':
      return 'Loading pupils…';
    case 'failed':
      return '';
    case 'empty-register':
      return 'No pupils on the register yet.';
    case 'results':
      if (total === 0) return `No pupils match “${query.trim()}”.`;
      return total === 1 ? '1 pupil' : `${total.toLocaleString('en-GB')} pupils`;
  }
}

/** Everything under the search box. One live region carries the count, so changes are heard. */
export function RegisterResults() {
  const register = useLantern((s) => s.register);
  const searchRegister = useLantern((s) => s.searchRegister);
  const canWrite = useCan('children.write');
  const view = viewOf(register);
  const retry = () => {
    void searchRegister(register.query);
  };

  return (
    <>
      <p role="status" className="register-count">
        {summaryText(view, register)}
      </p>
      {view === 'empty-register' ? (
        <p className="empty-state">
          {canWrite
            ? 'Add each child with “Add a child”, or bring in the whole register with “Import from MIS”.'
            : 'Your designated safeguarding lead adds children to the register.'}
        </p>
      ) : null}
      {register.items.length > 0 ? <RegisterTable /> : null}
      {register.status === 'failed' && register.error ? (
        <LoadFailure
          title={
            view === 'failed'
              ? 'The pupil register could not be loaded'
              : 'More pupils could not be loaded'
          }
          error={register.error}
          onRetry={retry}
        />
      ) : null}
    </>
  );
}
