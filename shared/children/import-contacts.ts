/**
 * Parents, carers and households in a MIS pupil export: which columns hold up to two contacts
 * per pupil, the pupil's home address and a household id; turning the values exports hold
 * (free-text relationships, "Y"/"N" parental responsibility) into Lantern's; planning, for one
 * pupil, which adults an import adds to or updates on the child's file; and grouping pupils
 * into families (siblings). Pure, like the rest of the import plan.
 *
 * Bad contact data never stops the pupil being imported: the field is left out and the row
 * carries a warning saying so.
 */
import type { AdultDraft, FamilyAdult, ParentalResponsibility, Relationship } from './family';
import { adultInput, relationshipLabels, relationshipName } from './family';
import { foldForSearch } from '../text/normalise';

export const contactSlots = [1, 2] as const;
export type ContactSlot = (typeof contactSlots)[number];

const contactParts = [
  'Name',
  'Forename',
  'Surname',
  'Relationship',
  'ParentalResponsibility',
  'Phone',
  'Email',
] as const;
type ContactPart = (typeof contactParts)[number];
type ContactField = `contact${ContactSlot}${ContactPart}`;

/** The optional fields after the pupil's own: two contacts, then the household. */
export const contactImportFields = [
  'contact1Name',
  'contact1Forename',
  'contact1Surname',
  'contact1Relationship',
  'contact1ParentalResponsibility',
  'contact1Phone',
  'contact1Email',
  'contact2Name',
  'contact2Forename',
  'contact2Surname',
  'contact2Relationship',
  'contact2ParentalResponsibility',
  'contact2Phone',
  'contact2Email',
  'homeAddress',
  'postcode',
  'householdId',
] as const satisfies readonly (ContactField | 'homeAddress' | 'postcode' | 'householdId')[];
export type ContactImportField = (typeof contactImportFields)[number];

export function contactField(slot: ContactSlot, part: ContactPart): ContactImportField {
  return `contact${slot}${part}`;
}

const partLabels: Record<ContactPart, string> = {
  Name: 'full name',
  Forename: 'first name',
  Surname: 'surname',
  Relationship: 'relationship',
  ParentalResponsibility: 'parental responsibility',
  Phone: 'phone',
  Email: 'email',
};

function labelsFor(): Record<ContactImportField, string> {
  const labels: Partial<Record<ContactImportField, string>> = {
    homeAddress: 'Home address (recorded for contact 1)',
    postcode: 'Postcode (recorded for contact 1)',
    householdId: 'Household or family ID',
  };
  for (const slot of contactSlots)
    for (const part of contactParts)
      labels[contactField(slot, part)] = `Contact ${slot} ${partLabels[part]}`;
  return labels as Record<ContactImportField, string>;
}
export const contactFieldLabels: Record<ContactImportField, string> = labelsFor();

/** What the exports call a contact: "Contact 1 …" (SIMS), "Guardian 1 …" (Arbor), "Contact1 …" (Bromcom). */
function prefixes(slot: ContactSlot): string[] {
  const numbered = ['Contact', 'Guardian', 'Parent', 'Carer', 'Parent Carer'].map(
    (p) => `${p} ${slot}`,
  );
  return slot === 1
    ? [...numbered, 'Primary Contact', 'Priority 1 Contact']
    : [...numbered, 'Secondary Contact', 'Priority 2 Contact'];
}

const partNames: Record<ContactPart, readonly string[]> = {
  Name: ['Name', 'Full Name'],
  Forename: ['Forename', 'First Name', 'Legal Forename', 'Given Name'],
  Surname: ['Surname', 'Last Name', 'Legal Surname', 'Family Name'],
  Relationship: ['Relationship', 'Relationship to Pupil', 'Relationship to Student', 'Relation'],
  ParentalResponsibility: [
    'Parental Responsibility',
    'Has Parental Responsibility',
    'PR',
    'Has PR',
  ],
  Phone: [
    'Mobile',
    'Mobile Phone',
    'Mobile Telephone',
    'Mobile Number',
    'Telephone',
    'Phone',
    'Phone Number',
    'Home Phone',
    'Home Telephone',
  ],
  Email: ['Email', 'Email Address', 'E-mail', 'E-mail Address'],
};

/** Every header name each contact field may go by, in order of preference. */
export const contactColumnNames: Record<ContactImportField, readonly string[]> = (() => {
  const names: Partial<Record<ContactImportField, readonly string[]>> = {
    homeAddress: ['Address', 'Home Address', 'Pupil Address', 'Address Block', 'Full Address'],
    postcode: ['Postcode', 'Post Code', 'Postal Code', 'Home Postcode'],
    householdId: [
      'Household ID',
      'Household',
      'Family ID',
      'Family Ref',
      'Family Reference',
      'Household Reference',
    ],
  };
  for (const slot of contactSlots)
    for (const part of contactParts)
      names[contactField(slot, part)] = prefixes(slot).flatMap((prefix) =>
        partNames[part].map((name) => `${prefix} ${name}`),
      );
  return names as Record<ContactImportField, readonly string[]>;
})();

