/**
 * The Lantern data a form can be filled with (issue 6): one catalogue of keys, each with a
 * label, shared by the built-in forms, the mapping of a local authority's own PDF or Word form
 * (`{child.name}` placeholders) and their tests. `formValues` resolves every key for one child
 * (and, optionally, one concern) from the CaseFile; a key with nothing recorded resolves to ''.
 */
import { parentalResponsibilityLabels, relationshipName } from '../children/family';
import { genderLabels } from '../children/schema';
import { childRoleLabels } from '../concerns/schema';
import { categoryLabel } from '../concerns/taxonomy';
import {
  formatCalendarDate,
  formatInstant,
  londonDate,
  wholeYearsBetween,
} from '../dates/calendar-date';
import type { CaseFile } from '../exports/case-file';
import { designationLabels } from '../children/designations';
import { decisionLabels } from '../casework/schema';

export const formFieldGroups = [
  {
    label: 'Child',
    fields: [
      ['child.name', 'Full name (preferred name in brackets)'],
      ['child.forename', 'Legal first name'],
      ['child.surname', 'Legal surname'],
      ['child.knownAs', 'Known as'],
      ['child.dateOfBirth', 'Date of birth'],
      ['child.age', 'Age'],
      ['child.gender', 'Gender'],
      ['child.upn', 'UPN'],
      ['child.yearGroup', 'Year group'],
      ['child.address', 'Home address'],
      ['child.postcode', 'Home postcode'],
      ['child.designations', 'Current designations (CP plan, CIN, LAC…)'],
    ],
  },
  {
    label: 'Parents and carers',
    fields: [
      ['parent1.name', 'Parent or carer 1: name'],
      ['parent1.relationship', 'Parent or carer 1: relationship'],
      ['parent1.parentalResponsibility', 'Parent or carer 1: parental responsibility'],
      ['parent1.phone', 'Parent or carer 1: phone'],
      ['parent1.email', 'Parent or carer 1: email'],
      ['parent1.address', 'Parent or carer 1: address'],
      ['parent2.name', 'Parent or carer 2: name'],
      ['parent2.relationship', 'Parent or carer 2: relationship'],
      ['parent2.parentalResponsibility', 'Parent or carer 2: parental responsibility'],
      ['parent2.phone', 'Parent or carer 2: phone'],
      ['parent2.email', 'Parent or carer 2: email'],
      ['parent2.address', 'Parent or carer 2: address'],
      ['family.siblings', 'Brothers and sisters on the register'],
      ['family.socialWorker', 'Social worker (name, organisation, phone)'],
    ],
  },
  {
    label: 'School and referrer',
    fields: [
      ['school.name', 'School name'],
      ['school.urn', 'School URN'],
      ['school.localAuthority', 'Local authority'],
      ['referrer.name', 'Referrer’s name (who is exporting)'],
      ['referrer.role', 'Referrer’s role'],
      ['dsl.name', 'Designated safeguarding lead'],
      ['today', 'Today’s date'],
    ],
  },
  {
    label: 'The concern',
    fields: [
      ['concern.date', 'When it happened'],
      ['concern.location', 'Where it happened'],
      ['concern.categories', 'Categories'],
      ['concern.role', 'The child’s role in it'],
      ['concern.summary', 'What happened (facts)'],
      ['concern.childWords', 'The child’s own words'],
      ['concern.opinion', 'The recorder’s opinion'],
      ['concern.actionsTaken', 'What was done'],
      ['concern.recordedBy', 'Recorded by'],
      ['concern.decisions', 'Decisions and their rationale'],
      ['concern.otherChildren', 'Other children involved'],
    ],
  },
] as const;

export type FormFieldKey = (typeof formFieldGroups)[number]['fields'][number][0];

export const formFieldLabels = Object.fromEntries(
  formFieldGroups.flatMap((g) => g.fields.map(([key, label]) => [key, label])),
) as Record<FormFieldKey, string>;

export const formFieldKeys = Object.keys(formFieldLabels) as FormFieldKey[];

export function isFormFieldKey(value: string): value is FormFieldKey {
  return Object.hasOwn(formFieldLabels, value);
}

/** A UK postcode at the end of an address ("… Leeds LS6 2AB"). */
const UK_POSTCODE = /\b([A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})\s*$/i;

export type FormContext = {
  /** The concern the form is about, or null for the child's whole file. */
  concernId: string | null;
  referrer: { name: string; role: string };
  dslName: string;
  now: Date;
};

