/**
 * The referral pack (shared/exports/pack.ts): what the form offers (packOptions), the preview
 * built from the child's case file with the chosen redactions (packPreview), the export that
 * renders that same preview as a PDF, saves it and records it (exportPack), and the record of
 * what was sent (packHistory).
 */
import type { ParsedInput } from '../../shared/api';
import { roleLabels } from '../../shared/auth/roles';
import { decisionLabels } from '../../shared/casework/schema';
import { levelChangeTitle } from '../../shared/casework/levels';
import { chronologySourceLabels } from '../../shared/chronology/schema';
import type { ChronologyEntry } from '../../shared/chronology/schema';
import {
  contactRoleName,
  livesWithChildLabels,
  parentalResponsibilityLabels,
  relationshipName,
} from '../../shared/children/family';
import { designationName } from '../../shared/children/designations';
import { displayName, genderLabels, yearGroupLabel } from '../../shared/children/schema';
import type { BodyView } from '../../shared/concerns/body-map';
import { bodyViews, markKindLabels, markPlace } from '../../shared/concerns/body-map';
import { attachmentTypeLabels, formatFileSize } from '../../shared/concerns/attachments';
import type { Concern } from '../../shared/concerns/schema';
import {
  childRoleLabels,
  concernFlagLabels,
  concernFlagNames,
  occurredText,
} from '../../shared/concerns/schema';
import { categoryLabel } from '../../shared/concerns/taxonomy';
import { formatCalendarDate, formatInstant } from '../../shared/dates/calendar-date';
import { dutyStatusLabels } from '../../shared/duties/schema';
import { evidenceMethodLabels } from '../../shared/duties/rules';
import type { CaseFile } from '../../shared/exports/case-file';
import type {
  PackBlock,
  PackExported,
  PackHistoryItem,
  PackOptions,
  PackPreview,
  PackSection,
  PackText,
  ParsedPackRequest,
  ThirdParty,
} from '../../shared/exports/pack';
import { ApiFailure } from '../api-failure';
import { registeredChild } from '../children/service';
import { getCurated } from '../chronology/curated';
import { PROTECTIVE_MARKING } from '../documents/pdf';
import type { Handled, HandlerContext } from '../handler';
import { caseFile } from './case-file';
import { packPdf } from './pack-pdf';
import type { RedactionTarget, Redactor } from './pack-redact';
import { redactor } from './pack-redact';
import { recordExport } from './record';

const fieldError = (field: string, message: string): ApiFailure =>
  new ApiFailure('invalid_input', 'Some details need correcting.', { [field]: message });

function concernWhen(c: Concern): string {
  return occurredText(c.occurredAt, c.occurredAtApprox);
}

/** Each third party with what identifies them: the names and contact details to redact. */
export function thirdParties(file: CaseFile): (ThirdParty & RedactionTarget)[] {
  const out = new Map<string, ThirdParty & RedactionTarget>();
  for (const a of file.family.adults)
    out.set(`adult:${a.id}`, {
      id: `adult:${a.id}`,
      name: a.name,
      description: relationshipName(a),
      names: [a.name],
      // The address of a household the child lives in is the child's own address too.
      details: a.livesWithChild === 'yes' ? [a.phone, a.email] : [a.phone, a.email, a.address],
    });
  for (const f of file.family.families)
    for (const s of f.siblings)
      out.set(`child:${s.id}`, {
        id: `child:${s.id}`,
        name: displayName(s),
        description: 'Brother or sister',
        names: [
          `${s.legalForename} ${s.legalSurname}`,
          `${s.preferredForename} ${s.preferredSurname}`,
        ],
        details: [],
      });
  for (const { concern } of [...file.concerns].reverse())
    for (const c of concern.children) {
      if (c.childId === file.child.id || out.has(`child:${c.childId}`)) continue;
      out.set(`child:${c.childId}`, {
        id: `child:${c.childId}`,
        name: c.name,
        description: `${childRoleLabels[c.role]} (concern of ${formatCalendarDate(concern.occurredAt.slice(0, 10))})`,
        names: [c.name],
        details: [],
      });
    }
  return [...out.values()];
}

