import { createHash } from 'node:crypto';

import type { ParsedInput, SavedFile } from '../../shared/api';
import {
  attachmentExtensions,
  attachmentTypeLabels,
  MAX_ATTACHMENT_BYTES,
  sanitiseFileName,
  sniffAttachmentType,
  TOO_LARGE,
  WRONG_TYPE,
} from '../../shared/concerns/attachments';
import { addDays, formatCalendarDate } from '../../shared/dates/calendar-date';
import type {
  TrainingKind,
  TrainingRequirement,
  TrainingStanding,
} from '../../shared/governance/training';
import {
  DUE_SOON_DAYS,
  trainingRequirements,
  trainingStanding,
} from '../../shared/governance/training';
import type {
  PersonStanding,
  StaffImportResult,
  StaffImportRow,
  TrainingDue,
  TrainingDueItem,
  TrainingIntervalView,
  TrainingPerson,
  TrainingRegister,
} from '../../shared/training/schema';
import { kcsieEdition, kcsieEditionYear, readStaffCsv } from '../../shared/training/schema';
import { ApiFailure } from '../api-failure';
import type { Handled, HandlerContext } from '../handler';
import { signedInUserId } from '../handler';
import { newId } from '../ids';
import type { StoredAttestation, StoredPerson, StoredRecord } from './repo';

/** Whether someone is still in post on `today` (their leaving date, if any, is after it). */
function inPost(person: StoredPerson, today: string): boolean {
  return person.leavingDate === '' || person.leavingDate > today;
}

/**
 * Where someone stands on reading KCSIE Part one. Staff must read the edition in force, and a
 * new edition comes into force every 1 September, so this is decided by editions attested, not
 * by 12 months from a date: an attestation for the edition in force (or the next one, read ahead
 * of September) is in date until the following 1 September, and due soon in the 30 days before
 * it; having attested only earlier editions is overdue (due on the 1 September the current
 * edition came into force); having attested none is not recorded.
 */
export function kcsieStanding(
  attestations: readonly Pick<StoredAttestation, 'edition' | 'attestedOn'>[],
  today: string,
): TrainingStanding {
  const current = kcsieEditionYear(today);
  const years = attestations.map((a) => Number(a.edition.slice(6)));
  const dates = attestations.map((a) => a.attestedOn).sort();
  const lastCompleted = dates.at(-1) ?? null;
  if (years.length === 0) return { status: 'missing', lastCompleted: null, nextDue: null };
  const latest = Math.max(...years);
  if (latest < current) return { status: 'overdue', lastCompleted, nextDue: `${current}-09-01` };
  const nextDue = `${latest + 1}-09-01`;
  return {
    status: nextDue <= addDays(today, DUE_SOON_DAYS) ? 'due_soon' : 'in_date',
    lastCompleted,
    nextDue,
  };
}

type Standings = {
  person: StoredPerson;
  records: StoredRecord[];
  attestations: StoredAttestation[];
  standings: PersonStanding[];
};

/** The months between completions the school applies to each requirement. */
function intervalsFor(ctx: HandlerContext): Map<TrainingKind, number> {
  return new Map([...ctx.store.training.intervals()].map(([kind, v]) => [kind, v.months]));
}

function requirementsFor(person: StoredPerson, today: string): TrainingRequirement[] {
  if (!inPost(person, today)) return [];
  return trainingRequirements.filter((r) => person.groups.includes(r.audience));
}

/** Every person with their records, attestations and standing against each requirement. */
function everyone(ctx: HandlerContext): Standings[] {
  const { training } = ctx.store;
  const intervals = intervalsFor(ctx);
  const records = training.records();
  const attestations = training.attestations();
  return training.people().map((person) => {
    const own = records.filter((r) => r.personId === person.id);
    const attested = attestations.filter((a) => a.personId === person.id);
    const standings = requirementsFor(person, ctx.today).map((requirement): PersonStanding => {
      const standing =
        requirement.kind === 'kcsie_part_one'
          ? kcsieStanding(attested, ctx.today)
          : trainingStanding(
              requirement,
              own
                .filter((r) => r.kind === requirement.kind && r.withdrawal === null)
                .map((r) => r.completedOn),
              ctx.today,
              intervals.get(requirement.kind) ?? requirement.intervalMonths,
            );
      return { ...standing, kind: requirement.kind, title: requirement.title };
    });
    return { person, records: own, attestations: attested, standings };
  });
}

