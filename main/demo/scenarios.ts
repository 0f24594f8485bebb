/**
 * What synthetic concerns are about: a realistic mix for a secondary school, each scenario with
 * its categories from the taxonomy (shared/concerns/taxonomy.ts), the roles of the children in
 * it and the words a member of staff would write. Weights follow the shape of a real school's
 * log: mostly welfare, mental health, attendance and conflict between pupils; serious harm
 * rarer; FGM, forced marriage, radicalisation and allegations about staff rarest.
 */
import type { ConcernLevel } from '../../shared/casework/levels';
import type { DecisionKind } from '../../shared/casework/schema';
import type { ChildRole, ConcernFlags } from '../../shared/concerns/schema';
import type { Random } from './random';

/** The names a scenario writes about: the subject first, then any other children. */
export type ScenarioNames = { subject: string; others: readonly string[] };

export type ScenarioText = {
  summary: string;
  childWords: string;
  opinion: string;
  actionsTaken: string;
  peopleTold: string;
  location: string;
};

export type Scenario = {
  id: string;
  weight: number;
  categories: readonly string[];
  /** Roles of the children besides the subject (the subject's own role comes first). */
  roles: readonly ChildRole[];
  /** How many other children, at most (the roles repeat the last one). */
  maxOthers: number;
  flags?: (r: Random) => Partial<ConcernFlags>;
  /** Chance of marks on a body map. */
  bodyMap?: number;
  /** The level the DSL usually gives it (shared/casework/levels.ts). */
  level: ConcernLevel;
  /** A decision this kind of concern always leads to, where there is one. */
  decision?: DecisionKind;
  text(r: Random, n: ScenarioNames): ScenarioText;
};

const CLASSROOMS = ['Science lab 3', 'Maths corridor', 'Library', 'Form room', 'Drama studio'];
const OUTSIDE = ['Top playground', 'Field', 'Bus bay', 'Canteen', 'Back of the sports hall'];

function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

