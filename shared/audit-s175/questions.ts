/**
 * Lantern's default question set for the annual safeguarding self-assessment, drawn from KCSIE
 * (domain.md §3.1–§3.12, §5). Local authorities publish their own; a school imports theirs as
 * CSV (schema.ts parseQuestionCsv). Paragraph numbers change between editions, so the source
 * names the part of the guidance, never a bare paragraph.
 */
import type { AuditQuestion } from './schema';

type Entry = [section: string, text: string, evidence: string, source: string];

const LEADERSHIP = 'Leadership and governance';
const DSL = 'The designated safeguarding lead';
const POLICIES = 'Policies and procedures';
const TRAINING = 'Staff training and induction';
const RECRUITMENT = 'Safer recruitment and the single central record';
const ALLEGATIONS = 'Allegations and low-level concerns';
const ONLINE = 'Online safety, filtering and monitoring';
const RECORDS = 'Record keeping and file transfer';
const ABSENCE = 'Children absent from education';
const EARLY_HELP = 'Early help and multi-agency working';
const LAC = 'Looked-after and previously looked-after children';
const CHILD_ON_CHILD = 'Child-on-child abuse';
const PREVENT = 'Prevent';
const ENCOMPASS = 'Operation Encompass';

const ENTRIES: readonly Entry[] = [
  [
    LEADERSHIP,
    'Is there a named governor or trustee who leads on safeguarding at board level?',
    'Minutes of the meeting appointing the safeguarding governor; their training record.',
    'KCSIE Part two',
  ],
  [
    LEADERSHIP,
    'Does the governing body receive a safeguarding report at least annually and challenge it?',
    'Governing body minutes recording the report and the questions asked.',
    'KCSIE Part two; Education Act 2002 s.175/s.157',
  ],
  [
    LEADERSHIP,
    'Is a governor nominated to liaise with the LADO if an allegation is made against the headteacher?',
    'Governing body minutes naming the nominated governor (usually the chair).',
    'KCSIE Part four',
  ],
  [
    LEADERSHIP,
    'Does the school take a whole-school approach, teaching pupils about safeguarding, including online safety, through the curriculum?',
    'RSHE scheme of work; curriculum map; pupil voice.',
    'KCSIE Part two',
  ],
  [
    DSL,
    'Is the DSL a senior member of the leadership team, with the role explicit in their job description?',
    'DSL job description; staffing structure.',
    'KCSIE Annex C',
  ],
  [
    DSL,
    'Does the DSL have the time, funding, training, resources and support to carry out the role?',
    'Timetable or allocated time; budget for training and supervision.',
    'KCSIE Annex C',
  ],
  [
    DSL,
    'Have the DSL and every deputy completed formal DSL training within the last two years?',
    'Training records with certificates and dates.',
    'KCSIE Annex C',
  ],
  [
    DSL,
    'Does the DSL refresh their knowledge and skills at least annually (bulletins, networks, reading)?',
    'Record of updates attended or read.',
    'KCSIE Annex C',
  ],
  [
    DSL,
    'Is the DSL or a deputy available during school hours, with cover arranged for out-of-hours and holiday activities?',
    'DSL rota; out-of-hours arrangements.',
    'KCSIE Annex C',
  ],
  [
    POLICIES,
    'Is the child protection policy reviewed at least annually, reflecting local multi-agency arrangements, and published?',
    'Policy with approval date; website page; governing body minutes.',
    'KCSIE Part two',
  ],
  [
    POLICIES,
    'Is there a staff behaviour policy (code of conduct) covering acceptable use, staff–pupil relationships, social media and low-level concerns?',
    'Staff code of conduct with review date; staff acknowledgement.',
    'KCSIE Part two',
  ],
  [
    POLICIES,
    'Are the behaviour, whistleblowing, online safety and allegations policies in place and in date?',
    'Policy register with approval and next review dates.',
    'KCSIE Part two',
  ],
  [
    POLICIES,
    'Are parents told that the school may make referrals to children’s social care without their consent?',
    'Website statement; prospectus or admissions pack.',
    'KCSIE Part two',
  ],
  [
    TRAINING,
    'Does every new member of staff, volunteer and governor receive safeguarding induction, including the child protection policy, behaviour policy, code of conduct and the identity of the DSL?',
    'Induction checklist signed by each new starter.',
    'KCSIE Part two',
  ],
  [
    TRAINING,
    'Have all staff read KCSIE Part one (or Annex A) for the current edition and confirmed they have done so?',
    'Signed or recorded attestations for the current edition.',
    'KCSIE Part one',
  ],
  [
    TRAINING,
    'Do all staff receive safeguarding and child protection training, including online safety and filtering and monitoring, updated at least annually?',
    'Training records; attendance registers; training content.',
    'KCSIE Part two',
  ],
  [
    TRAINING,
    'Have governors and trustees received safeguarding training at induction, regularly updated?',
    'Governor training records.',
    'KCSIE Part two',
  ],
  [
    RECRUITMENT,
    'Does the single central record show every required check, with its date, for every member of staff, supply worker and (as applicable) governor?',
    'Single central record; sample check of personnel files.',
    'KCSIE Part three',
  ],
  [
    RECRUITMENT,
    'Has at least one member of each recruitment panel completed safer recruitment training?',
    'Safer recruitment training records; interview panel records.',
    'KCSIE Part three',
  ],
  [
    RECRUITMENT,
    'Is written confirmation held from agencies and third parties that they have carried out the checks on their staff?',
    'Agency confirmation letters recorded on the single central record.',
    'KCSIE Part three',
  ],
  [
    ALLEGATIONS,
    'Are allegations that may meet the harm threshold reported to the LADO without delay, and records kept as KCSIE requires?',
    'Allegations log (no names in this audit); LADO correspondence.',
    'KCSIE Part four',
  ],
  [
    ALLEGATIONS,
    'Are low-level concerns recorded, reviewed for patterns and kept at least until the person leaves employment?',
    'Low-level concerns log and review notes.',
    'KCSIE Part four',
  ],
  [
    ALLEGATIONS,
    'Do staff know how to raise concerns about adults, including the whistleblowing route and the NSPCC helpline?',
    'Staff survey or training records; posters.',
    'KCSIE Part two',
  ],
  [
    ONLINE,
    'Are filtering and monitoring systems in place, with their effectiveness reviewed at least annually?',
    'Filtering and monitoring review record; test results.',
    'KCSIE Part two; DfE filtering and monitoring standards',
  ],
  [
    ONLINE,
    'Do the DSL and the senior leadership team understand the filtering and monitoring systems and who is responsible for what?',
    'Roles and responsibilities for filtering and monitoring; DSL training record.',
    'KCSIE Part two; Annex C',
  ],
  [
    ONLINE,
    'Does the school meet the DfE cyber security standards, with annual cyber awareness training for staff with IT access?',
    'Cyber security review; training records.',
    'DfE Meeting digital and technology standards',
  ],
  [
    RECORDS,
    'Are all concerns, discussions, decisions and the reasons for them recorded in writing and stored securely, with a separate child protection file for each child?',
    'Sample of child protection files (reviewed by the DSL, not copied here).',
    'KCSIE Part one',
  ],
  [
    RECORDS,
    'Are child protection files transferred securely to the new setting within 5 days, separately from the main pupil file, with receipt confirmed?',
    'Transfer log with dates and receipts.',
    'KCSIE Part two; Annex C',
  ],
  [
    ABSENCE,
    'Does the school follow up children who are absent from education, particularly repeatedly or for long periods, as a potential safeguarding concern?',
    'Attendance procedures; first-day calling records; analysis of persistent absence.',
    'KCSIE Part two; Working Together to Improve School Attendance',
  ],
  [
    ABSENCE,
    'Does the school notify the local authority of additions to and deletions from the admission register as required?',
    'Register notifications to the local authority.',
    'Pupil Registration Regulations 2024',
  ],
  [
    EARLY_HELP,
    'Do staff identify children who may benefit from early help, and does the DSL lead on early help assessments?',
    'Early help records; staff training content.',
    'KCSIE Part one; Working Together 2023',
  ],
  [
    EARLY_HELP,
    'Does the school contribute to multi-agency working in line with the local safeguarding partnership arrangements?',
    'Attendance at strategy discussions, conferences and core groups.',
    'Working Together 2023',
  ],
  [
    LAC,
    'Is there a designated teacher for looked-after and previously looked-after children, with appropriate training?',
    'Designated teacher appointment; training record.',
    'Children and Young Persons Act 2008 s.20; KCSIE Part two',
  ],
  [
    LAC,
    'Does the DSL hold the details of each looked-after child’s social worker and the virtual school head, and work with them?',
    'Contact records for social workers and the virtual school.',
    'KCSIE Part two',
  ],
  [
    CHILD_ON_CHILD,
    'Does the child protection policy set out how the school prevents, identifies and responds to child-on-child abuse, including sexual violence and harassment?',
    'Child protection policy section on child-on-child abuse.',
    'KCSIE Part one; Part five',
  ],
  [
    CHILD_ON_CHILD,
    'Are decisions about reports of sexual violence and harassment recorded with their reasons, and risk assessments kept under review?',
    'Risk assessment template and review dates (no names in this audit).',
    'KCSIE Part five',
  ],
  [
    PREVENT,
    'Has the school completed a Prevent risk assessment, and have staff received Prevent training appropriate to their role?',
    'Prevent risk assessment; training records.',
    'Prevent duty guidance 2023; CTSA 2015 s.26',
  ],
  [
    PREVENT,
    'Do staff know how to raise a concern about radicalisation (Notice, Check, Share) and does the DSL know how to refer?',
    'Staff training content; referral procedure.',
    'Prevent duty guidance 2023',
  ],
  [
    ENCOMPASS,
    'Is the school signed up to Operation Encompass, with a key adult who receives notifications before the start of the next school day?',
    'Named key adult; notification procedure.',
    'Domestic Abuse Act 2021 s.49A; Operation Encompass guidance 2025',
  ],
  [
    ENCOMPASS,
    'Are Operation Encompass notifications recorded and the support for each child considered the same day?',
    'Notification records with support planned (reviewed by the DSL, not copied here).',
    'Operation Encompass guidance 2025',
  ],
];

export const DEFAULT_QUESTION_SOURCE = 'Lantern (Keeping Children Safe in Education)';

export const DEFAULT_QUESTIONS: readonly AuditQuestion[] = ENTRIES.map(
  ([section, text, evidence, source], i) => ({
    id: `k${String(i + 1).padStart(3, '0')}`,
    section,
    text,
    evidence,
    source,
  }),
);