/**
 * For the governors' view and the annual audit: for each requirement, how many people in post
 * it applies to and how many are in date, due soon, overdue or not recorded.
 */
export function trainingCompliance(ctx: HandlerContext): {
  kind: TrainingKind;
  title: string;
  people: number;
  inDate: number;
  dueSoon: number;
  overdue: number;
  missing: number;
}[] {
  const all = everyone(ctx).flatMap((p) => p.standings);
  return trainingRequirements.map((requirement) => {
    const mine = all.filter((s) => s.kind === requirement.kind);
    const count = (status: PersonStanding['status']) =>
      mine.filter((s) => s.status === status).length;
    return {
      kind: requirement.kind,
      title: requirement.title,
      people: mine.length,
      inDate: count('in_date'),
      dueSoon: count('due_soon'),
      overdue: count('overdue'),
      missing: count('missing'),
    };
  });
}

/** Training records (not withdrawn) an audit answer may cite as evidence, newest first. */
export function trainingEvidenceOptions(
  ctx: HandlerContext,
): { kind: 'training' | 'policy' | 'filtering_review'; id: string; label: string }[] {
  const names = new Map(ctx.store.training.people().map((p) => [p.id, p.name]));
  const titles = new Map(trainingRequirements.map((r) => [r.kind, r.title]));
  return ctx.store.training
    .records()
    .filter((r) => r.withdrawal === null)
    .map((r) => ({
      kind: 'training' as const,
      id: r.id,
      label: `${names.get(r.personId) ?? 'Someone'}: ${titles.get(r.kind) ?? r.kind}, ${formatCalendarDate(r.completedOn)}${r.evidence ? ' (evidence attached)' : ''}`,
    }));
}

function view(s: Standings): TrainingPerson {
  return { ...s.person, standings: s.standings, records: s.records, attestations: s.attestations };
}

function intervals(ctx: HandlerContext): TrainingIntervalView[] {
  const set = ctx.store.training.intervals();
  return trainingRequirements.map((r) => {
    const own = set.get(r.kind);
    return {
      kind: r.kind,
      title: r.title,
      defaultMonths: r.intervalMonths,
      months: own?.months ?? r.intervalMonths,
      confirmed: r.confirmed,
      frequencyText: r.frequencyText,
      source: r.source,
      setAt: own?.setAt ?? null,
      setByName: own ? own.setByName : null,
    };
  });
}

export function listTraining(ctx: HandlerContext): Handled<TrainingRegister> {
  const people = everyone(ctx);
  return {
    value: {
      today: ctx.today,
      editionInForce: kcsieEdition(kcsieEditionYear(ctx.today)),
      people: people.map(view),
      intervals: intervals(ctx),
    },
    recordIds: people.map((p) => p.person.id),
  };
}

function existingPerson(ctx: HandlerContext, id: string): StoredPerson {
  const person = ctx.store.training.person(id);
  if (!person)
    throw new ApiFailure('not_found', 'There is no such person on the training register.');
  return person;
}

function onePerson(ctx: HandlerContext, id: string): TrainingPerson {
  const found = everyone(ctx).find((p) => p.person.id === id);
  if (!found)
    throw new ApiFailure('not_found', 'There is no such person on the training register.');
  return view(found);
}

type PersonFields = ParsedInput<'training.addPerson'>;

function personProblems(ctx: HandlerContext, input: PersonFields, id: string | null): void {
  const fields: Record<string, string> = {};
  if (input.leavingDate !== '' && input.leavingDate < input.startDate)
    fields.leavingDate = 'The leaving date must be on or after the start date.';
  const same = ctx.store.training.personByNameAndStart(input.name, input.startDate);
  if (same && same.id !== id)
    fields.name = 'Someone with this name and start date is already on the register.';
  if (input.userId !== null) {
    if (!ctx.store.users.get(input.userId)) fields.userId = 'There is no such Lantern account.';
    else {
      const linked = ctx.store.training.personForUser(input.userId);
      if (linked && linked.id !== id)
        fields.userId = `That account is already linked to ${linked.name}.`;
    }
  }
  if (Object.keys(fields).length > 0)
    throw new ApiFailure('invalid_input', 'Some details need correcting.', fields);
}

