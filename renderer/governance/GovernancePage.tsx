import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';

import { academicYearOf } from '../../shared/dates/calendar-schema';
import { londonDate } from '../../shared/dates/calendar-date';
import type { GovernanceStats, StatsGrouping } from '../../shared/governance/stats';
import {
  governanceSectionTitles as titles,
  statsGroupingLabels,
  statsGroupings,
  suppressionNote,
  SUPPRESSION_THRESHOLD,
} from '../../shared/governance/stats';
import type { PublishedTable } from '../../shared/governance/suppression';
import { useCan } from '../app/use-can';
import type { Notice } from '../store';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { PageHeading } from '../ui/PageHeading';
import { SelectField } from '../ui/SelectField';
import { StatusMessage } from '../ui/StatusMessage';
import { TextField } from '../ui/TextField';
import type { Bar } from './BarChart';
import { BarChart } from './BarChart';
import { StatsTable, WithheldLegend } from './StatsTable';

/** Bars for a table's row totals (by row) or column totals (by column). */
function totals(table: PublishedTable, by: 'rows' | 'columns'): Bar[] {
  return by === 'rows'
    ? table.rows.map((label, i) => ({ label, value: table.rowTotals[i] ?? null }))
    : table.columns.map((label, j) => ({ label, value: table.columnTotals[j] ?? null }));
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="governance__section" aria-labelledby={`governance-${title}`}>
      <h2 id={`governance-${title}`}>{title}</h2>
      {children}
    </section>
  );
}

function Sections({ stats }: { stats: GovernanceStats }) {
  const period = stats.grouping === 'month' ? 'month' : 'term';
  const { duties, policies, audit } = stats;
  return (
    <>
      <Section title={titles.concerns}>
        <p>A concern in more than one category counts once in each.</p>
        <BarChart
          title="Concerns by category, whole year"
          bars={totals(stats.concernsByCategory, 'rows')}
        />
        <BarChart
          title={`Concerns by ${period}, all categories`}
          bars={totals(stats.concernsByCategory, 'columns')}
        />
        <StatsTable
          caption={`Concerns by category and ${period}`}
          table={stats.concernsByCategory}
        />
      </Section>
      <Section title={titles.decisions}>
        <BarChart title="Triage decisions, whole year" bars={totals(stats.decisions, 'rows')} />
        <StatsTable caption={`Triage decisions by ${period}`} table={stats.decisions} />
      </Section>
      <Section title={titles.lado}>
        <p>Concerns recorded as an allegation about an adult, or referred to the LADO.</p>
        <BarChart
          title="Allegations about adults, whole year"
          bars={totals(stats.lado, 'columns')}
        />
        <StatsTable caption={`Allegations about adults by ${period}`} table={stats.lado} />
      </Section>
      <Section title={titles.duties}>
        <p>
          {duties.onTimePercent === null
            ? 'The share done on time is not shown: too few duties were done to show it safely.'
            : `${duties.onTimePercent}% of the statutory duties done this year were done on time.`}
        </p>
        <BarChart
          title="Statutory duties done, whole year"
          bars={totals(duties.table, 'columns')}
        />
        <StatsTable caption="Statutory duties done, on time or late" table={duties.table} />
      </Section>
      <Section title={titles.training}>
        <p>Staff, as the training records stand today.</p>
        <BarChart title="Staff training, all kinds" bars={totals(stats.training, 'columns')} />
        <StatsTable caption="Staff by training and standing" table={stats.training} />
      </Section>
      <Section title={titles.policies}>
        <BarChart title="Policies, as they stand today" bars={totals(policies.table, 'columns')} />
        <StatsTable caption="Policies in date and overdue" table={policies.table} />
        <p>
          {policies.lastFilteringReviewMonth === null
            ? 'No review of filtering and monitoring is recorded.'
            : `Filtering and monitoring last reviewed: ${policies.lastFilteringReviewMonth}.`}
        </p>
      </Section>
      <Section title={titles.audit}>
        {audit ? (
          <>
            <BarChart title="Audit questions by rating" bars={totals(audit.table, 'columns')} />
            <StatsTable caption="Audit questions by rating" table={audit.table} />
            <p>
              Signed off by the DSL: {audit.signedByDsl ? 'yes' : 'not yet'}. Signed off by the
              governor: {audit.signedByGovernor ? 'yes' : 'not yet'}.
            </p>
          </>
        ) : (
          <p>This year’s audit has not been started.</p>
        )}
      </Section>
    </>
  );
}

