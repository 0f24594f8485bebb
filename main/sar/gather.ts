/**
 * Everything Lantern holds about the child of a subject access request, as a list of items (one
 * per record, named by source table and id), with the third parties each names suggested for
 * redaction. It reads the child's file through caseFile (the same view as the packs and the
 * transfer), plus the CP file transfers and the record of exports.
 */
import { roleLabels } from '../../shared/auth/roles';
import { decisionTitle } from '../../shared/casework/schema';
import { designationName } from '../../shared/children/designations';
import { contactRoleName, relationshipName } from '../../shared/children/family';
import { parentalResponsibilityLabels, livesWithChildLabels } from '../../shared/children/family';
import { displayName, genderLabels, yearGroupLabel } from '../../shared/children/schema';
import { attachmentTypeLabels, formatFileSize } from '../../shared/concerns/attachments';
import { markKindLabels, markPlace } from '../../shared/concerns/body-map';
import { childRoleLabels, occurredText } from '../../shared/concerns/schema';
import { categoryLabel } from '../../shared/concerns/taxonomy';
import { formatCalendarDate, formatInstant } from '../../shared/dates/calendar-date';
import { dutyStatusLabels } from '../../shared/duties/schema';
import { childPresenceLabels } from '../../shared/encompass/schema';
import type { ChronologyEntry, ChronologySource } from '../../shared/chronology/schema';
import type { CaseFile } from '../../shared/exports/case-file';
import type { SarItem, SarRedaction, SarSource } from '../../shared/sar/schema';
import { sarSourceLabels } from '../../shared/sar/schema';
import { caseFile } from '../exports/case-file';
import { childNames, thirdParties } from '../exports/pack';
import type { RedactionTarget } from '../exports/pack-redact';
import { redactor } from '../exports/pack-redact';
import type { HandlerContext } from '../handler';

type Field = { label: string; value: string };
type RawItem = Omit<SarItem, 'key' | 'suggestions' | 'redactions'>;
export type Party = ReturnType<typeof thirdParties>[number];

/** Fields with something in them; a record's blank optional fields are not listed. */
function filled(fields: readonly Field[]): Field[] {
  return fields.filter((f) => f.value.trim() !== '');
}

function item(
  source: SarSource,
  id: string,
  when: string,
  fields: Field[],
  partOf: string | null = null,
): RawItem {
  return { source, id, title: sarSourceLabels[source], when, fields: filled(fields), partOf };
}

/** The chronology's sources that repeat an item of their own, and that item's source. */
const echoes: Partial<Record<ChronologySource, SarSource>> = {
  concern: 'concern',
  addendum: 'addendum',
  decision: 'decision',
  action: 'action',
  action_done: 'action',
  closure: 'closure',
  designation: 'designation',
  designation_end: 'designation',
  encompass: 'encompass',
  export: 'export',
};

function echoOf(entry: ChronologyEntry): string | null {
  const source = echoes[entry.source];
  if (source) return `${source}:${entry.sourceId}`;
  return entry.concernId === null ? null : `concern:${entry.concernId}`;
}

