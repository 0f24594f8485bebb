import { useRef, useState } from 'react';

import type { BodyMarkInput, BodyView, MarkKind } from '../../shared/concerns/body-map';
import {
  bodyMark,
  bodyRegions,
  bodyViewLabels,
  bodyViews,
  markKindLabels,
  markKinds,
  MAX_BODY_MARKS,
  nearestRegion,
  regionOf,
} from '../../shared/concerns/body-map';
import { Button } from '../ui/Button';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { MarkList } from './BodyMapMarks';
import { BodyMapOutline } from './BodyMapOutline';

export const BODY_MAP_ID = 'body-map-view';
const REGION_ID = 'body-map-region';
const KIND_ID = 'body-map-kind';
const DESCRIPTION_ID = 'body-map-description';

type MarkFields = 'view' | 'region' | 'kind' | 'description';

const viewOptions = bodyViews.map((v) => ({ value: v, label: bodyViewLabels[v] }));
const kindOptions = markKinds.map((k) => ({ value: k, label: markKindLabels[k] }));

type BodyMapFieldProps = {
  value: BodyMarkInput[];
  onChange: (marks: BodyMarkInput[]) => void;
  error?: string | undefined;
};

/**
 * Marks on the outline of the child's body. Click the outline where the mark is, or choose front
 * or back and the part of the body from the lists; then say what kind of mark it is and describe
 * it. Both ways end in the same "Add mark".
 */
export function BodyMapField({ value, onChange, error }: BodyMapFieldProps) {
  const [view, setView] = useState<BodyView>('front');
  const [region, setRegion] = useState('');
  const [kind, setKind] = useState<MarkKind | ''>('');
  const [description, setDescription] = useState('');
  /** The point clicked; without one a mark goes at its region's own point. */
  const [point, setPoint] = useState<{ x: number; y: number; view: BodyView } | null>(null);
  const [errors, setErrors] = useState<Partial<Record<MarkFields, string>>>({});
  const descriptionRef = useRef<HTMLInputElement>(null);
  const full = value.length >= MAX_BODY_MARKS;

  function placeAt(clicked: BodyView, x: number, y: number): void {
    setView(clicked);
    setRegion(nearestRegion(clicked, x, y).id);
    setPoint({ x, y, view: clicked });
    setErrors({});
    descriptionRef.current?.focus();
  }

  function add(): void {
    const where = regionOf(view, region);
    const at = point?.view === view ? point : where;
    const parsed = bodyMark.safeParse({
      view,
      x: at?.x ?? -1,
      y: at?.y ?? -1,
      region,
      kind,
      description,
    });
    if (full) {
      setErrors({ description: `A body map can hold at most ${MAX_BODY_MARKS} marks.` });
      return;
    }
    if (!parsed.success) {
      const found: Partial<Record<MarkFields, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        // Without a region there is no point to place the mark at: that is the region's problem.
        if (field === 'x' || field === 'y') found.region ??= 'Choose where on the body.';
        else found[field as MarkFields] ??= issue.message;
      }
      setErrors(found);
      return;
    }
    onChange([...value, parsed.data]);
    setRegion('');
    setKind('');
    setDescription('');
    setPoint(null);
    setErrors({});
  }

  return (
    <fieldset className="fieldset body-map" aria-describedby="body-map-hint">
      <legend className="fieldset__legend">Marks or injuries you saw (optional)</legend>
      <p id="body-map-hint" className="field__hint">
        Click the outline where the mark is, or choose front or back and the part of the body. Then
        say what kind of mark it is and describe it, such as “bruise, 3cm, yellow-green”. The sides
        are the child’s own: from the front, their right is on your left.
      </p>
      {error ? (
        <p className="field__error" id="body-map-error">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      <div className="body-map__views">
        {bodyViews.map((v) => (
          <BodyMapOutline
            key={v}
            view={v}
            marks={value}
            pending={point}
            onPlace={(p) => {
              placeAt(v, p.x, p.y);
            }}
          />
        ))}
      </div>
      {value.length > 0 ? (
        <MarkList
          marks={value}
          onRemove={(index) => {
            onChange(value.filter((_, i) => i !== index));
          }}
        />
      ) : null}
      <div className="body-map__add">
        <SelectField
          id={BODY_MAP_ID}
          label="Front or back"
          placeholder="Choose front or back"
          options={viewOptions}
          value={view}
          error={errors.view}
          onChange={(v) => {
            setView(v as BodyView);
            setRegion('');
            setPoint(null);
          }}
        />
        <SelectField
          id={REGION_ID}
          label="Part of the body"
          placeholder="Choose a part of the body"
          options={bodyRegions[view].map((r) => ({ value: r.id, label: r.label }))}
          value={region}
          error={errors.region}
          onChange={(r) => {
            setRegion(r);
            setPoint(null);
          }}
        />
        <SelectField
          id={KIND_ID}
          label="Kind of mark"
          placeholder="Choose a kind"
          options={kindOptions}
          value={kind}
          error={errors.kind}
          onChange={(k) => {
            setKind(k as MarkKind | '');
          }}
        />
        <TextField
          ref={descriptionRef}
          id={DESCRIPTION_ID}
          label="Description of the mark"
          hint="Size, colour and shape, such as “bruise, 3cm, yellow-green”."
          autoComplete="off"
          maxLength={500}
          value={description}
          error={errors.description}
          onChange={setDescription}
          onKeyDown={(event) => {
            // Enter adds the mark rather than submitting the whole concern.
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        />
        <Button onClick={add} disabled={full}>
          Add mark
        </Button>
      </div>
    </fieldset>
  );
}
