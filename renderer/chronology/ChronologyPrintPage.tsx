import { useEffect } from 'react';

import type { FamilyChronologyEntry } from '../../shared/chronology/schema';
import { displayName } from '../../shared/children/schema';
import { formatCalendarDate, formatInstant } from '../../shared/dates/calendar-date';
import type { ApiError } from '../../shared/result';
import { useChildRecord } from '../children/use-child-record';
import { occurredText } from '../concerns/concern-text';
import type { Route } from '../store';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { PageHeading } from '../ui/PageHeading';
import { entryCategories, entrySource, filterSummary } from './chronology-text';
import { SignificantMark } from './ChronologyTable';

type PrintRoute = Extract<Route, { page: 'chronology-print' }>;
type PrintRow = { entry: FamilyChronologyEntry; analysis: string | null };

/** The government security classification for personal safeguarding data, top and bottom. */
function Marking() {
  return <p className="protective-marking">OFFICIAL-SENSITIVE</p>;
}

/** Every row, in a plain table (never virtualised, so the printout holds every entry). */
function PrintTable({
  rows,
  family,
  analysis,
}: {
  rows: readonly PrintRow[];
  family: boolean;
  analysis: boolean;
}) {
  return (
    <table className="table print-table">
      <thead>
        <tr>
          <th scope="col">Date and time</th>
          {family ? <th scope="col">Child</th> : null}
          <th scope="col">Source</th>
          <th scope="col">Event</th>
          <th scope="col">Detail</th>
          <th scope="col">Categories</th>
          <th scope="col">Recorded by</th>
          {analysis ? <th scope="col">Analysis</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ entry, analysis: text }) => (
          <tr key={entry.id} className={entry.significant ? 'print-table__significant' : undefined}>
            <td>{occurredText(entry.occurredAt, entry.approx)}</td>
            {family ? <td>{entry.childName}</td> : null}
            <td>{entrySource(entry)}</td>
            <td>
              <SignificantMark entry={entry} />
              <span className="chronology-title">{entry.title}</span>
            </td>
            <td>{entry.detail}</td>
            <td>{entryCategories(entry)}</td>
            <td>
              {entry.recordedByName}, {formatInstant(entry.recordedAt)}
            </td>
            {analysis ? <td className="print-table__analysis">{text}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function useRows(route: PrintRoute): {
  rows: PrintRow[] | null;
  title: string;
  purpose: string | null;
  error: ApiError | null;
} {
  const view = useLantern((s) => s.chronology);
  const opened = useLantern((s) => s.openedCurated);
  const load = useLantern((s) => s.loadChronology);
  const openCurated = useLantern((s) => s.openCurated);
  const { child, what } = route;

  useEffect(() => {
    const s = useLantern.getState();
    if (what.kind === 'curated') {
      if (s.openedCurated.id !== what.id || s.openedCurated.status !== 'ready')
        void openCurated(what.id);
      return;
    }
    const held = s.chronology;
    const same =
      held.childId === child.id && held.scope === what.scope && held.filter === what.filter;
    if (!same || held.status !== 'ready') void load(child, what.scope, what.filter);
  }, [child, what, load, openCurated]);

  if (what.kind === 'curated') {
    const curated = opened.id === what.id ? opened.curated : null;
    return {
      rows: curated ? curated.entries : null,
      title: curated ? curated.title : 'Curated chronology',
      purpose: curated ? curated.purpose : null,
      error: opened.id === what.id ? opened.error : null,
    };
  }
  const mine = view.childId === child.id && view.scope === what.scope && view.status === 'ready';
  return {
    rows: mine ? view.entries.map((entry) => ({ entry, analysis: null })) : null,
    title:
      what.scope === 'family' ? `Family chronology: ${child.name}` : `Chronology: ${child.name}`,
    purpose: null,
    error: view.childId === child.id ? view.error : null,
  };
}

/**
 * A printable chronology: the filtered chronology or a curated version with its analysis, with
 * the school, the child's identifiers and the protective marking. Print uses the browser's
 * own dialog (Electron and Chromium both have one, with "Save as PDF").
 */
export function ChronologyPrintPage({ route }: { route: PrintRoute }) {
  const navigate = useLantern((s) => s.navigate);
  const school = useLantern((s) => s.school);
  const record = useChildRecord(route.child.id, 'reuse');
  const { rows, title, purpose, error } = useRows(route);
  const family =
    route.what.kind === 'filtered'
      ? route.what.scope === 'family'
      : (rows ?? []).some((r) => r.entry.childId !== route.child.id);
  const child = record.child;

  return (
    <div className="print-page">
      <div className="button-row no-print">
        <Button
          variant="link"
          className="back-link"
          onClick={() => {
            navigate({ page: 'chronology', child: route.child });
          }}
        >
          Back to the chronology
        </Button>
        <Button
          variant="primary"
          disabled={!rows}
          onClick={() => {
            window.print();
          }}
        >
          Print
        </Button>
      </div>
      <Marking />
      <p className="print-page__school">{school?.name ?? ''}</p>
      <PageHeading>{title}</PageHeading>
      <dl className="print-page__facts">
        <div>
          <dt>Child</dt>
          <dd>{child ? displayName(child) : route.child.name}</dd>
        </div>
        <div>
          <dt>Date of birth</dt>
          <dd>{child ? formatCalendarDate(child.dateOfBirth) : ''}</dd>
        </div>
        <div>
          <dt>UPN</dt>
          <dd>{child ? child.upn || 'Not recorded' : ''}</dd>
        </div>
        {purpose ? (
          <div>
            <dt>Purpose</dt>
            <dd>{purpose}</dd>
          </div>
        ) : null}
        {route.what.kind === 'filtered' ? (
          <div>
            <dt>Entries</dt>
            <dd>{filterSummary(route.what.filter)}</dd>
          </div>
        ) : null}
        <div>
          <dt>Printed</dt>
          <dd>{formatInstant(new Date().toISOString())}</dd>
        </div>
      </dl>
      {error ? (
        <LoadFailure error={error} />
      ) : rows ? (
        rows.length === 0 ? (
          <p>No entries.</p>
        ) : (
          <PrintTable rows={rows} family={family} analysis={route.what.kind === 'curated'} />
        )
      ) : (
        <Loading text="Preparing the chronology for printing…" />
      )}
      <Marking />
    </div>
  );
}
