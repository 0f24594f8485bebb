import { useEffect, useRef } from 'react';

import type { ChildSummary } from '../../shared/children/schema';
import { designationName } from '../../shared/children/designations';
import { displayName, rollStatus, yearGroupLabel } from '../../shared/children/schema';
import { formatCalendarDate, londonDate } from '../../shared/dates/calendar-date';
import { useCan } from '../app/use-can';
import { useLantern } from '../store';
import { Button } from '../ui/Button';

/** "Left 20 Jul 2026" for a pupil who has left; "Leaving 18 Dec 2026" before the day. */
function LeaverTag({ child, today }: { child: ChildSummary; today: string }) {
  const status = rollStatus(child, today);
  if (status === 'on_roll') return null;
  const date = formatCalendarDate(child.leavingDate);
  return status === 'left' ? (
    <span className="tag tag--neutral">Left {date}</span>
  ) : (
    <span className="tag">Leaving {date}</span>
  );
}

/**
 * The register's rows. Roles that may open a child's file get each name as a button; staff,
 * who only find a pupil, see names as plain text.
 */
export function RegisterTable() {
  const { items, total, status } = useLantern((s) => s.register);
  const canOpen = useCan('children.read');
  // Staff cannot open a child's file, so they record a concern from the register row.
  const recordFromRow = useCan('concerns.create') && !canOpen;
  const navigate = useLantern((s) => s.navigate);
  const showMore = useLantern((s) => s.showMoreRegister);
  // After "Show more", focus moves to the first new row: the button vanishes with the last page.
  const focusRow = useRef<number | null>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const today = londonDate(new Date());
  // Designations are sensitive: only roles that may open a child's file see them as badges.
  const badges = useLantern((s) => s.registerDesignations);
  const loadBadges = useLantern((s) => s.loadRegisterDesignations);

  useEffect(() => {
    if (canOpen) void loadBadges(items.map((c) => c.id));
  }, [canOpen, items, loadBadges]);

  useEffect(() => {
    const index = focusRow.current;
    if (index === null || status === 'loading') return;
    focusRow.current = null;
    const row = body.current?.querySelectorAll('tr')[index];
    (row?.querySelector<HTMLElement>('th button') ?? row?.querySelector('th'))?.focus();
  }, [items, status]);

  return (
    <>
      <table className="table" aria-busy={status === 'loading'}>
        <caption className="visually-hidden">Pupil register</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Year group</th>
            <th scope="col">Date of birth</th>
            <th scope="col">UPN</th>
            {recordFromRow ? (
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody ref={body}>
          {items.map((child) => (
            <tr key={child.id}>
              {/* Without a button, the name cell itself takes focus after "Show more". */}
              <th scope="row" tabIndex={canOpen ? undefined : -1}>
                {canOpen ? (
                  <Button
                    variant="link"
                    onClick={() => {
                      navigate({ page: 'child', id: child.id });
                    }}
                  >
                    {displayName(child)}
                  </Button>
                ) : (
                  displayName(child)
                )}
                <LeaverTag child={child} today={today} />
                {canOpen
                  ? (badges[child.id] ?? []).map((b) => (
                      <span key={b.id} className="tag">
                        {designationName(b)}
                      </span>
                    ))
                  : null}
              </th>
              <td>{yearGroupLabel(child.yearGroup)}</td>
              <td>{formatCalendarDate(child.dateOfBirth)}</td>
              <td>{child.upn ? <span className="upn">{child.upn}</span> : 'Not recorded'}</td>
              {recordFromRow ? (
                <td>
                  <Button
                    variant="link"
                    aria-label={`Record a concern about ${displayName(child)}`}
                    onClick={() => {
                      navigate({
                        page: 'record-concern',
                        child: { id: child.id, name: displayName(child) },
                      });
                    }}
                  >
                    Record a concern
                  </Button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {items.length < total ? (
        <div className="show-more">
          <p>
            Showing {items.length.toLocaleString('en-GB')} of {total.toLocaleString('en-GB')}.
          </p>
          <Button
            onClick={() => {
              // A search still running will replace the rows, so there is no new row to go to.
              if (status === 'loading') return;
              focusRow.current = items.length;
              void showMore();
            }}
          >
            Show more
          </Button>
        </div>
      ) : null}
    </>
  );
}
