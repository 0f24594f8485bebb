import { useEffect, useState } from 'react';

import type { CuratedChronology } from '../../shared/chronology/curated';
import type { ChronologyFilter } from '../../shared/chronology/schema';
import { noChronologyFilter } from '../../shared/chronology/schema';
import { formatInstant } from '../../shared/dates/calendar-date';
import { useCan } from '../app/use-can';
import { useLantern } from '../store';
import type { ChronologyScope } from '../store/chronology-slice';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { CheckboxField } from '../ui/CheckboxField';
import { PageHeading } from '../ui/PageHeading';
import { countText } from './chronology-text';
import { ChronologyFilters } from './ChronologyFilters';
import type { Selection } from './ChronologyTable';
import { ChronologyTable } from './ChronologyTable';
import type { CuratedDraft } from './CuratePanel';
import { CuratePanel, draftFromCurated, emptyCuratedDraft } from './CuratePanel';

type Child = { id: string; name: string };

export function BackToChild({ child }: { child: Child }) {
  const navigate = useLantern((s) => s.navigate);
  return (
    <Button
      variant="link"
      className="back-link no-print"
      onClick={() => {
        navigate({ page: 'child', id: child.id });
      }}
    >
      Back to {child.name}
    </Button>
  );
}

function CuratedVersions({ child, onOpen }: { child: Child; onOpen: (id: string) => void }) {
  const list = useLantern((s) => s.curatedList);
  const navigate = useLantern((s) => s.navigate);
  const items = list.childId === child.id ? list.items : [];
  return (
    <section className="page-section no-print" aria-labelledby="curated-versions-title">
      <h2 id="curated-versions-title">Curated versions</h2>
      {list.status === 'failed' && list.error ? <LoadFailure error={list.error} /> : null}
      {list.status === 'ready' && items.length === 0 ? (
        <p>
          None yet. A curated version holds the entries you choose, with your analysis, for a
          conference, a court or a professionals’ meeting.
        </p>
      ) : null}
      {items.length > 0 ? (
        <ul className="list curated-versions">
          {items.map((c) => (
            <li key={c.id}>
              <strong>{c.title}</strong>
              {c.purpose ? `: ${c.purpose}` : ''} ({c.entryCount}{' '}
              {c.entryCount === 1 ? 'entry' : 'entries'}; last changed by {c.updatedByName},{' '}
              {formatInstant(c.updatedAt)})
              <span className="button-row button-row--inline">
                <Button
                  aria-label={`Open ${c.title}`}
                  onClick={() => {
                    onOpen(c.id);
                  }}
                >
                  Open
                </Button>
                <Button
                  aria-label={`Print ${c.title}`}
                  onClick={() => {
                    navigate({
                      page: 'chronology-print',
                      child,
                      what: { kind: 'curated', id: c.id },
                    });
                  }}
                >
                  Print
                </Button>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/**
 * A child's chronology (domain.md §9): every event on their file, oldest first, filtered, with
 * the significant events flagged and headlined, and curated versions made from it.
 */
export function ChronologyPage({ child }: { child: Child }) {
  const view = useLantern((s) => s.chronology);
  const load = useLantern((s) => s.loadChronology);
  const loadCuratedList = useLantern((s) => s.loadCuratedList);
  const openCurated = useLantern((s) => s.openCurated);
  const navigate = useLantern((s) => s.navigate);
  const canManage = useCan('casework.manage');
  const [draft, setDraft] = useState<CuratedDraft | null>(null);

  const mine = view.childId === child.id;
  const scope: ChronologyScope = mine ? view.scope : 'child';
  const filter: ChronologyFilter = mine ? view.filter : noChronologyFilter;

  useEffect(() => {
    const held = useLantern.getState().chronology;
    const same = held.childId === child.id;
    void load(child, same ? held.scope : 'child', same ? held.filter : noChronologyFilter);
    if (canManage) void loadCuratedList(child.id);
    // Load once per child; later loads come from the controls.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `child` is a new object per route
  }, [child.id, canManage, load, loadCuratedList]);

  async function openSaved(id: string) {
    await openCurated(id);
    const opened = useLantern.getState().openedCurated;
    if (opened.id === id && opened.curated) setDraft(draftFromCurated(opened.curated));
  }

  const selection: Selection | null = draft
    ? {
        chosen: new Set(draft.chosen.keys()),
        onToggle(entry, on) {
          const next = new Map(draft.chosen);
          if (on) next.set(entry.id, { entry, analysis: next.get(entry.id)?.analysis ?? '' });
          else next.delete(entry.id);
          setDraft({ ...draft, chosen: next });
        },
      }
    : null;

  const ready = mine && view.status === 'ready';
  return (
    <>
      <BackToChild child={child} />
      <PageHeading>Chronology: {child.name}</PageHeading>
      <p className="no-print">
        Every event on the file, oldest first, each linked to its record.
        {canManage ? ' Flag the significant events and give each a brief, factual headline.' : ''}
      </p>
      <CheckboxField
        id="chronology-family"
        label="Include siblings’ entries (family chronology)"
        hint="Merges the chronologies of the children linked as this child’s siblings."
        checked={scope === 'family'}
        onChange={(on) => {
          void load(child, on ? 'family' : 'child', filter);
        }}
      />
      <ChronologyFilters
        filter={filter}
        onApply={(next) => {
          void load(child, scope, next);
        }}
      />
      <p className="register-count chronology-count" aria-live="polite">
        {ready ? countText(view.entries.length, view.total) : ''}
      </p>
      <div className="button-row no-print">
        <Button
          disabled={!ready}
          onClick={() => {
            navigate({
              page: 'chronology-print',
              child,
              what: { kind: 'filtered', scope, filter },
            });
          }}
        >
          Print this chronology
        </Button>
        {canManage && !draft ? (
          <Button
            onClick={() => {
              setDraft(emptyCuratedDraft);
            }}
          >
            Make a curated version
          </Button>
        ) : null}
      </div>
      {draft ? (
        <CuratePanel
          childId={child.id}
          draft={draft}
          onChange={setDraft}
          onSaved={(saved: CuratedChronology) => {
            setDraft(draftFromCurated(saved));
          }}
          onClose={() => {
            setDraft(null);
          }}
        />
      ) : null}
      {!mine || view.status === 'loading' || view.status === 'idle' ? (
        <Loading text="Loading the chronology…" />
      ) : view.status === 'failed' && view.error ? (
        <LoadFailure
          error={view.error}
          onRetry={() => {
            void load(child, scope, filter);
          }}
        />
      ) : view.entries.length === 0 ? (
        <p className="empty-state">
          {view.total === 0
            ? 'Nothing is on the chronology yet. Concerns, designations and casework add entries as they are recorded.'
            : 'No entries match these filters.'}
        </p>
      ) : (
        <ChronologyTable
          entries={view.entries}
          family={scope === 'family'}
          canManage={canManage}
          selection={selection}
        />
      )}
      {canManage ? (
        <CuratedVersions
          child={child}
          onOpen={(id) => {
            void openSaved(id);
          }}
        />
      ) : null}
    </>
  );
}