/** The child's own names: words of a third party's name that are also these stay unredacted. */
export function childNames(file: CaseFile): string[] {
  const c = file.child;
  return [c.legalForename, c.legalSurname, c.preferredForename, c.preferredSurname];
}

export function packOptions(
  ctx: HandlerContext,
  input: ParsedInput<'packs.options'>,
): Handled<PackOptions> {
  const file = caseFile(ctx, input.childId);
  const newest = [...file.concerns].reverse();
  return {
    value: {
      childName: displayName(file.child),
      concerns: newest.map(({ concern }) => ({
        id: concern.id,
        occurredAt: concernWhen(concern),
        categories: concern.categories.map(categoryLabel),
        role: childRoleLabels[
          concern.children.find((c) => c.childId === file.child.id)?.role ?? 'subject'
        ],
      })),
      curated: ctx.store.curatedChronologies
        .forChild(file.child.id)
        .map((c) => ({ id: c.id, title: c.title, entryCount: c.entryCount })),
      attachments: newest.flatMap(({ concern }) =>
        concern.attachments.map((a) => ({
          id: a.id,
          concernId: concern.id,
          fileName: a.fileName,
          mediaType: a.mediaType,
          size: a.size,
        })),
      ),
      thirdParties: thirdParties(file).map(({ id, name, description }) => ({
        id,
        name,
        description,
      })),
    },
    recordIds: [file.child.id],
  };
}

type Built = { preview: PackPreview; file: CaseFile };

/** Everything the preview and the PDF share, checked against the child's file. */
function build(ctx: HandlerContext, input: ParsedPackRequest): Built {
  const file = caseFile(ctx, input.childId);
  const chosen = file.concerns.filter((c) => input.concernIds.includes(c.concern.id));
  if (chosen.length !== input.concernIds.length)
    throw fieldError('concernIds', 'Choose only concerns about this child.');
  const attachments = chosen.flatMap((c) => c.concern.attachments);
  const picked = input.attachmentIds.map((id) => attachments.find((a) => a.id === id));
  if (picked.some((a) => a === undefined))
    throw fieldError('attachmentIds', 'Choose only attachments of the chosen concerns.');
  const parties = thirdParties(file);
  if (input.redactThirdParties) {
    const known = new Set(parties.map((p) => p.id));
    if (input.redact.some((id) => !known.has(id)))
      throw fieldError('redact', 'Choose only people listed as third parties for this child.');
  }
  const redact = redactor(
    input.redactThirdParties ? parties.filter((p) => input.redact.includes(p.id)) : [],
    childNames(file),
  );
  const chronology = chronologyRows(ctx, input, file, redact);

  const sections: PackSection[] = [childSection(file)];
  if (input.sections.family) sections.push(familySection(file, redact));
  if (input.sections.designations) sections.push(designationsSection(file, redact));
  sections.push(concernsSection(file, chosen, input, redact));
  if (chronology) sections.push(chronology);
  if (input.sections.actions) sections.push(actionsSection(chosen, redact));
  if (input.sections.duties) sections.push(dutiesSection(ctx, file, input, redact));
  if (input.sections.attachmentIndex && attachments.length > 0)
    sections.push({
      heading: 'Index of attachments',
      blocks: [
        {
          kind: 'table',
          columns: ['File', 'Type and size', 'SHA-256', 'In this pack'],
          widths: [3, 2, 4, 2],
          rows: attachments.map((a) => [
            redact(a.fileName),
            plain(`${attachmentTypeLabels[a.mediaType]}, ${formatFileSize(a.size)}`),
            plain(a.sha256),
            plain(
              !input.attachmentIds.includes(a.id)
                ? 'Not included'
                : a.mediaType === 'application/pdf'
                  ? 'Pages appended at the end'
                  : 'Shown under “Attachments”',
            ),
          ]),
        },
      ],
    });
  const images = picked.filter((a) => a !== undefined && a.mediaType !== 'application/pdf');
  if (images.length > 0)
    sections.push({
      heading: 'Attachments',
      blocks: images.flatMap((a) =>
        a
          ? [{ kind: 'image' as const, attachmentId: a.id, caption: captionOf(redact, a.fileName) }]
          : [],
      ),
    });
  const appended = picked.flatMap((a) =>
    a && a.mediaType === 'application/pdf'
      ? [{ attachmentId: a.id, fileName: captionOf(redact, a.fileName), sha256: a.sha256 }]
      : [],
  );

  const user = ctx.session.user;
  const school = file.school;
  const preview: PackPreview = {
    title: `Referral pack: ${displayName(file.child)}`,
    cover: [
      { label: 'Protective marking', value: PROTECTIVE_MARKING },
      { label: 'To', value: input.recipient },
      { label: 'Reference', value: input.reference },
      { label: 'Date', value: formatCalendarDate(ctx.today) },
      {
        label: 'From',
        value: school
          ? `${school.name} (URN ${school.urn}), ${school.localAuthority}`
          : 'The school',
      },
      {
        label: 'Prepared by',
        value: user ? `${user.displayName}, ${roleLabels[user.role]}` : 'Unknown',
      },
      {
        label: 'Child',
        value: `${displayName(file.child)}, born ${formatCalendarDate(file.child.dateOfBirth)}`,
      },
      {
        label: 'Contents',
        value:
          sections.map((s) => s.heading).join('; ') +
          (appended.length > 0 ? `; ${appended.length} PDF attachment(s) appended` : ''),
      },
      {
        label: 'Third parties',
        value:
          (redact.count() > 0
            ? `Names and details of third parties are redacted (${redact.count()} places).`
            : 'Not redacted.') +
          (appended.length > 0
            ? ' Appended PDF attachments are copied as they are: nothing inside them is redacted.'
            : ''),
      },
    ],
    sections,
    appended,
    redactions: redact.count(),
    pageEstimate: 0,
  };
  preview.pageEstimate = estimatePages(preview);
  return { preview, file };
}

