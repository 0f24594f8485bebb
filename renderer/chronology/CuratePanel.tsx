import { useState } from 'react';

import type { CuratedChronology } from '../../shared/chronology/curated';
import {
  MAX_ANALYSIS_CHARS,
  MAX_CURATED_PURPOSE_CHARS,
  MAX_CURATED_TITLE_CHARS,
} from '../../shared/chronology/curated';
import type { FamilyChronologyEntry } from '../../shared/chronology/schema';
import { occurredText } from '../concerns/concern-text';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import type { FormErrors } from '../ui/form-errors';
import { errorsFromApi, noErrors } from '../ui/form-errors';
import { TextAreaField } from '../ui/TextAreaField';
import { TextField } from '../ui/TextField';
import { chronologicalOrder } from './chronology-text';

/** A curated version being made or changed: the entries ticked, each with its analysis. */
export type CuratedDraft = {
  /** '' until it is first saved. */
  id: string;
  title: string;
  purpose: string;
  chosen: ReadonlyMap<string, { entry: FamilyChronologyEntry; analysis: string }>;
};

export const emptyCuratedDraft: CuratedDraft = {
  id: '',
  title: '',
  purpose: '',
  chosen: new Map(),
};

export function draftFromCurated(curated: CuratedChronology): CuratedDraft {
  return {
    id: curated.id,
    title: curated.title,
    purpose: curated.purpose,
    chosen: new Map(curated.entries.map((c) => [c.entry.id, c])),
  };
}

type CuratePanelProps = {
  childId: string;
  draft: CuratedDraft;
  onChange: (draft: CuratedDraft) => void;
  onSaved: (curated: CuratedChronology) => void;
  onClose: () => void;
};

/**
 * The curated version beside the chronology: tick entries in the table, write the analysis for
 * each here, save. Entries are kept in date order, as a conference or court reads them.
 */
export function CuratePanel({ childId, draft, onChange, onSaved, onClose }: CuratePanelProps) {
  const saveCurated = useLantern((s) => s.saveCurated);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const chosen = [...draft.chosen.values()].sort((a, b) => chronologicalOrder(a.entry, b.entry));

  const fieldIds: Record<string, string> = {
    title: 'curated-title',
    purpose: 'curated-purpose',
  };
  chosen.forEach((c, i) => {
    fieldIds[`entries.${i}.analysis`] = `analysis-${c.entry.id}`;
    fieldIds[`entries.${i}.entryId`] = `analysis-${c.entry.id}`;
  });

  async function save() {
    setBusy(true);
    const result = await saveCurated({
      id: draft.id,
      childId,
      title: draft.title,
      purpose: draft.purpose,
      entries: chosen.map((c) => ({ entryId: c.entry.id, analysis: c.analysis })),
    });
    setBusy(false);
    if (!result) return;
    if (result.ok) {
      setErrors(noErrors);
      onSaved(result.value);
    } else {
      setErrors(errorsFromApi(result.error));
    }
  }

  return (
    <section className="panel curate-panel no-print" aria-labelledby="curate-title">
      <h2 id="curate-title">
        {draft.id === '' ? 'Make a curated version' : `Curated version: ${draft.title}`}
      </h2>
      <p>
        Tick the entries to include in the table below (filter it first to find them), then write
        your analysis for each: why it matters, patterns, what it shows about the child’s lived
        experience.
      </p>
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      <form
        aria-labelledby="curate-title"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <TextField
          id="curated-title"
          label="Title"
          hint="For example: Chronology for the initial child protection conference"
          maxLength={MAX_CURATED_TITLE_CHARS}
          value={draft.title}
          error={errors.fields.title}
          onChange={(title) => {
            onChange({ ...draft, title });
          }}
        />
        <TextField
          id="curated-purpose"
          label="Purpose (optional)"
          hint="For example: Initial child protection conference 3 Dec 2026"
          maxLength={MAX_CURATED_PURPOSE_CHARS}
          value={draft.purpose}
          error={errors.fields.purpose}
          onChange={(purpose) => {
            onChange({ ...draft, purpose });
          }}
        />
        <h3>
          {chosen.length === 0
            ? 'No entries ticked yet'
            : `${chosen.length} ${chosen.length === 1 ? 'entry' : 'entries'} included`}
        </h3>
        {chosen.length > 0 ? (
          <ol className="curate-list">
            {chosen.map((c, i) => (
              <li key={c.entry.id} className="curate-list__item">
                <p>
                  <strong>{occurredText(c.entry.occurredAt, c.entry.approx)}</strong>:{' '}
                  {c.entry.significant ? c.entry.headline : c.entry.title} ({c.entry.childName})
                </p>
                <TextAreaField
                  id={`analysis-${c.entry.id}`}
                  label={`Analysis for entry ${i + 1}`}
                  maxLength={MAX_ANALYSIS_CHARS}
                  rows={3}
                  value={c.analysis}
                  error={
                    errors.fields[`entries.${i}.analysis`] ?? errors.fields[`entries.${i}.entryId`]
                  }
                  onChange={(analysis) => {
                    const next = new Map(draft.chosen);
                    next.set(c.entry.id, { entry: c.entry, analysis });
                    onChange({ ...draft, chosen: next });
                  }}
                />
                <Button
                  aria-label={`Remove entry ${i + 1} from the curated version`}
                  onClick={() => {
                    const next = new Map(draft.chosen);
                    next.delete(c.entry.id);
                    onChange({ ...draft, chosen: next });
                  }}
                >
                  Remove
                </Button>
              </li>
            ))}
          </ol>
        ) : null}
        <div className="button-row">
          <Button type="submit" variant="primary" disabled={busy}>
            Save the curated version
          </Button>
          <Button onClick={onClose}>Close without saving</Button>
        </div>
      </form>
    </section>
  );
}