export const scenarios: readonly Scenario[] = [
  {
    id: 'welfare_hungry',
    level: 1,
    weight: 9,
    categories: ['neglect', 'general_welfare'],
    roles: ['subject'],
    maxOthers: 0,
    text: (r, n) => ({
      summary: `${n.subject} arrived ${r.pick(['without breakfast', 'hungry and tired', 'in the same uniform as last week, unwashed'])}. ${r.pick(['Said there was no food at home last night.', 'Has asked friends for money for lunch several times this week.', 'Shoes are split and let in water.'])}`,
      childWords: r.pick([
        'Mum didn’t get paid yet.',
        'There wasn’t anything in the cupboard.',
        'I’m fine, I just forgot.',
      ]),
      opinion: r.pick([
        'This is the third time this half term.',
        '',
        'Possible pattern of neglect.',
      ]),
      actionsTaken: 'Gave breakfast club voucher and toast. Checked free school meals status.',
      peopleTold: 'Head of year',
      location: r.pick(['Form room', 'Reception', 'Canteen']),
    }),
  },
  {
    id: 'mental_health',
    level: 2,
    weight: 10,
    categories: ['emotional', 'mental_health'],
    roles: ['subject'],
    maxOthers: 0,
    text: (r, n) => ({
      summary: `${n.subject} ${r.pick(['was found crying in the toilets', 'asked to speak to someone in private', 'has been withdrawn and not eating at lunch', 'disclosed low mood and trouble sleeping'])}. ${r.pick(['Said things feel pointless at the moment.', 'Mentioned worries about exams and home.', 'Did not want parents to be told.'])}`,
      childWords: r.pick([
        'I just can’t stop thinking about it.',
        'Nobody would notice if I wasn’t here.',
        'I don’t want to go home tonight.',
        '',
      ]),
      opinion: r.pick([
        'Seemed very low, more than usual.',
        '',
        'I am worried about risk of self-harm.',
      ]),
      actionsTaken: r.pick([
        'Stayed with them and walked them to the wellbeing room.',
        'Referred to the school counsellor.',
        'Completed a safety plan together.',
      ]),
      peopleTold: r.pick(['Pastoral lead', 'DSL in person', 'School counsellor']),
      location: r.pick(CLASSROOMS),
    }),
  },
  {
    id: 'self_harm',
    level: 3,
    weight: 4,
    categories: ['mental_health'],
    roles: ['subject'],
    maxOthers: 0,
    bodyMap: 0.5,
    text: (r, n) => ({
      summary: `Noticed ${r.pick(['fresh cuts', 'healing scratches', 'a bandage'])} on ${n.subject}’s ${r.pick(['left forearm', 'right wrist', 'upper arm'])} during ${r.pick(['PE', 'science', 'registration'])}. ${n.subject} pulled sleeve down when asked.`,
      childWords: r.pick([
        'It helps me cope.',
        'The cat scratched me.',
        'Please don’t tell my dad.',
      ]),
      opinion: 'Self-harm suspected; injuries looked recent.',
      actionsTaken: 'Took to the medical room for first aid. Did not leave alone.',
      peopleTold: 'DSL in person, school nurse',
      location: r.pick(['Sports hall', 'Science lab 3', 'Form room']),
    }),
  },
  {
    id: 'attendance',
    level: 1,
    weight: 8,
    categories: ['neglect', 'absence'],
    roles: ['subject'],
    maxOthers: 0,
    text: (r, n) => ({
      summary: `${n.subject} has been absent ${r.int(3, 9)} days in the last two weeks with no contact from home. ${r.pick(['Phone calls unanswered.', 'Home visit: no answer at the door.', 'Sibling said they were “looking after mum”.'])}`,
      childWords: '',
      opinion: r.pick(['Risk of going missing from education.', '']),
      actionsTaken: 'First-day calling, letter home, attendance officer informed.',
      peopleTold: 'Attendance officer',
      location: 'Not in school',
    }),
  },
  {
    id: 'bullying',
    level: 1,
    weight: 8,
    categories: ['emotional', 'bullying'],
    roles: ['victim', 'alleged_perpetrator'],
    maxOthers: 3,
    text: (r, n) => ({
      summary: `${n.subject} reported that ${list(n.others)} ${r.pick(['have been calling them names about their weight', 'made a group chat to mock them', 'keep taking their things and throwing them in the bin', 'shared a photo of them with cruel comments'])}. This has gone on for ${r.pick(['a week', 'several weeks', 'since September'])}.`,
      childWords: r.pick([
        'They say everyone hates me.',
        'I don’t want to come in any more.',
        'It happens every break.',
      ]),
      opinion: r.pick([
        'Prejudice-based: comments were about their religion.',
        '',
        'Victim visibly distressed.',
      ]),
      actionsTaken: 'Spoke to each pupil separately; screenshots kept; parents contacted.',
      peopleTold: 'Head of year',
      location: r.pick(OUTSIDE),
    }),
  },
  {
    id: 'fight',
    level: 1,
    weight: 8,
    categories: ['physical', 'peer_physical'],
    roles: ['victim', 'alleged_perpetrator', 'witness'],
    maxOthers: 3,
    bodyMap: 0.3,
    text: (r, n) => ({
      summary: `Saw ${list(n.others.slice(0, 1))} ${r.pick(['punch', 'kick', 'push over', 'headlock'])} ${n.subject} ${r.pick(['twice', 'repeatedly', 'once'])} at ${r.pick(['lunch', 'break', 'the end of the day'])}. ${r.pick(['A crowd was filming.', 'Others joined in.', 'It stopped when staff arrived.'])}`,
      childWords: r.pick(['He said he would get me after school.', 'They started it.', '']),
      opinion: r.pick(['This may be part of a pattern.', '', 'Filming suggests it was planned.']),
      actionsTaken: 'Separated them and took both to the office. Injuries checked.',
      peopleTold: 'Head of year, duty senior leader',
      location: r.pick(OUTSIDE),
    }),
  },
  {
    id: 'online',
    level: 2,
    weight: 5,
    categories: ['online_contact', 'online_content'],
    roles: ['subject'],
    maxOthers: 0,
    text: (r, n) => ({
      summary: `${n.subject} showed messages from ${r.pick(['an adult they met on a gaming site', 'an account claiming to be a Year 11 from another school', 'a chatbot app that told them to keep secrets'])}. ${r.pick(['They asked for a photo.', 'They offered gift cards.', `They asked where ${n.subject} lives.`])}`,
      childWords: r.pick(['He said he was 15.', 'I thought it was a friend.', '']),
      opinion: 'Possible grooming: contact is escalating.',
      actionsTaken: 'Screenshots not taken (images not viewed). Device kept with the pupil.',
      peopleTold: 'DSL in person',
      location: r.pick(CLASSROOMS),
    }),
  },
  {
    id: 'nudes',
    level: 3,
    weight: 3,
    categories: ['sexual', 'intimate_images', 'sexual_harassment'],
    roles: ['victim', 'alleged_perpetrator', 'witness'],
    maxOthers: 4,
    flags: (r) => ({ possibleChildSexOffence: r.chance(0.6) }),
    text: (r, n) => ({
      summary:
        `${n.subject} said that ${list(n.others.slice(0, 1))} shared a nude image of them ${r.pick(['in a group chat', 'on Snapchat', 'around the year group'])}${r.pick([' that may be AI-generated', '', ' after they broke up'])}. ${n.others.length > 1 ? `${list(n.others.slice(1))} saw it.` : ''}`.trim(),
      childWords: r.pick(['Everyone has seen it.', 'I only sent it to him.', '']),
      opinion: '',
      actionsTaken: 'Did not view or copy the image. Followed the UKCIS guidance.',
      peopleTold: 'DSL in person',
      location: r.pick(CLASSROOMS),
    }),
  },
  {
    id: 'harassment',
    level: 2,
    weight: 3,
    categories: ['sexual', 'sexual_harassment', 'misogyny'],
    roles: ['victim', 'alleged_perpetrator', 'witness'],
    maxOthers: 3,
    text: (r, n) => ({
      summary: `${n.subject} reported that ${list(n.others.slice(0, 1))} ${r.pick(['made sexual comments about her body', 'repeatedly touched her in the corridor', 'pinged her bra strap and laughed'])}.`,
      childWords: r.pick([
        'They think it’s a joke.',
        'It makes me not want to walk past them.',
        '',
      ]),
      opinion: r.pick(['', 'Part of a wider culture in that year group.']),
      actionsTaken: 'Listened, reassured, recorded her words.',
      peopleTold: 'Head of year, DSL',
      location: r.pick(['Maths corridor', 'Canteen', 'Bus bay']),
    }),
  },
  {
    id: 'domestic_abuse',
    level: 3,
    weight: 5,
    categories: ['emotional', 'domestic_abuse'],
    roles: ['subject'],
    maxOthers: 0,
    text: (r, n) => ({
      summary: `${n.subject} said there was ${r.pick(['shouting and things being thrown at home last night', 'a fight between mum and her partner', 'police at the house again at the weekend'])}. ${r.pick(['Was tired and on edge all morning.', 'Asked if they could stay late at school.', 'Younger siblings were there too.'])}`,
      childWords: r.pick([
        'He smashed the TV.',
        'I hid in my room with my brother.',
        'It’s always like this when he drinks.',
      ]),
      opinion: 'Child living with domestic abuse.',
      actionsTaken: 'Checked for injuries (none seen). Spoke to DSL straight away.',
      peopleTold: 'DSL in person',
      location: r.pick(['Form room', 'Wellbeing room']),
    }),
  },
  {
    id: 'injury',
    level: 4,
    weight: 4,
    categories: ['physical'],
    roles: ['subject'],
    maxOthers: 0,
    bodyMap: 0.9,
    text: (r, n) => ({
      summary: `Noticed a ${r.pick(['bruise', 'finger-mark bruising', 'burn', 'red mark'])} on ${n.subject}’s ${r.pick(['cheek', 'upper arm', 'neck', 'back of the leg'])}. ${r.pick(['Explanation changed when asked again.', 'Said they fell off a bike.', 'Flinched when the teacher raised a hand to point.'])}`,
      childWords: r.pick(['I fell down the stairs.', 'Dad got angry.', 'I don’t remember.']),
      opinion: r.pick(['Explanation does not fit the injury.', '']),
      actionsTaken: 'Recorded the marks on a body map. Did not examine further.',
      peopleTold: 'DSL in person',
      location: r.pick(['Sports hall', 'Form room']),
    }),
  },
  {
    id: 'substances',
    level: 2,
    weight: 4,
    categories: ['drugs_alcohol'],
    roles: ['subject', 'witness'],
    maxOthers: 2,
    text: (r, n) => ({
      summary: `${n.subject} was found with ${r.pick(['a vape containing THC', 'cannabis in their bag', 'a bottle of vodka', 'pills they could not explain'])}. ${r.pick(['Smelt strongly of cannabis.', 'Seemed unsteady and drowsy.', 'Said an older friend gave it to them.'])}`,
      childWords: r.pick(['Everyone does it.', 'It’s not mine.', '']),
      opinion: '',
      actionsTaken: 'Item confiscated and logged. Parents contacted.',
      peopleTold: 'Deputy head, DSL',
      location: r.pick(['Toilets', 'Bus bay', 'Field']),
    }),
  },
  {
    id: 'cce',
    level: 4,
    weight: 2,
    categories: ['physical', 'cce', 'gangs'],
    roles: ['subject', 'witness'],
    maxOthers: 1,
    text: (r, n) => ({
      summary: `${n.subject} has ${r.pick(['new expensive trainers and two phones', 'been seen getting into cars after school', 'been missing overnight twice this month'])}. ${r.pick(['Older young people wait at the gate.', 'Has a train ticket to another city.', 'Has cash they cannot explain.'])}`,
      childWords: r.pick(['I’m just helping a mate.', 'You don’t know what they’d do.', '']),
      opinion: 'Indicators of criminal exploitation (county lines).',
      actionsTaken: 'Shared with DSL; checked missing episodes with police.',
      peopleTold: 'DSL in person',
      location: 'School gate',
    }),
  },
  {
    id: 'knife',
    level: 4,
    decision: 'police',
    weight: 1,
    categories: ['physical', 'serious_violence'],
    roles: ['subject', 'witness'],
    maxOthers: 2,
    text: (r, n) => ({
      summary: `${n.subject} was seen with a ${r.pick(['knife', 'lock knife', 'screwdriver sharpened to a point'])} in their blazer. ${r.pick(['Said it was for protection.', 'Said someone was after them.'])}`,
      childWords: 'I need it. You don’t get it.',
      opinion: '',
      actionsTaken: 'Knife secured; police informed; search carried out as policy.',
      peopleTold: 'Headteacher, DSL, police',
      location: r.pick(OUTSIDE),
    }),
  },
  {
    id: 'young_carer',
    level: 2,
    weight: 3,
    categories: ['young_carer', 'parental_mental_health'],
    roles: ['subject'],
    maxOthers: 0,
    text: (r, n) => ({
      summary: `${n.subject} said they ${r.pick(['care for mum most evenings', 'do the shopping and cooking for the family', 'take their younger siblings to school every day'])}. Often late and has missed homework.`,
      childWords: r.pick(['Someone has to.', 'Mum has bad days.', '']),
      opinion: 'Possible young carer: not yet identified.',
      actionsTaken: 'Told about the young carers group.',
      peopleTold: 'Head of year',
      location: 'Form room',
    }),
  },
  {
    id: 'parental_conflict',
    level: 1,
    weight: 4,
    categories: ['emotional', 'parental_conflict'],
    roles: ['subject'],
    maxOthers: 0,
    text: (r, n) => ({
      summary: `${n.subject}’s parents ${r.pick(['argued at the school gate', 'both rang about collection with conflicting instructions', 'are in a court dispute over contact'])}. ${n.subject} was upset afterwards.`,
      childWords: r.pick(['They always make me choose.', '']),
      opinion: '',
      actionsTaken: 'Checked who has parental responsibility and any court order.',
      peopleTold: 'Office, head of year',
      location: 'Reception',
    }),
  },
  {
    id: 'radicalisation',
    level: 3,
    decision: 'prevent',
    weight: 0.4,
    categories: ['extremism', 'prevent'],
    roles: ['subject'],
    maxOthers: 0,
    text: (r, n) => ({
      summary: `${n.subject} ${r.pick(['shared extreme far-right videos in class', 'drew symbols linked to an extremist group', 'said violence against a group was justified'])}.`,
      childWords: r.pick(['It’s just the truth.', 'It’s a joke.']),
      opinion: 'Possible radicalisation; views are escalating.',
      actionsTaken: 'Recorded exact words. Discussed with DSL about Prevent.',
      peopleTold: 'DSL in person',
      location: r.pick(CLASSROOMS),
    }),
  },
  {
    id: 'fgm',
    level: 4,
    decision: 'police',
    weight: 0.1,
    categories: ['physical', 'fgm'],
    roles: ['subject'],
    maxOthers: 0,
    flags: (r) => ({ fgmKnownCase: r.chance(0.5) }),
    text: (r, n) => ({
      summary: `${n.subject} ${r.pick(['talked about a special ceremony during a long summer trip abroad', 'has been in pain and spending a long time in the toilet since returning from holiday'])}.`,
      childWords: r.pick(['I’m going to become a woman.', 'I can’t talk about it.']),
      opinion: 'Possible FGM: mandatory reporting duty may apply.',
      actionsTaken: 'Did not examine. Spoke to DSL immediately.',
      peopleTold: 'DSL in person',
      location: 'Form room',
    }),
  },
  {
    id: 'forced_marriage',
    level: 4,
    weight: 0.1,
    categories: ['emotional', 'forced_marriage'],
    roles: ['subject'],
    maxOthers: 0,
    text: (r, n) => ({
      summary: `${n.subject} said the family is planning a trip ${r.pick(['to meet the man she will marry', 'for an engagement she does not want'])}.`,
      childWords: 'They’ve already bought the tickets.',
      opinion: 'Possible forced marriage: do not contact the family.',
      actionsTaken: 'Spoke to DSL at once. Family not told.',
      peopleTold: 'DSL in person',
      location: 'Library',
    }),
  },
  {
    id: 'staff_allegation',
    level: 2,
    decision: 'lado',
    weight: 0.3,
    categories: ['allegation_staff'],
    roles: ['subject'],
    maxOthers: 0,
    flags: () => ({ allegationAboutAdult: true }),
    text: (r, n) => ({
      summary: `${n.subject} said a member of staff ${r.pick(['messaged them on a personal account', 'grabbed their arm hard in the corridor', 'gave them a lift home and told them to keep it quiet'])}.`,
      childWords: r.pick(['He said it was our secret.', 'It really hurt.']),
      opinion: '',
      actionsTaken: 'Passed to the headteacher without telling the member of staff.',
      peopleTold: 'Headteacher',
      location: r.pick(CLASSROOMS),
    }),
  },
];

