/**
 * Suggests which Lantern data fills a field of a local authority's own form, from the field's
 * name alone, the way LA forms name them: "Child First Name", "childForename", "Forename(s)",
 * "D.O.B", "Parent/Carer 1 Name", "Mother's name", "Name of person making referral"… A
 * suggestion is only a starting point: the DSL checks the mapping before it is saved.
 */
import type { FormFieldKey } from './fields';
import { isFormFieldKey } from './fields';

/** Container names that PDF authoring tools put in front of field names ("form1[0].Page1"). */
const CONTAINER = /^(form|page|subform|topmostsubform|section|part|p)\d*$/;

function stem(token: string): string {
  return token.length > 3 && token.endsWith('s') && !token.endsWith('ss')
    ? token.slice(0, -1)
    : token;
}

/**
 * The words of a field name, lower case and singular: camelCase and snake_case split, "D.O.B"
 * joined to "dob", apostrophes and array indices dropped, container prefixes removed.
 */
export function fieldNameWords(name: string): string[] {
  const pieces = name
    .replace(/\[\d+\]/g, '')
    .replace(/e-mail/gi, 'email')
    .replace(/['’`]/g, '')
    .replace(/#/g, '')
    .split(/[\s_]+/)
    .map((piece) => (/^([A-Za-z]\.)+[A-Za-z]?\.?$/.test(piece) ? piece.replace(/\./g, '') : piece))
    .join(' ')
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z\d]+/)
    .filter((t) => t !== '' && !CONTAINER.test(t));
  const words: string[] = [];
  let letters = '';
  for (const token of pieces) {
    // Single letters in a row are an abbreviation spelt out ("d o b"); a lone "s" is a plural.
    if (/^[a-z]$/.test(token)) {
      letters += token;
      continue;
    }
    if (letters.length > 1) words.push(letters);
    letters = '';
    words.push(stem(token));
  }
  if (letters.length > 1) words.push(letters);
  return words;
}

/**
 * Ordered rules, most specific first: each is a list of word groups, every group must have one
 * of its words in the name (`|` separates the alternatives). A null key marks names that look
 * like something else but that Lantern holds no data for (a postcode on its own, the parents'
 * views), so that a later, looser rule does not claim them.
 */
const PARENT_2 = 'parent|carer|guardian|father|dad|stepfather 2|second|father|dad|stepfather';
const PARENT_1 = 'parent|carer|guardian|mother|mum|stepmother';
const PARENT_ANY = 'parent|carer|guardian|mother|mum|stepmother|father|dad|stepfather|family';
/** People on a form other than the child, the parents and the referrer. */
const OTHER_PERSON =
  'gp|doctor|head|headteacher|teacher|police|officer|worker|manager|practitioner|professional|interpreter|perpetrator|alleged|subject|witness|signature|signed';
const REFERRER = 'referrer|referring|referer|referee';
const SCHOOL = 'school|setting|nursery|academy|college|establishment|education';

const rules: readonly (readonly [FormFieldKey | null, readonly string[]])[] = [
  ['referrer.role', [`${REFERRER} role|position|job|title|designation|occupation`]],
  ['school.name', [`${REFERRER} agency|organisation|organization|school|setting|service`]],
  ['referrer.name', [REFERRER, 'person making|completing|submitting', 'completed by', 'your name']],
  ['dsl.name', ['dsl', 'designated safeguarding|person|lead', 'safeguarding lead']],
  [null, [`${PARENT_ANY} aware|informed|consent|view|wish|feeling`]],
  ['parent2.parentalResponsibility', [`${PARENT_2} responsibility|pr`]],
  ['parent2.relationship', [`${PARENT_2} relationship`]],
  ['parent2.phone', [`${PARENT_2} phone|telephone|tel|mobile|contact`]],
  ['parent2.email', [`${PARENT_2} email`]],
  ['parent2.address', [`${PARENT_2} address`]],
  ['parent2.name', [`${PARENT_2} name|fullname`, PARENT_2]],
  ['parent1.parentalResponsibility', [`${PARENT_1} responsibility|pr`]],
  ['parent1.relationship', [`${PARENT_1} relationship`]],
  ['parent1.phone', [`${PARENT_1} phone|telephone|tel|mobile|contact`]],
  ['parent1.email', [`${PARENT_1} email`]],
  ['parent1.address', [`${PARENT_1} address`]],
  ['parent1.name', [`${PARENT_1} name|fullname`, PARENT_1]],
  ['family.socialWorker', ['social worker', 'allocated worker', 'sw']],
  ['family.siblings', ['sibling|brother|sister', 'other child|children household']],
  ['school.urn', ['urn', 'unique reference number']],
  ['school.localAuthority', ['local authority', 'la', 'council|borough']],
  [null, [`${SCHOOL} address|phone|telephone|email|postcode|contact`]],
  ['school.name', [SCHOOL]],
  ['child.upn', ['upn', 'unique pupil number', 'pupil number']],
  ['child.dateOfBirth', ['dob', 'birth', 'birthdate', 'birthday']],
  [
    'concern.date',
    ['date|time|when incident|concern|disclosure|event|happened|occurred|allegation'],
  ],
  ['today', ['date referral|completed|request|form|sent|today', 'today']],
  ['concern.location', ['location|where|place', 'address incident']],
  ['concern.categories', ['category', 'type abuse|harm|concern']],
  [
    'concern.childWords',
    ['child|young|pupil|own view|voice|word|wish|wishe|feeling|said|say', 'verbatim'],
  ],
  ['concern.actionsTaken', ['action|done|support taken|tried|provided|offered|immediate|so|far']],
  ['concern.recordedBy', ['recorded|reported|written by']],
  ['concern.decisions', ['decision|rationale']],
  ['concern.otherChildren', ['other child|pupil|young involved']],
  ['concern.opinion', ['opinion|analysis|judgement|judgment', 'professional view']],
  [
    'concern.summary',
    [
      'reason',
      'worried|worry|concern|concerned|incident|happened|summary|description|detail|issue|allegation',
    ],
  ],
  [null, [OTHER_PERSON]],
  ['child.knownAs', ['known|aka|alias|preferred']],
  ['child.forename', ['forename|firstname|givenname', 'first|given|christian name']],
  ['child.surname', ['surname|lastname|familyname', 'last|family name']],
  ['child.gender', ['gender|sex']],
  ['child.age', ['age']],
  ['child.yearGroup', ['year group|class', 'yeargroup|ncy', 'school year', 'nc year']],
  ['child.address', ['address']],
  ['child.postcode', ['postcode|post']],
  [
    'child.designations',
    [
      'designation',
      'legal status',
      'plan cp|protection|cin|need',
      'looked after',
      'cla|lac|cin|cp',
    ],
  ],
  ['child.name', ['name|fullname']],
];

const compiled = rules.map(
  ([key, patterns]) =>
    [key, patterns.map((p) => p.split(' ').map((group) => group.split('|')))] as const,
);

/** The Lantern key a form field with this name most likely wants, or null. */
export function suggestMapping(fieldName: string): FormFieldKey | null {
  const trimmed = fieldName.trim();
  // A Word form's placeholder typed as a Lantern key ({child.name}) maps to itself.
  if (isFormFieldKey(trimmed)) return trimmed;
  const words = new Set(fieldNameWords(trimmed));
  if (words.size === 0) return null;
  for (const [key, patterns] of compiled) {
    if (patterns.some((groups) => groups.every((group) => group.some((w) => words.has(w)))))
      return key;
  }
  return null;
}