// ---------------------------------------------------------------------------------------------
// Values.

const letters = (text: string) => foldForSearch(text).replace(/[^a-z]/g, '');

/** Words, letters only, as exports spell relationships: "Step-father", "Mother's partner"… */
const relationshipWords: Record<string, Relationship> = {
  mother: 'mother',
  mum: 'mother',
  mom: 'mother',
  birthmother: 'mother',
  naturalmother: 'mother',
  biologicalmother: 'mother',
  adoptivemother: 'mother',
  father: 'father',
  dad: 'father',
  birthfather: 'father',
  naturalfather: 'father',
  biologicalfather: 'father',
  adoptivefather: 'father',
  stepmother: 'step_parent',
  stepfather: 'step_parent',
  stepparent: 'step_parent',
  stepmum: 'step_parent',
  stepdad: 'step_parent',
  motherspartner: 'parent_partner',
  fatherspartner: 'parent_partner',
  parentspartner: 'parent_partner',
  partnerofmother: 'parent_partner',
  partneroffather: 'parent_partner',
  partnerofparent: 'parent_partner',
  partner: 'parent_partner',
  fostercarer: 'foster_carer',
  fosterparent: 'foster_carer',
  fostermother: 'foster_carer',
  fosterfather: 'foster_carer',
  kinshipcarer: 'kinship_carer',
  connectedperson: 'kinship_carer',
  specialguardian: 'special_guardian',
  grandparent: 'grandparent',
  grandmother: 'grandparent',
  grandfather: 'grandparent',
  grandma: 'grandparent',
  grandad: 'grandparent',
  granddad: 'grandparent',
  nan: 'grandparent',
  nana: 'grandparent',
  gran: 'grandparent',
  aunt: 'aunt_uncle',
  auntie: 'aunt_uncle',
  aunty: 'aunt_uncle',
  uncle: 'aunt_uncle',
  auntuncle: 'aunt_uncle',
  brother: 'adult_sibling',
  sister: 'adult_sibling',
  sibling: 'adult_sibling',
  adultsibling: 'adult_sibling',
  halfbrother: 'adult_sibling',
  halfsister: 'adult_sibling',
  stepbrother: 'adult_sibling',
  stepsister: 'adult_sibling',
  cousin: 'other_relative',
  relative: 'other_relative',
  otherrelative: 'other_relative',
  familymember: 'other_relative',
  greataunt: 'other_relative',
  greatuncle: 'other_relative',
  greatgrandmother: 'other_relative',
  greatgrandfather: 'other_relative',
};

/** What a contact is recorded as when the export does not say how they are related. */
export const UNSTATED_RELATIONSHIP = 'Not stated in the MIS export';

/**
 * A relationship as an export writes it. "Maternal grandmother" is a grandparent with
 * "maternal" as detail; anything Lantern has no word for ("Carer", "Parent", "Neighbour") is
 * "other" with the export's text as detail, so nothing is lost or guessed.
 */
export function parseRelationship(raw: string): {
  relationship: Relationship;
  relationshipDetail: string;
} {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text === '') return { relationship: 'other', relationshipDetail: UNSTATED_RELATIONSHIP };
  const side = /^(maternal|paternal)\b/i.exec(text);
  const key = letters(side ? text.slice(side[0].length) : text);
  const relationship = relationshipWords[key];
  if (relationship === undefined) return { relationship: 'other', relationshipDetail: text };
  return { relationship, relationshipDetail: side ? (side[1] ?? '').toLowerCase() : '' };
}

const yesWords = new Set([
  'y',
  'yes',
  'true',
  '1',
  't',
  'has',
  'haspr',
  'pr',
  'hasparentalresponsibility',
  'parentalresponsibility',
]);
const noWords = new Set(['n', 'no', 'false', '0', 'f', 'none', 'nopr', 'noparentalresponsibility']);
const unknownWords = new Set(['', 'unknown', 'notknown', 'u', 'notrecorded', 'notstated']);

/** "Yes", "Y", "True", "1"… and "No", "N", "False", "0"…; blank is "not known"; else null. */
export function parseParentalResponsibility(raw: string): ParentalResponsibility | null {
  const key = foldForSearch(raw).replace(/[^a-z0-9]/g, '');
  if (yesWords.has(key)) return 'yes';
  if (noWords.has(key)) return 'no';
  if (unknownWords.has(key)) return 'unknown';
  return null;
}

/** Names compared as people write them: case, accents and spacing do not matter. */
export function adultKey(name: string, relationship: Relationship): string {
  return `${foldForSearch(name)}|${relationship}`;
}

