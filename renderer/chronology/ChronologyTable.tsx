import { useCallback } from 'react';

import type { FamilyChronologyEntry } from '../../shared/chronology/schema';
import { occurredText } from '../concerns/concern-text';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { VirtualTable } from '../ui/VirtualTable';
import { entryCategories, entrySource } from './chronology-text';
import { MarkEditor } from './MarkEditor';

/** Ticking entries for a curated version: which are chosen, and how to change that. */
export type Selection = {
  chosen: ReadonlySet<string>;
  onToggle: (entry: FamilyChronologyEntry, chosen: boolean) => void;
};

type ChronologyTableProps = {
  entries: readonly FamilyChronologyEntry[];
  /** A family chronology names the child on each entry. */
  family: boolean;
  canManage: boolean;
  selection: Selection | null;
};

/** The significant-event marker: words and a symbol, so it never relies on colour. */
export function SignificantMark({ entry }: { entry: FamilyChronologyEntry }) {
  if (!entry.significant) return null;
  return (
    <>
      <span className="significant-tag">
        <span aria-hidden="true">★ </span>Significant event
      </span>
      <strong className="significant-headline">{entry.headline}</strong>
    </>
  );
}

function SourceLink({ entry }: { entry: FamilyChronologyEntry }) {
  const navigate = useLantern((s) => s.navigate);
  const route = useLantern((s) => s.route);
  const from = route.page === 'chronology' ? route.child : null;
  const concernId = entry.concernId;
  if (concernId !== null)
    return (
      <Button
        variant="link"
        aria-label={`Open the concern: ${entry.title}`}
        onClick={() => {
          navigate({ page: 'concern', id: concernId, child: from });
        }}
      >
        Open the concern
      </Button>
    );
  return (
    <Button
      variant="link"
      aria-label={`Open the child’s file (${entry.childName}): ${entry.title}`}
      onClick={() => {
        navigate({ page: 'child', id: entry.childId });
      }}
    >
      Open the child’s file
    </Button>
  );
}

/**
 * The chronology on screen, oldest first, in a virtualised table: a long history (thousands
 * of entries) draws only what is in view. Printing uses ChronologyPrintTable, which draws all.
 */
export function ChronologyTable({ entries, family, canManage, selection }: ChronologyTableProps) {
  const layout = ['chronology-row', family ? 'chronology-row--family' : '']
    .concat(selection ? 'chronology-row--select' : '')
    .filter(Boolean)
    .join(' ');
  const rowKey = useCallback((e: FamilyChronologyEntry) => e.id, []);
  return (
    <VirtualTable
      label="Chronology entries"
      items={entries}
      rowKey={rowKey}
      estimatePx={112}
      rowClassName={layout}
      header={
        <>
          {selection ? (
            <div role="columnheader" className="chronology-cell">
              Include
            </div>
          ) : null}
          <div role="columnheader" className="chronology-cell">
            Date and time
          </div>
          {family ? (
            <div role="columnheader" className="chronology-cell">
              Child
            </div>
          ) : null}
          <div role="columnheader" className="chronology-cell">
            Source
          </div>
          <div role="columnheader" className="chronology-cell">
            Event
          </div>
          <div role="columnheader" className="chronology-cell">
            Detail
          </div>
          <div role="columnheader" className="chronology-cell">
            Categories
          </div>
          <div role="columnheader" className="chronology-cell">
            Recorded by
          </div>
        </>
      }
      renderRow={(entry) => (
        <>
          {selection ? (
            <div role="cell" className="chronology-cell">
              <input
                type="checkbox"
                className="chronology-select"
                id={`include-${entry.id}`}
                aria-label={`Include in the curated version: ${entry.title}, ${occurredText(entry.occurredAt, entry.approx)}`}
                checked={selection.chosen.has(entry.id)}
                onChange={(event) => {
                  selection.onToggle(entry, event.target.checked);
                }}
              />
            </div>
          ) : null}
          <div role="cell" className="chronology-cell">
            {occurredText(entry.occurredAt, entry.approx)}
          </div>
          {family ? (
            <div role="cell" className="chronology-cell">
              {entry.childName}
            </div>
          ) : null}
          <div role="cell" className="chronology-cell">
            {entrySource(entry)}
          </div>
          <div
            role="cell"
            className={
              entry.significant ? 'chronology-cell chronology-cell--significant' : 'chronology-cell'
            }
          >
            <SignificantMark entry={entry} />
            <span className="chronology-title">{entry.title}</span>
            <span className="chronology-links">
              <SourceLink entry={entry} />
            </span>
            {canManage ? <MarkEditor entry={entry} /> : null}
          </div>
          <div role="cell" className="chronology-cell chronology-detail">
            {entry.detail}
          </div>
          <div role="cell" className="chronology-cell">
            {entryCategories(entry)}
          </div>
          <div role="cell" className="chronology-cell">
            {entry.recordedByName}
          </div>
        </>
      )}
    />
  );
}