function concernItems(file: CaseFile): RawItem[] {
  return file.concerns.flatMap(({ concern, triage }) => {
    const on = occurredText(concern.occurredAt, concern.occurredAtApprox);
    const about = `Concern of ${on}`;
    const part = `concern:${concern.id}`;
    const out: RawItem[] = [
      item('concern', concern.id, concern.occurredAt, [
        { label: 'When', value: on },
        { label: 'Where', value: concern.location },
        { label: 'Recorded by', value: concern.recordedByName },
        {
          label: 'Children involved',
          value: concern.children.map((c) => `${c.name} (${childRoleLabels[c.role]})`).join('; '),
        },
        { label: 'Categories', value: concern.categories.map(categoryLabel).join(', ') },
        { label: 'What happened', value: concern.summary },
        { label: 'The child’s words', value: concern.childWords },
        { label: 'Opinion', value: concern.opinion },
        { label: 'Actions taken', value: concern.actionsTaken },
        { label: 'People told', value: concern.peopleTold },
      ]),
    ];
    for (const a of concern.addenda)
      out.push(
        item(
          'addendum',
          a.id,
          a.addedAt,
          [
            { label: 'About', value: about },
            { label: 'Added', value: `${formatInstant(a.addedAt)} by ${a.addedByName}` },
            { label: 'Reason', value: a.reason },
            { label: 'Correction', value: a.text },
          ],
          part,
        ),
      );
    if (concern.bodyMap.length > 0)
      out.push(
        item(
          'body_map',
          concern.id,
          concern.occurredAt,
          [
            { label: 'About', value: about },
            ...concern.bodyMap.map((m, i) => ({
              label: `Mark ${i + 1}`,
              value: `${markPlace(m)}: ${markKindLabels[m.kind]}. ${m.description}`,
            })),
          ],
          part,
        ),
      );
    for (const a of concern.attachments)
      out.push(
        item(
          'attachment',
          a.id,
          concern.occurredAt,
          [
            { label: 'About', value: about },
            { label: 'File', value: a.fileName },
            {
              label: 'Kind',
              value: `${attachmentTypeLabels[a.mediaType]}, ${formatFileSize(a.size)}`,
            },
          ],
          part,
        ),
      );
    for (const d of triage.decisions)
      out.push(
        item(
          'decision',
          d.id,
          d.decidedAt,
          [
            { label: 'About', value: about },
            { label: 'Decision', value: decisionTitle(d) },
            { label: 'Rationale', value: d.rationale },
            { label: 'Decided', value: `${formatInstant(d.decidedAt)} by ${d.decidedByName}` },
          ],
          part,
        ),
      );
    for (const a of triage.actions)
      out.push(
        item(
          'action',
          a.id,
          a.createdAt,
          [
            { label: 'About', value: about },
            { label: 'Action', value: a.description },
            { label: 'Owner', value: a.ownerName },
            { label: 'Due', value: formatCalendarDate(a.dueDate) },
            {
              label: 'Done',
              value:
                a.completedAt === null
                  ? 'Not yet'
                  : `${formatInstant(a.completedAt)} by ${a.completedByName ?? ''}. ${a.completionNote ?? ''}`,
            },
          ],
          part,
        ),
      );
    for (const c of triage.closures)
      out.push(
        item(
          'closure',
          c.id,
          c.closedAt,
          [
            { label: 'About', value: about },
            { label: 'Closed', value: `${formatInstant(c.closedAt)} by ${c.closedByName}` },
            { label: 'Summary', value: c.summary },
            { label: 'Outcome', value: c.outcome },
            { label: 'Follow-up', value: c.followUp },
          ],
          part,
        ),
      );
    return out;
  });
}

function familyItems(file: CaseFile): RawItem[] {
  return [
    ...file.family.adults.map((a) =>
      item('family_adult', a.id, a.recordedAt, [
        { label: 'Name', value: a.name },
        { label: 'Relationship', value: relationshipName(a) },
        {
          label: 'Parental responsibility',
          value: parentalResponsibilityLabels[a.parentalResponsibility],
        },
        { label: 'Lives with the child', value: livesWithChildLabels[a.livesWithChild] },
        { label: 'Phone', value: a.phone },
        { label: 'Email', value: a.email },
        { label: 'Address', value: a.address },
        { label: 'Contact restrictions', value: a.contactRestrictions },
        { label: 'Notes', value: a.notes },
      ]),
    ),
    ...file.family.contacts.map((c) =>
      item('key_contact', c.id, c.recordedAt, [
        { label: 'Name', value: c.name },
        { label: 'Role', value: contactRoleName(c) },
        { label: 'Organisation', value: c.organisation },
        { label: 'Phone', value: c.phone },
        { label: 'Email', value: c.email },
        {
          label: 'Involved',
          value: `From ${formatCalendarDate(c.startDate)}${c.endDate === '' ? '' : ` to ${formatCalendarDate(c.endDate)}`}`,
        },
        { label: 'Notes', value: c.notes },
      ]),
    ),
  ];
}