// ---------------------------------------------------------------------------------------------
// One pupil's contacts.

export type PlannedAdult = {
  slot: ContactSlot;
  draft: AdultDraft;
  /** The adult already on the child's file that this contact is, if any. */
  existingId: string | null;
  action: 'add' | 'update' | 'unchanged';
  /** What an update changes: "phone", "email"… */
  changed: string[];
};

export type RowContacts = {
  adults: PlannedAdult[];
  /** Adults on the child's file that the export does not list: kept, and said so. */
  kept: FamilyAdult[];
  /** Keys that tie this pupil to others in the file: a household id, or a contact's name with their phone or email. */
  householdKeys: string[];
};

type Cell = (field: ContactImportField) => string | null;
/** Records that a field was left out: why, and the value as written when there is one. */
type Warn = (field: ContactImportField, problem: string, value?: string) => void;

const detailFields = ['parentalResponsibility', 'phone', 'email', 'address'] as const;
const detailNames: Record<(typeof detailFields)[number], string> = {
  parentalResponsibility: 'parental responsibility',
  phone: 'phone',
  email: 'email',
  address: 'address',
};

/**
 * The adults one row brings for the pupil. An adult already on the child's file with the
 * same name (as folded) and relationship is that adult: only contact details the file holds
 * are brought up to date, blanks never clear what a person recorded, and the name, contact
 * order, "lives with" and restrictions stay as recorded in Lantern.
 */
export function planRowContacts(
  cell: Cell,
  warn: Warn,
  existing: readonly FamilyAdult[],
): RowContacts {
  const adults: PlannedAdult[] = [];
  const householdKeys: string[] = [];
  const text = (field: ContactImportField) => (cell(field) ?? '').trim().replace(/\s+/g, ' ');

  const householdId = cell('householdId');
  if (householdId !== null && householdId.trim() !== '')
    householdKeys.push(`id:${foldForSearch(householdId)}`);

  const address = (() => {
    const parts = [text('homeAddress'), text('postcode')].filter(Boolean);
    const [street, postcode] = parts;
    const joined =
      postcode !== undefined &&
      street !== undefined &&
      foldForSearch(street).includes(foldForSearch(postcode))
        ? street
        : parts.join(', ');
    if (joined === '') return '';
    const parsed = adultInput.shape.address.safeParse(joined);
    if (parsed.success) return parsed.data;
    const field = cell('homeAddress') !== null ? 'homeAddress' : 'postcode';
    warn(
      field,
      `${parsed.error.issues[0]?.message ?? 'Not an address.'} The address was not imported.`,
      joined,
    );
    return '';
  })();

  const seen = new Set<string>();
  for (const slot of contactSlots) {
    const f = (part: ContactPart) => contactField(slot, part);
    const nameText =
      text(f('Name')) || [text(f('Forename')), text(f('Surname'))].filter(Boolean).join(' ');
    const nameField: ContactImportField =
      cell(f('Name')) !== null && text(f('Name')) !== ''
        ? f('Name')
        : cell(f('Surname')) !== null
          ? f('Surname')
          : f('Name');
    const others = (['Relationship', 'Phone', 'Email'] as const).filter((p) => text(f(p)) !== '');
    if (nameText === '') {
      const [first] = others;
      if (first !== undefined)
        warn(f(first), `Contact ${slot} has details but no name, so it was not imported.`);
      continue;
    }
    const name = adultInput.shape.name.safeParse(nameText);
    if (!name.success) {
      warn(
        nameField,
        `${name.error.issues[0]?.message ?? 'Not a name.'} Contact ${slot} was not imported.`,
        nameText,
      );
      continue;
    }
    const { relationship, relationshipDetail } = parseRelationship(text(f('Relationship')));
    const key = adultKey(name.data, relationship);
    if (seen.has(key)) continue;
    seen.add(key);

    const prText = cell(f('ParentalResponsibility'));
    let pr: ParentalResponsibility = 'unknown';
    if (prText !== null) {
      const parsed = parseParentalResponsibility(prText);
      if (parsed === null)
        warn(
          f('ParentalResponsibility'),
          'Not a yes or no answer Lantern recognises (use Yes, No, Y, N, True, False, 1 or 0), so parental responsibility was not imported.',
          prText,
        );
      else pr = parsed;
    }
    const phoneText = text(f('Phone'));
    let phone = '';
    if (phoneText !== '') {
      const parsed = adultInput.shape.phone.safeParse(phoneText);
      if (parsed.success) phone = parsed.data;
      else warn(f('Phone'), 'Not a phone number, so it was not imported.', phoneText);
    }
    const emailText = text(f('Email'));
    let email = '';
    if (emailText !== '') {
      const parsed = adultInput.shape.email.safeParse(emailText);
      if (parsed.success) email = parsed.data;
      else warn(f('Email'), 'Not an email address, so it was not imported.', emailText);
    }
    // Without a household id column, one adult (same name, same phone or email) ties siblings.
    if (householdId === null) {
      const who = foldForSearch(name.data);
      if (phone !== '') householdKeys.push(`phone:${who}|${phone.replace(/[^0-9]/g, '')}`);
      if (email !== '') householdKeys.push(`email:${who}|${email.toLowerCase()}`);
    }
    const fromFile = {
      parentalResponsibility: pr === 'unknown' ? '' : pr,
      phone,
      email,
      address: slot === 1 ? address : '',
    };

    const held = existing.find((a) => adultKey(a.name, a.relationship) === key);
    if (held) {
      const draft: AdultDraft = {
        name: held.name,
        relationship: held.relationship,
        relationshipDetail: held.relationshipDetail,
        parentalResponsibility: held.parentalResponsibility,
        livesWithChild: held.livesWithChild,
        phone: held.phone,
        email: held.email,
        address: held.address,
        contactRestrictions: held.contactRestrictions,
        notes: held.notes,
        priority: held.priority,
      };
      const changed: string[] = [];
      for (const field of detailFields) {
        const value = fromFile[field];
        if (value === '' || value === draft[field]) continue;
        if (field === 'parentalResponsibility') draft.parentalResponsibility = pr;
        else if (field === 'phone') draft.phone = value;
        else if (field === 'email') draft.email = value;
        else draft.address = value;
        changed.push(detailNames[field]);
      }
      adults.push({
        slot,
        draft,
        existingId: held.id,
        action: changed.length > 0 ? 'update' : 'unchanged',
        changed,
      });
    } else {
      adults.push({
        slot,
        draft: {
          name: name.data,
          relationship,
          relationshipDetail,
          parentalResponsibility: pr,
          // The export does not say; "unknown" until a person records it.
          livesWithChild: 'unknown',
          phone,
          email,
          address: fromFile.address,
          contactRestrictions: '',
          notes: '',
          priority: slot,
        },
        existingId: null,
        action: 'add',
        changed: [],
      });
    }
  }
  // Only a file that names contacts can be said to leave someone out.
  const namesContacts = contactSlots.some((slot) =>
    (['Name', 'Forename', 'Surname'] as const).some(
      (part) => cell(contactField(slot, part)) !== null,
    ),
  );
  const matched = new Set(adults.map((a) => a.existingId));
  const kept = namesContacts ? existing.filter((a) => !matched.has(a.id)) : [];
  return { adults, kept, householdKeys };
}