function captionOf(redact: Redactor, fileName: string): string {
  return redact(fileName)
    .map((r) => r.text)
    .join('');
}

function plain(text: string): PackText {
  return [{ text, redacted: false }];
}

function childSection(file: CaseFile): PackSection {
  const c = file.child;
  return {
    heading: 'The child',
    blocks: [
      {
        kind: 'fields',
        rows: [
          { label: 'Name', value: plain(displayName(c)) },
          { label: 'Date of birth', value: plain(formatCalendarDate(c.dateOfBirth)) },
          { label: 'Gender', value: plain(genderLabels[c.gender]) },
          { label: 'UPN', value: plain(c.upn === '' ? 'Not recorded' : c.upn) },
          { label: 'Year group', value: plain(yearGroupLabel(c.yearGroup)) },
          { label: 'Admitted', value: plain(formatCalendarDate(c.admissionDate)) },
          ...(c.leavingDate === ''
            ? []
            : [{ label: 'Leaving date', value: plain(formatCalendarDate(c.leavingDate)) }]),
          {
            label: 'Lives at',
            value: plain(
              file.family.adults.find((a) => a.livesWithChild === 'yes')?.address || 'Not recorded',
            ),
          },
        ],
      },
    ],
  };
}

function familySection(file: CaseFile, redact: Redactor): PackSection {
  const { adults, families, contacts } = file.family;
  const siblings = families.flatMap((f) => f.siblings);
  const blocks: PackBlock[] = [{ kind: 'subheading', text: plain('Parents, carers and family') }];
  blocks.push(
    adults.length === 0
      ? { kind: 'note', text: 'No family adults are recorded.' }
      : {
          kind: 'table',
          columns: [
            'Name',
            'Relationship',
            'Parental responsibility',
            'Lives with the child',
            'Contact',
            'Restrictions',
          ],
          widths: [3, 2, 2, 1.4, 4, 3],
          rows: adults.map((a) => [
            redact(a.name),
            plain(relationshipName(a)),
            plain(parentalResponsibilityLabels[a.parentalResponsibility]),
            plain(livesWithChildLabels[a.livesWithChild]),
            redact(
              [a.phone, a.email, a.address].filter((s) => s !== '').join('\n') || 'None recorded',
            ),
            redact(a.contactRestrictions || 'None'),
          ]),
        },
  );
  blocks.push({ kind: 'subheading', text: plain('Brothers and sisters') });
  blocks.push(
    siblings.length === 0
      ? { kind: 'note', text: 'No brothers or sisters are recorded at this school.' }
      : {
          kind: 'table',
          columns: ['Name', 'Date of birth', 'Year group'],
          widths: [3, 2, 2],
          rows: siblings.map((s) => [
            redact(displayName(s)),
            plain(formatCalendarDate(s.dateOfBirth)),
            plain(yearGroupLabel(s.yearGroup)),
          ]),
        },
  );
  blocks.push({ kind: 'subheading', text: plain('Professionals involved') });
  blocks.push(
    contacts.length === 0
      ? { kind: 'note', text: 'No professionals are recorded.' }
      : {
          kind: 'table',
          columns: ['Role', 'Name and organisation', 'Contact', 'Involved'],
          widths: [2, 3, 3, 2],
          rows: contacts.map((c) => [
            plain(contactRoleName(c)),
            redact([c.name, c.organisation].filter((s) => s !== '').join(', ')),
            redact([c.phone, c.email].filter((s) => s !== '').join('\n') || 'None recorded'),
            plain(
              `${formatCalendarDate(c.startDate)} to ${c.endDate === '' ? 'now' : formatCalendarDate(c.endDate)}`,
            ),
          ]),
        },
  );
  return { heading: 'Family and professionals', blocks };
}