/** Every item held about the child, oldest first within each kind, the child's details first. */
export function gatherItems(
  ctx: HandlerContext,
  childId: string,
): { file: CaseFile; items: RawItem[] } {
  const file = caseFile(ctx, childId);
  const c = file.child;
  const items: RawItem[] = [
    item('child', c.id, '', [
      { label: 'Legal name', value: `${c.legalForename} ${c.legalSurname}` },
      { label: 'Known as', value: displayName(c) },
      { label: 'Date of birth', value: formatCalendarDate(c.dateOfBirth) },
      { label: 'Gender', value: genderLabels[c.gender] },
      { label: 'Year group', value: yearGroupLabel(c.yearGroup) },
      { label: 'UPN', value: c.upn },
      {
        label: 'Admitted',
        value: c.admissionDate === '' ? '' : formatCalendarDate(c.admissionDate),
      },
      { label: 'Left', value: c.leavingDate === '' ? '' : formatCalendarDate(c.leavingDate) },
    ]),
    ...file.designations.map((d) =>
      item('designation', d.id, d.startDate, [
        { label: 'Designation', value: designationName(d) },
        {
          label: 'Dates',
          value: `From ${formatCalendarDate(d.startDate)}${d.endDate === '' ? '' : ` to ${formatCalendarDate(d.endDate)}`}`,
        },
        { label: 'Notes', value: d.notes },
        { label: 'Recorded by', value: d.recordedByName },
      ]),
    ),
    ...familyItems(file),
    ...concernItems(file),
    ...file.chronology.map((e) =>
      item(
        'chronology',
        e.id,
        e.occurredAt,
        [
          { label: 'When', value: occurredText(e.occurredAt, e.approx) },
          { label: 'Entry', value: e.title },
          { label: 'Detail', value: e.detail },
          {
            label: 'Recorded by',
            value: `${e.recordedByName}${e.role ? ` (${roleLabelOf(e.role)})` : ''}`,
          },
        ],
        echoOf(e),
      ),
    ),
    ...file.encompass.map((n) =>
      item('encompass', n.id, n.notifiedAt, [
        { label: 'Incident', value: occurredText(n.incidentAt, false) },
        { label: 'Notified', value: `${occurredText(n.notifiedAt, false)} by ${n.policeForce}` },
        { label: 'Police reference', value: n.policeReference },
        {
          label: 'Children',
          value: n.children
            .map((ch) => `${ch.name} (${childPresenceLabels[ch.presence]})`)
            .join('; '),
        },
        { label: 'Summary', value: n.summary },
        { label: 'Key adult', value: n.keyAdultName },
        { label: 'Support planned', value: n.supportPlanned },
        ...n.addenda.map((a) => ({
          label: `Correction (${formatInstant(a.addedAt)})`,
          value: `${a.text} (${a.reason})`,
        })),
      ]),
    ),
    ...file.duties.map((d) =>
      item('duty', d.id, d.triggerAt, [
        { label: 'Duty', value: d.title },
        { label: 'Status', value: dutyStatusLabels[d.status] },
        { label: 'Started', value: formatInstant(d.triggerAt) },
        {
          label: 'Due by',
          value: d.dueBy === null ? 'No fixed timescale' : formatInstant(d.dueBy),
        },
      ]),
    ),
    ...ctx.store.sar.transfersOut(c.id).map((t) =>
      item('transfer_out', t.id, t.at, [
        { label: 'Sent to', value: `${t.school} (URN ${t.urn})` },
        { label: 'Sent', value: formatInstant(t.at) },
      ]),
    ),
    ...ctx.store.sar.transfersIn(c.id).map((t) =>
      item('transfer_in', t.id, t.at, [
        { label: 'Received from', value: `${t.school} (URN ${t.urn})` },
        { label: 'Received', value: formatInstant(t.at) },
      ]),
    ),
    ...ctx.store.exportsLog
      .forChild(c.id)
      .reverse()
      .map((e) =>
        item('export', e.id, e.exportedAt, [
          { label: 'Sent to', value: e.recipient },
          { label: 'Reference', value: e.reference },
          { label: 'When', value: `${formatInstant(e.exportedAt)} by ${e.exportedByName}` },
        ]),
      ),
  ];
  return { file, items };
}

function roleLabelOf(role: string): string {
  return role in roleLabels ? roleLabels[role as keyof typeof roleLabels] : role;
}

/** The third parties whose names or details appear in an item. */
export function partiesIn(
  item: Pick<SarItem, 'fields'>,
  parties: readonly (Party & RedactionTarget)[],
  keep: readonly string[],
): (Party & RedactionTarget)[] {
  return parties.filter((p) => {
    const find = redactor([p], keep);
    for (const f of item.fields) find(f.value);
    return find.count() > 0;
  });
}

/** The items with their suggestions and the decisions in force. */
export function itemsWithDecisions(
  file: CaseFile,
  raw: readonly RawItem[],
  decisions: readonly SarRedaction[],
): SarItem[] {
  const parties = thirdParties(file);
  const keep = childNames(file);
  return raw.map((r) => {
    const key = `${r.source}:${r.id}`;
    const mine = decisions.filter((d) => d.itemKey === key);
    return {
      ...r,
      key,
      suggestions: partiesIn(r, parties, keep).map((p) => ({
        partyId: p.id,
        name: p.name,
        description: p.description,
        decision: mine.findLast((d) => d.partyId === p.id) ?? null,
      })),
      redactions: mine.filter((d) => d.partyId === null),
    };
  });
}
