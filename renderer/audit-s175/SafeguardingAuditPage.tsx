import { useEffect, useState } from 'react';

import type { AuditSignoff, AuditYear } from '../../shared/audit-s175/schema';
import { formatInstant } from '../../shared/dates/calendar-date';
import { useCan } from '../app/use-can';
import type { Notice } from '../store';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { PageHeading } from '../ui/PageHeading';
import { SelectField } from '../ui/SelectField';
import { StatusMessage } from '../ui/StatusMessage';
import { AuditQuestionItem } from './AuditQuestionItem';
import { ImportQuestionsSection } from './ImportQuestionsSection';

export function progressText(year: Pick<AuditYear, 'answered' | 'questions' | 'red' | 'amber'>) {
  return `${year.answered} of ${year.questions} answered; ${year.red} red, ${year.amber} amber`;
}

const SIGNER: Record<AuditSignoff['role'], string> = {
  dsl: 'Designated safeguarding lead',
  governor: 'Safeguarding governor',
};

function SignOffSection({ year }: { year: AuditYear }) {
  const canSign = useCan('governance.signoff');
  const role = useLantern((s) => s.session?.role ?? null);
  const signOff = useLantern((s) => s.signOffAudit);
  const [notice, setNotice] = useState<Notice | null>(null);
  const signingAs = role === 'dsl' ? 'dsl' : role === 'governor' ? 'governor' : null;
  const alreadySigned = year.signoffs.some((s) => s.role === signingAs);
  const unanswered = year.questions - year.answered;
  return (
    <section className="page-section" aria-labelledby="audit-signoff-title">
      <h2 id="audit-signoff-title">Sign-off</h2>
      <StatusMessage notice={notice} />
      <ul className="audit-signoffs">
        {(['dsl', 'governor'] as const).map((r) => {
          const s = year.signoffs.find((x) => x.role === r);
          return (
            <li key={r}>
              {SIGNER[r]}: {s ? `${s.name}, signed ${formatInstant(s.signedAt)}` : 'not signed'}
            </li>
          );
        })}
      </ul>
      {canSign && signingAs && !alreadySigned ? (
        unanswered > 0 ? (
          <p>
            The audit can be signed off once every question is answered ({unanswered} still to
            answer).
          </p>
        ) : (
          <>
            <p>Signing freezes the answers. The action plan can still be updated.</p>
            <Button
              variant="primary"
              onClick={() => {
                void signOff(year.academicYear).then((result) => {
                  if (result)
                    setNotice(
                      result.ok
                        ? { tone: 'success', text: 'You have signed off the audit.' }
                        : { tone: 'warning', text: result.error.message },
                    );
                });
              }}
            >
              {signingAs === 'dsl' ? 'Sign off as DSL' : 'Sign off as safeguarding governor'}
            </Button>
          </>
        )
      ) : null}
    </section>
  );
}

function ExportButtons({ academicYear }: { academicYear: string }) {
  const exportSafeguardingAudit = useLantern((s) => s.exportSafeguardingAudit);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState(false);
  const save = (format: 'pdf' | 'docx') => {
    if (pending) return;
    setPending(true);
    void exportSafeguardingAudit({ academicYear, format })
      .then((result) => {
        if (!result) return;
        setNotice(
          !result.ok
            ? { tone: 'warning', text: result.error.message }
            : result.value.savedTo === null
              ? { tone: 'info', text: 'The audit was not saved: the save was cancelled.' }
              : { tone: 'success', text: `The audit was saved to ${result.value.savedTo}.` },
        );
      })
      .finally(() => {
        setPending(false);
      });
  };
  return (
    <>
      <StatusMessage notice={notice} />
      <div className="button-row">
        <Button
          disabled={pending}
          onClick={() => {
            save('pdf');
          }}
        >
          Save as PDF
        </Button>
        <Button
          disabled={pending}
          onClick={() => {
            save('docx');
          }}
        >
          Save as Word
        </Button>
      </div>
    </>
  );
}