function designationsSection(file: CaseFile, redact: Redactor): PackSection {
  return {
    heading: 'Designations',
    blocks: [
      file.designations.length === 0
        ? { kind: 'note', text: 'None recorded.' }
        : {
            kind: 'table',
            columns: ['Designation', 'From', 'To', 'Notes'],
            widths: [3, 2, 2, 5],
            rows: file.designations.map((d) => [
              plain(designationName(d)),
              plain(formatCalendarDate(d.startDate)),
              plain(d.endDate === '' ? 'Current' : formatCalendarDate(d.endDate)),
              redact(d.notes),
            ]),
          },
    ],
  };
}

function concernsSection(
  file: CaseFile,
  chosen: CaseFile['concerns'],
  input: ParsedPackRequest,
  redact: Redactor,
): PackSection {
  const blocks: PackBlock[] = [];
  for (const { concern } of chosen) {
    const role = concern.children.find((c) => c.childId === file.child.id)?.role ?? 'subject';
    const others = concern.children.filter((c) => c.childId !== file.child.id);
    const flags = concernFlagNames.filter((f) => concern.flags[f]).map((f) => concernFlagLabels[f]);
    blocks.push({ kind: 'subheading', text: plain(`Concern: ${concernWhen(concern)}`) });
    blocks.push({
      kind: 'fields',
      rows: [
        {
          label: 'Recorded by',
          value: redact(`${concern.recordedByName}, ${formatInstant(concern.recordedAt)}`),
        },
        { label: 'Where', value: redact(concern.location || 'Not recorded') },
        {
          label: 'Categories',
          value: plain(concern.categories.map(categoryLabel).join('; ') || 'Not chosen'),
        },
        { label: 'The child’s role', value: plain(childRoleLabels[role]) },
        ...(others.length === 0
          ? []
          : [
              {
                label: 'Other children',
                value: others.flatMap((c, i) => [
                  ...(i > 0 ? plain('; ') : []),
                  ...redact(c.name),
                  ...plain(` (${childRoleLabels[c.role].toLowerCase()})`),
                ]),
              },
            ]),
        ...(flags.length === 0 ? [] : [{ label: 'Flags', value: plain(flags.join('; ')) }]),
      ],
    });
    const para = (label: string, text: string, tone: 'plain' | 'words' | 'opinion') =>
      text === '' ? [] : [{ kind: 'paragraph' as const, label, text: redact(text), tone }];
    blocks.push(
      ...para('What happened (facts)', concern.summary, 'plain'),
      ...para('The child’s own words', concern.childWords, 'words'),
      ...para(
        'Opinion of the person recording (kept apart from the facts)',
        concern.opinion,
        'opinion',
      ),
      ...para('What was done', concern.actionsTaken, 'plain'),
      ...para('Who else was told', concern.peopleTold, 'plain'),
    );
    for (const a of concern.addenda)
      blocks.push({
        kind: 'paragraph',
        label: `Correction, ${formatInstant(a.addedAt)}, by ${a.addedByName}`,
        text: [...redact(a.text), ...plain(' (reason: '), ...redact(a.reason), ...plain(')')],
        tone: 'plain',
      });
    if (input.sections.bodyMaps)
      for (const view of bodyViews) {
        const marks = concern.bodyMap
          .map((m, i) => ({ ...m, n: i + 1 }))
          .filter((m) => m.view === view);
        if (marks.length > 0) blocks.push(bodyMapBlock(view, marks, redact));
      }
  }
  return { heading: chosen.length === 1 ? 'The concern' : 'The concerns', blocks };
}

