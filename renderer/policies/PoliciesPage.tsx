import { useEffect, useRef, useState } from 'react';

import { formatCalendarDate } from '../../shared/dates/calendar-date';
import { filteringReview } from '../../shared/policies/register';
import type { PolicyEntry, PolicyReview } from '../../shared/policies/schema';
import type { Notice } from '../store';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { PageHeading } from '../ui/PageHeading';
import { StatusMessage } from '../ui/StatusMessage';
import { AddPolicyForm } from './AddPolicyForm';
import { EditPolicyForm } from './EditPolicyForm';
import { FilteringReviewForm } from './FilteringReviewForm';
import { FilteringReviewList } from './FilteringReviewList';
import { nextReviewText } from './policy-text';
import { PolicyRegisterTable } from './PolicyRegisterTable';
import { ReviewPolicyForm } from './ReviewPolicyForm';

type OpenForm =
  | { kind: 'review'; policy: PolicyEntry }
  | { kind: 'edit'; policy: PolicyEntry }
  | { kind: 'add' }
  | { kind: 'filtering' };

/**
 * The policy register (KCSIE Part two): each policy's last approval, next review and where it is
 * published, with the annual filtering and monitoring review (DfE standards) below it.
 */
export function PoliciesPage() {
  const register = useLantern((s) => s.policyRegister);
  const filtering = useLantern((s) => s.filteringReviews);
  const loadRegister = useLantern((s) => s.loadPolicyRegister);
  const loadFiltering = useLantern((s) => s.loadFilteringReviews);
  const saveDocument = useLantern((s) => s.savePolicyDocument);
  const [form, setForm] = useState<OpenForm | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const saving = useRef(false);

  useEffect(() => {
    void loadRegister();
    void loadFiltering();
  }, [loadRegister, loadFiltering]);

  function done(text: string): void {
    setForm(null);
    setNotice({ tone: 'success', text });
  }

  function saveEvidence(policy: PolicyEntry, review: PolicyReview): void {
    if (saving.current) return;
    saving.current = true;
    setNotice(null);
    void saveDocument(review.id)
      .then((result) => {
        if (!result) return;
        if (!result.ok) setNotice({ tone: 'warning', text: result.error.message });
        else if (result.value.savedTo)
          setNotice({
            tone: 'success',
            text: `Saved a copy of the ${policy.title.toLowerCase()} evidence.`,
          });
      })
      .finally(() => {
        saving.current = false;
      });
  }

  const view = register.value;
  return (
    <>
      <PageHeading>Policies</PageHeading>
      <StatusMessage notice={notice} />
      <p>
        The policies the governing body must have in place (Keeping children safe in education, Part
        two), when each was last approved, when it is next due and where it is published. The child
        protection policy must be reviewed at least annually and published.
      </p>
      {register.status === 'failed' && register.error ? (
        <LoadFailure
          error={register.error}
          onRetry={() => {
            void loadRegister();
          }}
        />
      ) : view === null ? (
        <Loading text="Loading the policy register…" />
      ) : (
        <>
          <section className="policies__section" aria-labelledby="policy-register-heading">
            <h2 id="policy-register-heading">Policy register</h2>
            <PolicyRegisterTable
              policies={view.policies}
              today={view.today}
              onReview={(policy) => {
                setNotice(null);
                setForm({ kind: 'review', policy });
              }}
              onEdit={(policy) => {
                setNotice(null);
                setForm({ kind: 'edit', policy });
              }}
              onSaveEvidence={saveEvidence}
            />
            <div className="button-row">
              <Button
                onClick={() => {
                  setNotice(null);
                  setForm({ kind: 'add' });
                }}
              >
                Add a policy
              </Button>
            </div>
          </section>
          {form?.kind === 'review' ? (
            <ReviewPolicyForm
              key={form.policy.id}
              policy={form.policy}
              today={view.today}
              onRecorded={(policy) => {
                done(`The review of the ${policy.title.toLowerCase()} has been recorded.`);
              }}
              onCancel={() => {
                setForm(null);
              }}
            />
          ) : null}
          {form?.kind === 'edit' ? (
            <EditPolicyForm
              key={form.policy.id}
              policy={form.policy}
              onSaved={(policy) => {
                done(`The details of the ${policy.title.toLowerCase()} have been saved.`);
              }}
              onCancel={() => {
                setForm(null);
              }}
            />
          ) : null}
          {form?.kind === 'add' ? (
            <AddPolicyForm
              onAdded={(title) => {
                done(`${title} has been added to the register.`);
              }}
              onCancel={() => {
                setForm(null);
              }}
            />
          ) : null}
          <section className="policies__section" aria-labelledby="filtering-heading">
            <h2 id="filtering-heading">{filteringReview.title}</h2>
            <p>
              The DfE filtering and monitoring standards expect the senior leadership team and the
              DSL to review the school’s filtering and monitoring at least annually, with the
              responsible governor and the IT service provider.
            </p>
            <p>
              <strong>
                {view.filtering.lastReviewedOn === null
                  ? 'Overdue: no review recorded'
                  : `Last reviewed ${formatCalendarDate(view.filtering.lastReviewedOn)}. Next review: ${nextReviewText(view.filtering.nextReview, view.today)}`}
              </strong>
            </p>
            {form?.kind === 'filtering' ? (
              <FilteringReviewForm
                today={view.today}
                onRecorded={() => {
                  done('The filtering and monitoring review has been recorded.');
                }}
                onCancel={() => {
                  setForm(null);
                }}
              />
            ) : (
              <div className="button-row">
                <Button
                  onClick={() => {
                    setNotice(null);
                    setForm({ kind: 'filtering' });
                  }}
                >
                  Record a filtering and monitoring review
                </Button>
              </div>
            )}
            {filtering.status === 'failed' && filtering.error ? (
              <LoadFailure
                error={filtering.error}
                onRetry={() => {
                  void loadFiltering();
                }}
              />
            ) : filtering.status === 'loading' && filtering.items.length === 0 ? (
              <Loading text="Loading the filtering and monitoring reviews…" />
            ) : (
              <FilteringReviewList items={filtering.items} />
            )}
          </section>
        </>
      )}
    </>
  );
}