/** What the corrections beneath a concern say, with their reasons. */
export const corrections: readonly { reason: string; text: string }[] = [
  {
    reason: 'Wrong date given in the original record',
    text: 'This happened the day before, not on the date recorded.',
  },
  {
    reason: 'Name of the member of staff told was wrong',
    text: 'I told the head of year, not the form tutor.',
  },
  {
    reason: 'Further detail remembered after recording',
    text: 'The child also said an older brother was present.',
  },
  { reason: 'Location recorded incorrectly', text: 'It was by the bus bay, not on the field.' },
  {
    reason: 'Spelling of a name corrected after checking',
    text: 'The other pupil’s name was misspelt in the summary.',
  },
];

/** Why the DSL set a level, by level. */
export const levelRationales: Record<ConcernLevel, readonly string[]> = {
  1: [
    'Needs met within school: pastoral support in place, no wider concern.',
    'Single low-level concern; no pattern on the file at present.',
  ],
  2: [
    'Emerging needs across home and school that call for coordinated support.',
    'Pattern of concerns this term; family open to early help.',
  ],
  3: [
    'Needs likely to be met only with children’s social care involvement (section 17).',
    'Concerns escalating despite early help; threshold for a child in need assessment.',
  ],
  4: [
    'Reasonable cause to suspect significant harm: section 47 threshold met.',
    'Disclosure and injury together indicate risk of significant harm.',
  ],
};