function bodyMapBlock(
  view: BodyView,
  marks: (Concern['bodyMap'][number] & { n: number })[],
  redact: Redactor,
): PackBlock {
  return {
    kind: 'bodyMap',
    view,
    marks: marks.map(({ x, y, kind, n }) => ({ x, y, kind, n })),
    legend: marks.map((m) => ({
      n: m.n,
      text: [
        ...plain(`${markPlace(m)} (${markKindLabels[m.kind].toLowerCase()}): `),
        ...redact(m.description),
      ],
    })),
  };
}

function entryText(entry: ChronologyEntry, redact: Redactor): PackText {
  const head = entry.significant && entry.headline !== '' ? entry.headline : entry.title;
  return entry.detail === ''
    ? redact(head)
    : [...redact(head), ...plain('\n'), ...redact(entry.detail)];
}

function chronologyRows(
  ctx: HandlerContext,
  input: ParsedPackRequest,
  file: CaseFile,
  redact: Redactor,
): PackSection | null {
  if (input.chronology === 'none') return null;
  const when = (e: ChronologyEntry) => plain(occurredText(e.occurredAt, e.approx));
  const source = (e: ChronologyEntry) =>
    redact(`${chronologySourceLabels[e.source]}, recorded by ${e.recordedByName}`);
  if (input.chronology === 'all' || input.chronology === 'significant') {
    const entries =
      input.chronology === 'all' ? file.chronology : file.chronology.filter((e) => e.significant);
    return {
      heading:
        input.chronology === 'all' ? 'Chronology (all entries)' : 'Chronology (significant events)',
      blocks: [
        entries.length === 0
          ? { kind: 'note', text: 'No entries.' }
          : {
              kind: 'table',
              columns: ['Date', 'Event', 'Source'],
              widths: [2, 6, 2.5],
              rows: entries.map((e) => [when(e), entryText(e, redact), source(e)]),
            },
      ],
    };
  }
  const chosenId = input.chronology;
  const curated = ctx.store.curatedChronologies.get(chosenId);
  if (curated?.childId !== file.child.id)
    throw fieldError('chronology', 'Choose a curated chronology of this child.');
  const full = getCurated(ctx, { id: chosenId }).value;
  const purpose: PackBlock[] =
    full.purpose === ''
      ? []
      : [{ kind: 'paragraph', label: 'Purpose', text: redact(full.purpose), tone: 'plain' }];
  return {
    heading: `Chronology: ${full.title}`,
    blocks: [
      ...purpose,
      {
        kind: 'table',
        columns: ['Date', 'Event', 'Source', 'Analysis'],
        widths: [2, 5, 2.2, 4],
        rows: full.entries.map(({ entry, analysis }) => [
          when(entry),
          entry.childId === file.child.id
            ? entryText(entry, redact)
            : [...redact(`${entry.childName}: `), ...entryText(entry, redact)],
          source(entry),
          redact(analysis),
        ]),
      },
    ],
  };
}