export function addPerson(
  ctx: HandlerContext,
  input: ParsedInput<'training.addPerson'>,
): Handled<TrainingPerson> {
  personProblems(ctx, input, null);
  const id = newId(ctx.now);
  ctx.store.training.addPerson(id, input, ctx.now.toISOString(), signedInUserId(ctx));
  return { value: onePerson(ctx, id), recordIds: [id] };
}

export function updatePerson(
  ctx: HandlerContext,
  input: ParsedInput<'training.updatePerson'>,
): Handled<TrainingPerson> {
  const { id, ...fields } = input;
  existingPerson(ctx, id);
  personProblems(ctx, fields, id);
  ctx.store.training.updatePerson(id, fields, ctx.now.toISOString(), signedInUserId(ctx));
  return { value: onePerson(ctx, id), recordIds: [id] };
}

function refuse(field: string, message: string): never {
  throw new ApiFailure('invalid_input', message, { [field]: message });
}

export function recordTraining(
  ctx: HandlerContext,
  input: ParsedInput<'training.record'>,
): Handled<TrainingPerson> {
  existingPerson(ctx, input.personId);
  if (input.kind === 'kcsie_part_one')
    refuse('kind', 'Record reading KCSIE Part one as an attestation for the edition read.');
  if (input.completedOn > ctx.today)
    refuse('completedOn', 'The date completed cannot be in the future.');
  let evidence = null;
  if (input.evidence) {
    const data = Buffer.from(input.evidence.dataBase64, 'base64');
    if (data.length === 0) refuse('evidence', 'The file is empty. Choose another.');
    if (data.length > MAX_ATTACHMENT_BYTES) refuse('evidence', TOO_LARGE);
    const type = sniffAttachmentType(data);
    if (!type) refuse('evidence', WRONG_TYPE);
    evidence = {
      data,
      type,
      name: sanitiseFileName(input.evidence.fileName, type),
      sha256: createHash('sha256').update(data).digest('hex'),
    };
  }
  const id = newId(ctx.now);
  ctx.store.training.addRecord({
    id,
    personId: input.personId,
    kind: input.kind,
    completedOn: input.completedOn,
    provider: input.provider,
    notes: input.notes,
    evidence,
    recordedAt: ctx.now.toISOString(),
    recordedBy: signedInUserId(ctx),
  });
  return { value: onePerson(ctx, input.personId), recordIds: [id, input.personId] };
}

export function withdrawTraining(
  ctx: HandlerContext,
  input: ParsedInput<'training.withdraw'>,
): Handled<TrainingPerson> {
  const record = ctx.store.training.record(input.recordId);
  if (!record) throw new ApiFailure('not_found', 'There is no such training record.');
  if (record.withdrawal)
    throw new ApiFailure('conflict', 'That training record has already been withdrawn.');
  ctx.store.training.withdraw(record.id, input.reason, ctx.now.toISOString(), signedInUserId(ctx));
  return { value: onePerson(ctx, record.personId), recordIds: [record.id, record.personId] };
}

export function attestKcsie(
  ctx: HandlerContext,
  input: ParsedInput<'training.attest'>,
): Handled<TrainingPerson> {
  existingPerson(ctx, input.personId);
  if (input.attestedOn > ctx.today) refuse('attestedOn', 'The date read cannot be in the future.');
  const latest = kcsieEditionYear(ctx.today) + 1;
  if (Number(input.edition.slice(6)) > latest)
    refuse('edition', `Choose ${kcsieEdition(latest)} or an earlier edition.`);
  if (ctx.store.training.hasAttestation(input.personId, input.edition))
    refuse('edition', `This person’s reading of ${input.edition} is already recorded.`);
  const id = newId(ctx.now);
  ctx.store.training.attest(
    id,
    input.personId,
    input.edition,
    input.attestedOn,
    ctx.now.toISOString(),
    signedInUserId(ctx),
  );
  return { value: onePerson(ctx, input.personId), recordIds: [id, input.personId] };
}

/**
 * A staff CSV, previewed row by row or applied. A row matches an existing person by name and
 * start date: unchanged when the job title and groups are the same, an update when not, new
 * otherwise; so importing the same file twice changes nothing. Applying refuses the whole file
 * when any row has a problem.
 */