/** "Add Jane Smith (Mother, has parental responsibility)", "Update …: phone, email". */
export function describePlannedAdult(adult: PlannedAdult): string | null {
  const { draft } = adult;
  const relation =
    draft.relationshipDetail === ''
      ? relationshipLabels[draft.relationship]
      : `${relationshipLabels[draft.relationship]}: ${draft.relationshipDetail}`;
  const pr =
    draft.parentalResponsibility === 'yes'
      ? 'has parental responsibility'
      : draft.parentalResponsibility === 'no'
        ? 'no parental responsibility'
        : 'parental responsibility not known';
  if (adult.action === 'add') return `Add ${draft.name} (${relation}, ${pr})`;
  if (adult.action === 'update')
    return `Update ${draft.name} (${relation}): ${adult.changed.join(', ')}`;
  return null;
}

/** "Kept on the file (not in this export): Pat Jones, Other (Neighbour)". */
export function describeKeptAdults(kept: readonly FamilyAdult[]): string | null {
  if (kept.length === 0) return null;
  const names = kept.map((a) => `${a.name}, ${relationshipName(a)}`);
  return `Kept on the file (not in this export): ${names.join('; ')}`;
}

/**
 * Which rows are siblings: rows sharing any household key, transitively (a mother's phone ties
 * two children, her email a third). Groups of two or more, each in file order.
 */
export function groupHouseholds(
  rows: readonly { index: number; keys: readonly string[] }[],
): number[][] {
  const parent = new Map<number, number>();
  const find = (i: number): number => {
    let root = i;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(i, root);
    return root;
  };
  const owner = new Map<string, number>();
  for (const row of rows) {
    parent.set(row.index, row.index);
    for (const key of row.keys) {
      const other = owner.get(key);
      if (other === undefined) owner.set(key, row.index);
      else {
        const [a, b] = [find(other), find(row.index)];
        if (a !== b) parent.set(Math.max(a, b), Math.min(a, b));
      }
    }
  }
  const groups = new Map<number, number[]>();
  for (const row of rows) {
    const root = find(row.index);
    const group = groups.get(root);
    if (group) group.push(row.index);
    else groups.set(root, [row.index]);
  }
  return [...groups.values()].filter((g) => g.length > 1).map((g) => [...g].sort((x, y) => x - y));
}
