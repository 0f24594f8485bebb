import { useEffect } from 'react';

import type { DraftSummary } from '../../shared/concerns/drafts';
import { formatInstant } from '../../shared/dates/calendar-date';
import { useLantern } from '../store';
import { Button } from '../ui/Button';

function useMyDrafts(): DraftSummary[] {
  const drafts = useLantern((s) => s.myDrafts.items);
  const load = useLantern((s) => s.loadMyDrafts);
  useEffect(() => {
    void load();
  }, [load]);
  return drafts;
}

function names(draft: DraftSummary): string {
  return draft.children.map((c) => c.name).join(', ');
}

/** On a child's page: "Continue your draft" for each of the person's drafts about this child. */
export function ContinueDraftButtons({ child }: { child: { id: string; name: string } }) {
  const navigate = useLantern((s) => s.navigate);
  const drafts = useMyDrafts().filter((d) => d.children.some((c) => c.childId === child.id));
  return drafts.map((draft) => (
    <Button
      key={draft.id}
      aria-label={`Continue your draft about ${names(draft)}, saved ${formatInstant(draft.savedAt)}`}
      onClick={() => {
        navigate({ page: 'record-concern', child, draftId: draft.id });
      }}
    >
      Continue your draft
    </Button>
  ));
}

/** On the Pupils page: every draft the person has not yet submitted, to pick up again. */
export function YourDrafts() {
  const navigate = useLantern((s) => s.navigate);
  const discard = useLantern((s) => s.discardDraft);
  const drafts = useMyDrafts();
  if (drafts.length === 0) return null;
  return (
    <section className="page-section panel" aria-labelledby="your-drafts-title">
      <h2 id="your-drafts-title">Your unfinished concerns</h2>
      <ul className="list drafts-list">
        {drafts.map((draft) => {
          const first = draft.children[0];
          const about = first ? `about ${names(draft)}` : 'with no child chosen yet';
          return (
            <li key={draft.id}>
              <span>
                A concern {about}, saved {formatInstant(draft.savedAt)}
                {draft.attachments > 0
                  ? `, with ${draft.attachments} ${draft.attachments === 1 ? 'file' : 'files'}`
                  : ''}
              </span>
              {first ? (
                <Button
                  aria-label={`Continue your draft ${about}`}
                  onClick={() => {
                    navigate({
                      page: 'record-concern',
                      child: { id: first.childId, name: first.name },
                      draftId: draft.id,
                    });
                  }}
                >
                  Continue your draft
                </Button>
              ) : (
                <Button
                  aria-label={`Discard your draft ${about}`}
                  onClick={() => {
                    void discard(draft.id);
                  }}
                >
                  Discard
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