export const decisionRationales: Record<DecisionKind, string> = {
  no_further_action: 'Handled in school; parents informed; nothing further needed.',
  monitor: 'Monitor attendance, presentation and mood; review with the head of year.',
  early_help: 'Family agreed to an early help assessment; lead practitioner to be named.',
  referral_csc:
    'Referred to children’s social care through the front door, as the threshold is met.',
  police: 'A crime may have been committed: reported to the police on 101.',
  lado: 'Allegation about a member of staff meets the harm threshold: LADO consulted.',
  prevent: 'Concern about radicalisation: Prevent referral made after talking to the local lead.',
  other: 'Agreed with the family and the school nurse to meet again.',
};

export const actionTexts: readonly string[] = [
  'Check in with the pupil at the end of the week',
  'Phone parent or carer to share the concern',
  'Update the pastoral support plan',
  'Share with the allocated social worker',
  'Refer to the school counsellor',
  'Complete the early help assessment',
  'Speak to the form tutor about changes in presentation',
];

export const completionNotes: readonly string[] = [
  'Done: pupil seen and says things are better.',
  'Spoke to mum by phone; she will come in next week.',
  'Plan updated and shared with staff who teach the pupil.',
  'Emailed the social worker; acknowledged the same day.',
];

export const closureTexts: readonly { summary: string; followUp: string; outcome: string }[] = [
  {
    summary: 'Concern triaged and followed up in school.',
    followUp: 'Pupil and parent spoken to; staff asked to watch for changes.',
    outcome: 'Resolved; no further concerns raised.',
  },
  {
    summary: 'Concern shared with partner agencies as decided.',
    followUp: 'Agency response received and recorded on the file.',
    outcome: 'Support in place through the agency; school to keep monitoring.',
  },
  {
    summary: 'Monitoring period completed.',
    followUp: 'Reviewed with the head of year at the review date.',
    outcome: 'No pattern found; closed.',
  },
];

export const encompassSummaries: readonly string[] = [
  'Police attended a verbal argument between the parents at the home address. No arrests.',
  'Report of a domestic incident at the home overnight; the children were upstairs.',
  'Mother’s former partner attended the home in breach of a non-molestation order; arrested.',
  'Neighbours called police about shouting and breaking glass at the address.',
];
