import type { BodyMarkInput } from '../../shared/concerns/body-map';
import { bodyViews, markKindLabels, markPlace } from '../../shared/concerns/body-map';
import { Button } from '../ui/Button';
import { BodyMapOutline } from './BodyMapOutline';

/** A submitted concern's body map: both views, then each mark in words. */
export function BodyMapMarks({ marks }: { marks: readonly BodyMarkInput[] }) {
  return (
    <div className="body-map">
      <div className="body-map__views">
        {bodyViews.map((view) => (
          <BodyMapOutline key={view} view={view} marks={marks} />
        ))}
      </div>
      <MarkList marks={marks} />
    </div>
  );
}

/** The marks in words, numbered as on the outline. */
export function MarkList({
  marks,
  onRemove,
}: {
  marks: readonly BodyMarkInput[];
  onRemove?: (index: number) => void;
}) {
  return (
    <ol className="body-map__list" aria-label="Marks on the body map">
      {marks.map((mark, i) => (
        // Marks have no id until submitted; their place in the list is the number shown.
        <li key={i}>
          <span>
            {markPlace(mark)}: {markKindLabels[mark.kind]}. {mark.description}
          </span>
          {onRemove ? (
            <Button
              variant="link"
              aria-label={`Remove mark ${i + 1}`}
              onClick={() => {
                onRemove(i);
              }}
            >
              Remove
            </Button>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