function YearView({ year }: { year: AuditYear }) {
  const canManage = useCan('governance.manage');
  const options = useLantern((s) => s.auditEvidenceOptions);
  const frozen = year.signoffs.length > 0;
  const answers = new Map(year.answers.map((a) => [a.questionId, a]));
  const sections: { title: string; questions: AuditYear['questionSet'] }[] = [];
  for (const q of year.questionSet) {
    const last = sections.at(-1);
    if (last?.title === q.section) last.questions.push(q);
    else sections.push({ title: q.section, questions: [q] });
  }
  return (
    <>
      <section className="page-section" aria-labelledby="audit-progress-title">
        <h2 id="audit-progress-title">The {year.academicYear} audit</h2>
        <p className="audit-progress">{progressText(year)}.</p>
        {frozen ? <p>Signed off: the answers can no longer change.</p> : null}
        <ExportButtons academicYear={year.academicYear} />
      </section>
      {sections.map((section, i) => {
        const done = section.questions.filter((q) => answers.has(q.id)).length;
        return (
          <details key={section.title} className="page-section audit-section">
            <summary>
              <h3 id={`audit-section-${i}`} className="audit-section__title">
                {section.title}{' '}
                <span className="audit-section__count">
                  ({done} of {section.questions.length} answered)
                </span>
              </h3>
            </summary>
            {section.questions.map((q) => (
              <AuditQuestionItem
                key={q.id}
                academicYear={year.academicYear}
                question={q}
                answer={answers.get(q.id) ?? null}
                lastYear={
                  year.lastYear
                    ? {
                        academicYear: year.lastYear.academicYear,
                        rag: year.lastYear.rag[q.id] ?? null,
                      }
                    : null
                }
                actions={year.actions.filter((a) => a.questionId === q.id)}
                options={options}
                canManage={canManage}
                frozen={frozen}
              />
            ))}
          </details>
        );
      })}
      <SignOffSection year={year} />
    </>
  );
}

export function SafeguardingAuditPage() {
  const audits = useLantern((s) => s.safeguardingAudits);
  const opened = useLantern((s) => s.openedAuditYear);
  const loadAudits = useLantern((s) => s.loadSafeguardingAudits);
  const openYear = useLantern((s) => s.openAuditYear);
  const loadOptions = useLantern((s) => s.loadAuditEvidenceOptions);
  const startYear = useLantern((s) => s.startAuditYear);
  const canManage = useCan('governance.manage');
  const [chosen, setChosen] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  useEffect(() => {
    void loadAudits();
    if (canManage) void loadOptions();
  }, [loadAudits, loadOptions, canManage]);

  const list = audits.list;
  const selected = chosen ?? list?.currentYear ?? null;
  const started = list?.years.some((y) => y.academicYear === selected) ?? false;

  useEffect(() => {
    if (selected && started) void openYear(selected);
  }, [selected, started, openYear]);

  const yearOptions = list
    ? [...new Set([list.currentYear, ...list.years.map((y) => y.academicYear)])].map((y) => {
        const summary = list.years.find((s) => s.academicYear === y);
        return {
          value: y,
          label: summary ? `${y}: ${progressText(summary)}` : `${y}: not started`,
        };
      })
    : [];

  return (
    <>
      <PageHeading>Safeguarding audit</PageHeading>
      <p>
        The annual safeguarding self-assessment (section 175 / section 157): rate each question Red,
        Amber or Green, link the evidence, plan actions, then the DSL and the safeguarding governor
        sign it off. It is about the school’s arrangements: do not name children.
      </p>
      <StatusMessage notice={notice} />
      {audits.status === 'failed' && audits.error ? (
        <LoadFailure error={audits.error} onRetry={() => void loadAudits()} />
      ) : !list ? (
        <Loading text="Loading the safeguarding audits…" />
      ) : (
        <>
          <SelectField
            id="audit-year"
            label="Academic year"
            placeholder="Choose a year"
            value={selected ?? ''}
            options={yearOptions}
            onChange={(value) => {
              setNotice(null);
              setChosen(value || null);
            }}
          />
          {selected && !started ? (
            <section className="page-section" aria-labelledby="audit-start-title">
              <h2 id="audit-start-title">The {selected} audit has not been started</h2>
              {canManage ? (
                <>
                  <p>
                    Starting it copies the current question set ({list.questionSet.questions}{' '}
                    questions) into the year, so later changes to the set do not alter it.
                  </p>
                  <Button
                    variant="primary"
                    onClick={() => {
                      void startYear(selected).then((result) => {
                        if (result && !result.ok)
                          setNotice({ tone: 'warning', text: result.error.message });
                      });
                    }}
                  >
                    Start the {selected} audit
                  </Button>
                </>
              ) : (
                <p>The DSL starts it.</p>
              )}
            </section>
          ) : opened.academicYear === selected && opened.year ? (
            <YearView year={opened.year} />
          ) : opened.status === 'failed' && opened.error ? (
            <LoadFailure error={opened.error} onRetry={() => void openYear(selected ?? '')} />
          ) : (
            <Loading text="Loading the audit…" />
          )}
          {canManage ? <ImportQuestionsSection questionSet={list.questionSet} /> : null}
        </>
      )}
    </>
  );
}