export function importStaff(
  ctx: HandlerContext,
  input: ParsedInput<'training.importStaff'>,
): Handled<StaffImportResult> {
  const { fileProblems, rows } = readStaffCsv(input.csv);
  const seen = new Set<string>();
  const plan = rows.map((r) => {
    const problems = [...r.problems];
    const key = r.row ? `${r.row.name.toLowerCase()}|${r.row.startDate}` : null;
    if (key !== null) {
      if (seen.has(key)) problems.push('This person appears more than once in the file.');
      seen.add(key);
    }
    const existing = r.row
      ? ctx.store.training.personByNameAndStart(r.row.name, r.row.startDate)
      : null;
    const outcome: StaffImportRow['outcome'] =
      problems.length > 0 || !r.row
        ? 'error'
        : !existing
          ? 'new'
          : existing.jobTitle === r.row.jobTitle &&
              JSON.stringify(existing.groups) === JSON.stringify(r.row.groups)
            ? 'unchanged'
            : 'update';
    return { line: r.line, name: r.name, outcome, problems, row: r.row, existing };
  });
  const counts = { new: 0, update: 0, unchanged: 0, error: 0 };
  for (const p of plan) counts[p.outcome] += 1;
  const canApply = input.apply && fileProblems.length === 0 && counts.error === 0;
  if (input.apply && !canApply)
    throw new ApiFailure(
      'invalid_input',
      'Nothing was imported: correct the rows with problems and import the file again.',
    );
  const recordIds: string[] = [];
  if (canApply) {
    const at = ctx.now.toISOString();
    const by = signedInUserId(ctx);
    for (const p of plan) {
      if (!p.row || p.outcome === 'unchanged') continue;
      if (p.existing) {
        ctx.store.training.updatePerson(
          p.existing.id,
          { ...p.existing, jobTitle: p.row.jobTitle, groups: p.row.groups },
          at,
          by,
        );
        recordIds.push(p.existing.id);
      } else {
        const id = newId(ctx.now);
        ctx.store.training.addPerson(id, { ...p.row, leavingDate: '', userId: null }, at, by);
        recordIds.push(id);
      }
    }
  }
  return {
    value: {
      applied: canApply,
      counts,
      fileProblems,
      rows: plan.map(({ line, name, outcome, problems }) => ({ line, name, outcome, problems })),
    },
    recordIds,
  };
}

export function setTrainingInterval(
  ctx: HandlerContext,
  input: ParsedInput<'training.setInterval'>,
): Handled<TrainingIntervalView[]> {
  const id = newId(ctx.now);
  ctx.store.training.setInterval(
    id,
    input.kind,
    input.months,
    ctx.now.toISOString(),
    signedInUserId(ctx),
  );
  return { value: intervals(ctx), recordIds: [id] };
}

export async function saveTrainingEvidence(
  ctx: HandlerContext,
  input: ParsedInput<'training.evidence'>,
): Promise<Handled<SavedFile>> {
  const record = ctx.store.training.record(input.recordId);
  const data = record ? ctx.store.training.evidence(record.id) : null;
  if (!record?.evidence || !data)
    throw new ApiFailure('not_found', 'That training record has no evidence file.');
  const type = record.evidence.mediaType;
  const savedTo = await ctx.platform.saveFile(
    {
      suggestedName: record.evidence.fileName,
      title: 'Save a copy of the training evidence',
      filters: [{ name: attachmentTypeLabels[type], extensions: [attachmentExtensions[type]] }],
    },
    data,
  );
  return { value: { savedTo }, recordIds: [record.id, record.personId] };
}

/** Who is overdue, not recorded or due within 30 days, most urgent first. */
export function trainingDue(ctx: HandlerContext): Handled<TrainingDue> {
  const items: TrainingDueItem[] = [];
  for (const { person, standings } of everyone(ctx)) {
    for (const s of standings) {
      if (s.status === 'in_date') continue;
      items.push({
        personId: person.id,
        name: person.name,
        kind: s.kind,
        title: s.title,
        status: s.status,
        nextDue: s.nextDue,
      });
    }
  }
  const rank = { overdue: 0, missing: 1, due_soon: 2 } as const;
  items.sort(
    (a, b) =>
      rank[a.status] - rank[b.status] ||
      (a.nextDue ?? '').localeCompare(b.nextDue ?? '') ||
      a.name.localeCompare(b.name),
  );
  const count = (status: TrainingDueItem['status']) =>
    items.filter((i) => i.status === status).length;
  return {
    value: {
      overdue: count('overdue'),
      dueSoon: count('due_soon'),
      missing: count('missing'),
      items,
    },
    recordIds: [...new Set(items.map((i) => i.personId))],
  };
}