function join(parts: readonly string[], separator = ', '): string {
  return parts.filter((p) => p !== '').join(separator);
}

/** Every key resolved for one child (and concern): '' where nothing is recorded. */
export function formValues(file: CaseFile, context: FormContext): Record<FormFieldKey, string> {
  const { child, family } = file;
  const today = londonDate(context.now);
  const knownAs = join([child.preferredForename, child.preferredSurname], ' ');
  const legal = `${child.legalForename} ${child.legalSurname}`;
  const [p1, p2] = family.adults;
  const address =
    family.adults.find((a) => a.livesWithChild === 'yes')?.address ?? p1?.address ?? '';
  const parent = (a: (typeof family.adults)[number] | undefined) => ({
    name: a?.name ?? '',
    relationship: a ? relationshipName(a) : '',
    parentalResponsibility: a ? parentalResponsibilityLabels[a.parentalResponsibility] : '',
    phone: a?.phone ?? '',
    email: a?.email ?? '',
    address: a?.address ?? '',
  });
  const one = parent(p1);
  const two = parent(p2);
  const socialWorker = family.contacts.find((c) => c.role === 'social_worker' && c.endDate === '');
  const picked = file.concerns.find((c) => c.concern.id === context.concernId) ?? null;
  const concern = picked?.concern ?? null;
  const role = concern?.children.find((c) => c.childId === child.id)?.role;
  return {
    'child.name': knownAs === '' || knownAs === legal ? legal : `${legal} (known as ${knownAs})`,
    'child.forename': child.legalForename,
    'child.surname': child.legalSurname,
    'child.knownAs': knownAs,
    'child.dateOfBirth': formatCalendarDate(child.dateOfBirth),
    'child.age': String(wholeYearsBetween(child.dateOfBirth, today)),
    'child.gender': genderLabels[child.gender],
    'child.upn': child.upn,
    'child.yearGroup': child.yearGroup,
    'child.address': address,
    'child.postcode': UK_POSTCODE.exec(address)?.[1]?.toUpperCase() ?? '',
    'child.designations': join(
      file.designations.filter((d) => d.endDate === '').map((d) => designationLabels[d.kind]),
    ),
    'parent1.name': one.name,
    'parent1.relationship': one.relationship,
    'parent1.parentalResponsibility': one.parentalResponsibility,
    'parent1.phone': one.phone,
    'parent1.email': one.email,
    'parent1.address': one.address,
    'parent2.name': two.name,
    'parent2.relationship': two.relationship,
    'parent2.parentalResponsibility': two.parentalResponsibility,
    'parent2.phone': two.phone,
    'parent2.email': two.email,
    'parent2.address': two.address,
    'family.siblings': join(
      family.families.flatMap((f) =>
        f.siblings.map(
          (s) => `${s.legalForename} ${s.legalSurname} (${formatCalendarDate(s.dateOfBirth)})`,
        ),
      ),
      '; ',
    ),
    'family.socialWorker': socialWorker
      ? join([socialWorker.name, socialWorker.organisation, socialWorker.phone])
      : '',
    'school.name': file.school?.name ?? '',
    'school.urn': file.school?.urn ?? '',
    'school.localAuthority': file.school?.localAuthority ?? '',
    'referrer.name': context.referrer.name,
    'referrer.role': context.referrer.role,
    'dsl.name': context.dslName,
    today: formatCalendarDate(today),
    'concern.date': concern
      ? concern.occurredAtUtc
        ? formatInstant(concern.occurredAtUtc)
        : formatCalendarDate(concern.occurredAt)
      : '',
    'concern.location': concern?.location ?? '',
    'concern.categories': concern ? join(concern.categories.map(categoryLabel), '; ') : '',
    'concern.role': role ? childRoleLabels[role] : '',
    'concern.summary': concern?.summary ?? '',
    'concern.childWords': concern?.childWords ?? '',
    'concern.opinion': concern?.opinion ?? '',
    'concern.actionsTaken': concern?.actionsTaken ?? '',
    'concern.recordedBy': concern
      ? `${concern.recordedByName}, ${formatInstant(concern.recordedAt)}`
      : '',
    'concern.decisions': picked
      ? join(
          picked.triage.decisions.map((d) => `${decisionLabels[d.kind]}: ${d.rationale}`),
          '\n',
        )
      : '',
    'concern.otherChildren': concern
      ? join(
          concern.children
            .filter((c) => c.childId !== child.id)
            .map((c) => `${c.name} (${childRoleLabels[c.role].toLowerCase()})`),
          '; ',
        )
      : '',
  };
}