/** The safeguarding team sets the threshold; governors only see its effect. */
function ThresholdForm({
  current,
  reload,
}: {
  current: number;
  reload: () => { academicYear: string; grouping: StatsGrouping };
}) {
  const save = useLantern((s) => s.saveSuppressionThreshold);
  const [text, setText] = useState(String(current));
  const [error, setError] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<Notice | null>(null);
  return (
    <form
      className="governance__threshold"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const threshold = Number(text);
        if (!Number.isInteger(threshold) || text.trim() === '') {
          setError('Enter a whole number.');
          return;
        }
        void save({ threshold }, reload()).then((result) => {
          if (!result) return;
          if (result.ok) {
            setError(undefined);
            setNotice({
              tone: 'success',
              text: `Counts below ${result.value.threshold} are now withheld.`,
            });
          } else setError(result.error.fields?.threshold ?? result.error.message);
        });
      }}
    >
      <TextField
        id="governance-threshold"
        label="Withhold counts below"
        hint={`A whole number from ${SUPPRESSION_THRESHOLD.min} to ${SUPPRESSION_THRESHOLD.max}. The usual figure is 5.`}
        inputMode="numeric"
        width="short"
        value={text}
        error={error}
        onChange={setText}
      />
      <Button type="submit">Save the threshold</Button>
      <StatusMessage notice={notice} />
    </form>
  );
}

/**
 * The governors' view (issue 7; security G8): a year's safeguarding in numbers, small ones
 * withheld, and the annual report to print. The safeguarding team sees the same page.
 */
export function GovernancePage() {
  const current = academicYearOf(londonDate(new Date()));
  const [year, setYear] = useState(current);
  const [grouping, setGrouping] = useState<StatsGrouping>('term');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [saving, setSaving] = useState(false);
  const governance = useLantern((s) => s.governance);
  const load = useLantern((s) => s.loadGovernance);
  const exportReport = useLantern((s) => s.exportGovernorsReport);
  const manage = useCan('governance.manage');
  const stats = governance.value;

  useEffect(() => {
    void load({ academicYear: year, grouping });
  }, [load, year, grouping]);

  const years = stats?.years ?? [current];
  return (
    <>
      <PageHeading>Governance</PageHeading>
      <p>
        Safeguarding at the school in numbers, for governors. No child is named and no record is
        quoted.
      </p>
      <div className="governance__pickers">
        <SelectField
          id="governance-year"
          label="Academic year"
          value={year}
          placeholder="Choose a year"
          options={years.map((y) => ({ value: y, label: y }))}
          onChange={(v) => {
            if (v !== '') setYear(v);
          }}
        />
        {manage ? (
          <SelectField
            id="governance-grouping"
            label="Show counts"
            value={grouping}
            placeholder="Choose months or terms"
            options={statsGroupings.map((g) => ({ value: g, label: statsGroupingLabels[g] }))}
            onChange={(v) => {
              if (v === 'month' || v === 'term') setGrouping(v);
            }}
          />
        ) : null}
      </div>
      <div className="governance__export">
        <Button
          variant="primary"
          disabled={saving}
          onClick={() => {
            setSaving(true);
            setNotice(null);
            void exportReport({ academicYear: year, grouping }).then((result) => {
              setSaving(false);
              if (!result) return;
              setNotice(
                !result.ok
                  ? { tone: 'warning', text: result.error.message }
                  : result.value.savedTo === null
                    ? { tone: 'info', text: 'The report was not saved: the save was cancelled.' }
                    : {
                        tone: 'success',
                        text: `The annual report for ${year} was saved to ${result.value.savedTo}.`,
                      },
              );
            });
          }}
        >
          Export the annual report (PDF)
        </Button>
        <StatusMessage notice={notice} />
      </div>
      {governance.status === 'failed' && governance.error ? (
        <LoadFailure
          title="The statistics could not be loaded"
          error={governance.error}
          onRetry={() => {
            void load({ academicYear: year, grouping });
          }}
        />
      ) : stats === null ? (
        <Loading text="Loading the statistics…" />
      ) : (
        <>
          <WithheldLegend note={suppressionNote(stats.threshold)} />
          <Sections stats={stats} />
          {manage ? (
            <ThresholdForm
              key={stats.threshold}
              current={stats.threshold}
              reload={() => ({ academicYear: year, grouping })}
            />
          ) : null}
        </>
      )}
    </>
  );
}