function actionsSection(chosen: CaseFile['concerns'], redact: Redactor): PackSection {
  const blocks: PackBlock[] = [];
  for (const { concern, triage } of chosen) {
    blocks.push({ kind: 'subheading', text: plain(`Concern: ${concernWhen(concern)}`) });
    for (const l of triage.levels)
      blocks.push({
        kind: 'paragraph',
        label: `${levelChangeTitle(l.previous, l.level)}, ${formatInstant(l.setAt)}, by ${l.setByName}`,
        text: redact(l.rationale),
        tone: 'plain',
      });
    blocks.push(
      triage.decisions.length === 0
        ? { kind: 'note', text: 'No decisions recorded.' }
        : {
            kind: 'table',
            columns: ['Decision', 'Rationale', 'By and when'],
            widths: [3, 5, 3],
            rows: triage.decisions.map((d) => [
              redact(
                d.kind === 'other'
                  ? d.description
                  : d.kind === 'monitor'
                    ? `${decisionLabels[d.kind]} (review ${formatCalendarDate(d.reviewDate)})`
                    : decisionLabels[d.kind],
              ),
              redact(d.rationale),
              plain(`${d.decidedByName}, ${formatInstant(d.decidedAt)}`),
            ]),
          },
    );
    if (triage.actions.length > 0)
      blocks.push({
        kind: 'table',
        columns: ['Action', 'Who', 'Due', 'Done'],
        widths: [5, 2.5, 2, 4],
        rows: triage.actions.map((a) => [
          redact(a.description),
          plain(a.ownerName),
          plain(formatCalendarDate(a.dueDate)),
          a.completedAt === null
            ? plain('Not yet')
            : [
                ...plain(`${formatInstant(a.completedAt)}, ${a.completedByName ?? ''}: `),
                ...redact(a.completionNote ?? ''),
              ],
        ]),
      });
    for (const c of triage.closures)
      blocks.push({
        kind: 'paragraph',
        label: `Closed ${formatInstant(c.closedAt)} by ${c.closedByName}`,
        text: [
          ...redact(c.summary),
          ...plain(' Follow-up: '),
          ...redact(c.followUp),
          ...plain(' Outcome: '),
          ...redact(c.outcome),
        ],
        tone: 'plain',
      });
  }
  return { heading: 'Actions and decisions', blocks };
}

function dutiesSection(
  ctx: HandlerContext,
  file: CaseFile,
  input: ParsedPackRequest,
  redact: Redactor,
): PackSection {
  const duties = file.duties.filter(
    (d) => d.concernId === null || input.concernIds.includes(d.concernId),
  );
  return {
    heading: 'Statutory duties',
    blocks: [
      duties.length === 0
        ? { kind: 'note', text: 'No statutory duties for these concerns.' }
        : {
            kind: 'table',
            columns: ['Duty', 'Due', 'Status', 'Evidence'],
            widths: [4, 2.4, 2, 4],
            rows: duties.map((d) => {
              const closing = ctx.store.duties
                .events(d.id)
                .filter(
                  (e) =>
                    e.kind === 'discharged' ||
                    e.kind === 'not_applicable' ||
                    e.kind === 'exception',
                )
                .at(-1);
              const evidence = closing
                ? [
                    closing.at === null ? '' : occurredText(closing.at, false),
                    closing.recipient,
                    closing.method === null ? '' : evidenceMethodLabels[closing.method],
                    closing.reference === '' ? '' : `ref. ${closing.reference}`,
                    closing.text,
                  ]
                    .filter((s) => s !== '')
                    .join('; ')
                : '';
              return [
                plain(d.title),
                plain(d.dueBy === null ? 'No fixed deadline' : formatInstant(d.dueBy)),
                plain(dutyStatusLabels[d.status]),
                redact(evidence === '' ? 'None recorded yet' : evidence),
              ];
            }),
          },
    ],
  };
}

