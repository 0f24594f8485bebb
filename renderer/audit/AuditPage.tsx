import { useEffect, useState } from 'react';

import { isCalendarDate, formatInstant } from '../../shared/dates/calendar-date';
import { useCan } from '../app/use-can';
import type { Notice } from '../store';
import { useLantern } from '../store';
import type { AuditLog, AuditQuery } from '../store/audit-slice';
import { LoadFailure } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { DateField } from '../ui/DateField';
import { ErrorSummary } from '../ui/ErrorSummary';
import { errorsFromApi } from '../ui/form-errors';
import { PageHeading } from '../ui/PageHeading';
import { SelectField } from '../ui/SelectField';
import { StatusMessage } from '../ui/StatusMessage';
import { TextField } from '../ui/TextField';
import { useForm } from '../ui/use-form';
import { AuditTable } from './AuditTable';

type ChildFilter = { id: string; name: string } | null;

const fieldIds = {
  userId: 'audit-person',
  method: 'audit-action',
  from: 'audit-from',
  to: 'audit-to',
};

function PersonField(props: {
  id: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const userList = useLantern((s) => s.userList);
  const loadUsers = useLantern((s) => s.loadUsers);
  useEffect(() => {
    if (useLantern.getState().userList.status === 'idle') void loadUsers();
  }, [loadUsers]);
  const options = [...userList.items]
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'))
    .map((user) => ({ value: user.id, label: user.displayName }));
  return <SelectField label="Person" placeholder="Anyone" options={options} {...props} />;
}

function AuditFilters({ child }: { child: ChildFilter }) {
  const applied = useLantern((s) => s.auditLog.query);
  const searchAudit = useLantern((s) => s.searchAudit);
  // People come from the user list, which only those who manage users may read.
  const canListPeople = useCan('users.manage');
  const { userId, method, from, to } = applied;
  const { field, formProps, errors } = useForm(
    { userId, method, from, to },
    fieldIds,
    async (v) => {
      const fields: Record<string, string> = {};
      if (v.from !== '' && !isCalendarDate(v.from)) fields.from = 'Enter a real date for ‘From’.';
      if (v.to !== '' && !isCalendarDate(v.to)) fields.to = 'Enter a real date for ‘To’.';
      if (!fields.from && !fields.to && v.from !== '' && v.to !== '' && v.from > v.to) {
        fields.to = '‘To’ must be the same as or after ‘From’.';
      }
      if (Object.keys(fields).length > 0) return { fields, general: null };
      const error = await searchAudit({ ...v, method: v.method.trim(), childId: child?.id ?? '' });
      return error ? errorsFromApi(error) : null;
    },
  );

  return (
    <form {...formProps} className="filters" aria-label="Filter the audit log">
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      <div className="filters__fields">
        {canListPeople ? <PersonField {...field('userId')} /> : null}
        <TextField
          label="Action"
          hint="For example children.get"
          autoComplete="off"
          spellCheck={false}
          width="medium"
          maxLength={100}
          {...field('method')}
        />
        <DateField label="From" {...field('from')} />
        <DateField label="To" {...field('to')} />
      </div>
      <Button type="submit" variant="primary">
        Apply filters
      </Button>
    </form>
  );
}

function countText({ total, items, status }: AuditLog): string {
  if (status === 'failed' && items.length === 0) return '';
  if ((status === 'loading' || status === 'idle') && items.length === 0) return 'Loading entries…';
  if (total === 0) return 'No entries match these filters.';
  return total === 1 ? '1 entry' : `${total.toLocaleString('en-GB')} entries`;
}

function Verification() {
  const check = useLantern((s) => s.auditCheck);
  const { result } = check;
  const intact =
    check.status === 'loading'
      ? 'Checking the audit log…'
      : result?.ok
        ? `The audit log is intact: ${result.rows.toLocaleString('en-GB')} ${result.rows === 1 ? 'entry' : 'entries'} checked on ${formatInstant(result.checkedAt)}.`
        : null;
  return (
    <>
      <div role="status" className="status-region">
        {intact ? <p className="status status--success">{intact}</p> : null}
      </div>
      <div role="alert">
        {result && !result.ok && check.status !== 'loading' ? (
          <div className="load-failure">
            <h2 className="load-failure__title">The audit log failed its check</h2>
            <p>
              Lantern found these problems on {formatInstant(result.checkedAt)}. The log may have
              been altered or damaged: treat this as a security incident and tell your IT
              administrator. Do not delete anything.
            </p>
            <ul className="list">
              {result.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {check.status === 'failed' && check.error ? (
          <p className="load-failure">The audit log could not be checked: {check.error.message}</p>
        ) : null}
      </div>
    </>
  );
}

export function AuditPage({ child }: { child: ChildFilter }) {
  const auditLog = useLantern((s) => s.auditLog);
  const searchAudit = useLantern((s) => s.searchAudit);
  const exportAudit = useLantern((s) => s.exportAudit);
  const verifyAudit = useLantern((s) => s.verifyAudit);
  const navigate = useLantern((s) => s.navigate);
  const [exportNotice, setExportNotice] = useState<Notice | null>(null);
  const childId = child?.id ?? '';

  useEffect(() => {
    // The filters last applied stay, with the child filter this page was opened with.
    const last: AuditQuery = useLantern.getState().auditLog.query;
    void searchAudit({ ...last, childId });
  }, [childId, searchAudit]);

  async function exportCsv(): Promise<void> {
    setExportNotice({ tone: 'info', text: 'Exporting…' });
    const result = await exportAudit();
    if (!result) return;
    if (!result.ok) {
      setExportNotice({
        tone: 'warning',
        text: `The audit log could not be exported: ${result.error.message}`,
      });
      return;
    }
    const { savedTo } = result.value;
    setExportNotice(
      savedTo === null
        ? { tone: 'info', text: 'Not saved.' }
        : { tone: 'success', text: `Exported to ${savedTo}.` },
    );
  }

  return (
    <>
      <PageHeading>Audit log</PageHeading>
      <p>
        Every time anyone uses Lantern, it records who did what, to which records, and whether it
        was allowed. Nobody can change or delete an entry.
      </p>
      {child ? (
        <div className="filter-banner">
          <p>Showing entries about {child.name}</p>
          <Button
            onClick={() => {
              navigate({ page: 'audit' });
            }}
          >
            Show all entries
          </Button>
        </div>
      ) : null}
      <AuditFilters child={child} />
      <div className="button-row button-row--tight">
        <Button
          onClick={() => {
            void exportCsv();
          }}
        >
          Export CSV
        </Button>
        <Button
          onClick={() => {
            void verifyAudit();
          }}
        >
          Verify audit log
        </Button>
      </div>
      <StatusMessage notice={exportNotice} />
      <Verification />
      <p role="status" className="register-count">
        {countText(auditLog)}
      </p>
      {auditLog.items.length > 0 ? <AuditTable /> : null}
      {auditLog.status === 'failed' && auditLog.error ? (
        <LoadFailure
          title="The audit log could not be loaded"
          error={auditLog.error}
          onRetry={() => {
            void searchAudit(auditLog.query);
          }}
        />
      ) : null}
    </>
  );
}