/** About 90 characters to a line and 46 lines to a page of A4 in 10 pt. */
function estimatePages(preview: PackPreview): number {
  const lines = (text: string, width = 90) =>
    text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(l.length / width)), 0);
  let total = 0;
  for (const s of preview.sections) {
    total += 3;
    for (const b of s.blocks) {
      if (b.kind === 'subheading' || b.kind === 'note') total += 2;
      else if (b.kind === 'paragraph') total += 1 + lines(b.text.map((r) => r.text).join(''));
      else if (b.kind === 'fields') total += b.rows.length;
      else if (b.kind === 'bodyMap') total += 24;
      else if (b.kind === 'image') total += 40;
      else {
        const sum = b.widths.reduce((a, w) => a + w, 0);
        for (const row of b.rows)
          total +=
            0.5 +
            Math.max(
              ...row.map((cell, i) =>
                lines(
                  cell.map((r) => r.text).join(''),
                  Math.max(8, (90 * (b.widths[i] ?? 1)) / sum),
                ),
              ),
            );
      }
    }
  }
  return 1 + Math.ceil(total / 46);
}

export function packPreview(
  ctx: HandlerContext,
  input: ParsedInput<'packs.preview'>,
): Handled<PackPreview> {
  const { preview, file } = build(ctx, input);
  return { value: preview, recordIds: [file.child.id, ...input.concernIds] };
}

export async function exportPack(
  ctx: HandlerContext,
  input: ParsedInput<'packs.export'>,
): Promise<Handled<PackExported>> {
  const { preview, file } = build(ctx, input);
  const attachments = new Map(
    [...preview.sections.flatMap((s) => s.blocks), ...preview.appended].flatMap((b) => {
      if (!('attachmentId' in b)) return [];
      const stored = ctx.store.attachments.get(b.attachmentId);
      return stored ? [[b.attachmentId, stored] as const] : [];
    }),
  );
  const { pdf, pages } = await packPdf(preview, input.reference, attachments);
  const name =
    `${file.child.legalSurname}-${file.child.legalForename}-referral-pack-${ctx.today}.pdf`.replace(
      /[^A-Za-z0-9._-]+/g,
      '-',
    );
  const savedTo = await ctx.platform.saveFile(
    {
      suggestedName: name,
      title: 'Save the referral pack',
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    },
    pdf,
  );
  const recordIds = [file.child.id, ...input.concernIds];
  if (savedTo === null) return { value: { savedTo, pages }, recordIds };
  const exportId = ctx.commit(recordIds, () =>
    recordExport(
      ctx,
      {
        childId: file.child.id,
        kind: 'referral_pack',
        form: '',
        format: 'pdf',
        recipient: input.recipient,
        reference: input.reference,
        concernIds: input.concernIds,
        redacted: preview.redactions > 0,
        title: `Referral pack sent to ${input.recipient}`,
        detail: `Reference ${input.reference}. ${input.concernIds.length} ${
          input.concernIds.length === 1 ? 'concern' : 'concerns'
        }, ${pages} pages${preview.redactions > 0 ? ', third parties redacted' : ''}.`,
      },
      pdf,
    ),
  );
  return { value: { savedTo, pages }, recordIds: [...recordIds, exportId] };
}

export function packHistory(
  ctx: HandlerContext,
  input: ParsedInput<'packs.history'>,
): Handled<PackHistoryItem[]> {
  const child = registeredChild(ctx, input.childId);
  return {
    value: ctx.store.exportsLog.forChild(child.id).map((e) => ({
      id: e.id,
      kind: e.kind,
      recipient: e.recipient,
      reference: e.reference,
      concernCount: e.concernIds.length,
      redacted: e.redacted,
      sha256: e.sha256,
      exportedAt: e.exportedAt,
      exportedByName: e.exportedByName,
    })),
    recordIds: [child.id],
  };
}
