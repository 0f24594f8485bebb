/**
 * The two-level concern taxonomy (domain.md §7): level 1 the four statutory categories, which
 * match the child protection plan categories; level 2 the specific safeguarding issues of
 * KCSIE Part one and Annex B, as multi-select tags in groups. Ids are stable: they are stored
 * with every concern, so a tag is retired (editionRetired), never renamed or removed.
 */

export const kcsieEditions = ['KCSIE 2024', 'KCSIE 2025', 'KCSIE 2026'] as const;
export type KcsieEdition = (typeof kcsieEditions)[number];

export type TaxonomySource = 'KCSIE Part one' | 'KCSIE Annex B';

export const statutoryCategoryIds = ['physical', 'emotional', 'sexual', 'neglect'] as const;
export type StatutoryCategoryId = (typeof statutoryCategoryIds)[number];

export type StatutoryCategory = {
  id: StatutoryCategoryId;
  label: string;
  hint: string;
  source: TaxonomySource;
  editionAdded: KcsieEdition;
  editionRetired: KcsieEdition | null;
};

export type ConcernTag = {
  id: string;
  label: string;
  source: TaxonomySource;
  editionAdded: KcsieEdition;
  editionRetired: KcsieEdition | null;
  /** The CP-plan category this tag counts under in statistics, when there is one. */
  cpCategory: StatutoryCategoryId | null;
};

export type TagGroup = { id: string; label: string; tags: readonly ConcernTag[] };

export const statutoryCategories: readonly StatutoryCategory[] = [
  {
    id: 'physical',
    label: 'Physical abuse',
    hint: 'Hitting, shaking, throwing, burning, or otherwise causing physical harm.',
    source: 'KCSIE Part one',
    editionAdded: 'KCSIE 2024',
    editionRetired: null,
  },
  {
    id: 'emotional',
    label: 'Emotional abuse',
    hint: 'Persistent ill-treatment, including verbal abuse: criticism, belittling, name-calling.',
    source: 'KCSIE Part one',
    editionAdded: 'KCSIE 2024',
    editionRetired: null,
  },
  {
    id: 'sexual',
    label: 'Sexual abuse',
    hint: 'Including non-contact and online abuse, and abuse by other children.',
    source: 'KCSIE Part one',
    editionAdded: 'KCSIE 2024',
    editionRetired: null,
  },
  {
    id: 'neglect',
    label: 'Neglect',
    hint: 'Persistent failure to meet a child’s basic physical or psychological needs.',
    source: 'KCSIE Part one',
    editionAdded: 'KCSIE 2024',
    editionRetired: null,
  },
];

function tag(
  id: string,
  label: string,
  cpCategory: StatutoryCategoryId | null,
  editionAdded: KcsieEdition = 'KCSIE 2024',
  source: TaxonomySource = 'KCSIE Annex B',
): ConcernTag {
  return { id, label, source, editionAdded, editionRetired: null, cpCategory };
}

export const tagGroups: readonly TagGroup[] = [
  {
    id: 'exploitation',
    label: 'Exploitation',
    tags: [
      tag('cse', 'Child sexual exploitation', 'sexual'),
      tag('cce', 'Child criminal exploitation, county lines or cuckooing', 'physical'),
      tag('modern_slavery', 'Modern slavery and trafficking', null),
      tag('financial_exploitation', 'Child financial exploitation', null),
      tag('grooming', 'Grooming, including group-based grooming', 'sexual', 'KCSIE 2026'),
    ],
  },
  {
    id: 'child_on_child',
    label: 'Child-on-child abuse',
    tags: [
      tag('bullying', 'Bullying or cyberbullying, including prejudice-based', 'emotional'),
      tag('relationship_abuse', 'Abuse in intimate relationships between children', null),
      tag(
        'peer_physical',
        'Physical abuse by other children',
        'physical',
        'KCSIE 2024',
        'KCSIE Part one',
      ),
      tag('sexual_violence', 'Sexual violence', 'sexual', 'KCSIE 2024', 'KCSIE Part one'),
      tag(
        'sexual_harassment',
        'Sexual harassment, including online',
        'sexual',
        'KCSIE 2024',
        'KCSIE Part one',
      ),
      tag(
        'sexual_activity_without_consent',
        'Causing someone to engage in sexual activity without consent',
        'sexual',
      ),
      tag(
        'intimate_images',
        'Sharing nude or semi-nude images, including AI-generated',
        'sexual',
        'KCSIE 2026',
      ),
      tag('upskirting', 'Upskirting', 'sexual'),
      tag('initiation_hazing', 'Initiation or hazing', 'physical'),
    ],
  },
  {
    id: 'online',
    label: 'Online safety',
    tags: [
      tag(
        'online_content',
        'Harmful content (misinformation, pornography, self-harm content)',
        null,
      ),
      tag('online_contact', 'Harmful contact, including with generative AI', null, 'KCSIE 2026'),
      tag('online_conduct', 'Harmful conduct, including making explicit images', null),
      tag('online_commerce', 'Commerce: gambling, scams or phishing', null),
      tag('sextortion', 'Sextortion', 'sexual'),
      tag('online_csam', 'Child sexual abuse material online', 'sexual'),
    ],
  },
  {
    id: 'family_home',
    label: 'Family and home',
    tags: [
      tag('domestic_abuse', 'Domestic abuse', 'emotional'),
      tag('parental_substance_misuse', 'Parental substance misuse', 'neglect'),
      tag('parental_mental_health', 'Parental mental ill health', null),
      tag('family_in_prison', 'A family member in prison', null),
      tag('private_fostering', 'Private fostering', null),
      tag('homelessness', 'Homelessness', 'neglect'),
      tag('young_carer', 'Young carer', null),
      tag('parental_conflict', 'Parental conflict', 'emotional'),
    ],
  },
  {
    id: 'harmful_practices',
    label: 'Harmful practices and so-called honour-based abuse',
    tags: [
      tag('fgm', 'Female genital mutilation (FGM)', 'physical'),
      tag('forced_marriage', 'Forced marriage', 'emotional'),
      tag('breast_ironing', 'Breast ironing', 'physical'),
      tag('virginity_testing', 'Virginity testing or hymenoplasty', 'physical'),
      tag('faith_abuse', 'Abuse linked to faith or belief', 'emotional'),
    ],
  },
  {
    id: 'radicalisation',
    label: 'Radicalisation',
    tags: [
      tag('extremism', 'Extremism', null, 'KCSIE 2025'),
      tag('terrorism', 'Terrorism', null),
      tag('prevent', 'Prevent or Channel', null),
    ],
  },
  {
    id: 'violence',
    label: 'Violence',
    tags: [
      tag('serious_violence', 'Serious violence, knives or weapons', 'physical'),
      tag('gangs', 'Gangs and youth violence', 'physical'),
      tag('abduction', 'Child abduction or community safety incident', null),
      tag('court_system', 'Children and the court system', null),
    ],
  },
  {
    id: 'health_wellbeing',
    label: 'Health and wellbeing',
    tags: [
      tag('mental_health', 'Mental health, self-harm, suicidal thoughts or eating disorders', null),
      tag('fii', 'Fabricated or induced illness', 'physical'),
      tag('drugs_alcohol', 'Drug or alcohol misuse', null),
      tag(
        'sexual_health',
        'Sexual health, pregnancy or teenage parent',
        null,
        'KCSIE 2026',
        'KCSIE Part one',
      ),
    ],
  },
  {
    id: 'education_status',
    label: 'Education status',
    tags: [
      tag('absence', 'Absent or missing from education', 'neglect', 'KCSIE 2024', 'KCSIE Part one'),
      tag(
        'elective_home_education',
        'Elective home education or not in school',
        null,
        'KCSIE 2024',
        'KCSIE Part one',
      ),
      tag(
        'exclusion_risk',
        'Multiple suspensions or at risk of permanent exclusion',
        null,
        'KCSIE 2024',
        'KCSIE Part one',
      ),
      tag(
        'removed_from_class',
        'Repeatedly removed from class',
        null,
        'KCSIE 2026',
        'KCSIE Part one',
      ),
    ],
  },
  {
    id: 'adults',
    label: 'Adults',
    tags: [
      tag(
        'allegation_staff',
        'Allegation against staff (harm threshold)',
        null,
        'KCSIE 2024',
        'KCSIE Part one',
      ),
      tag(
        'low_level_concern',
        'Low-level concern about an adult',
        null,
        'KCSIE 2024',
        'KCSIE Part one',
      ),
      tag(
        'concern_about_adult',
        'Concern about a visitor, contractor or parent',
        null,
        'KCSIE 2024',
        'KCSIE Part one',
      ),
    ],
  },
  {
    id: 'other',
    label: 'Other',
    tags: [
      tag('misogyny', 'Misogyny', 'emotional', 'KCSIE 2026', 'KCSIE Part one'),
      tag('general_welfare', 'General welfare or other', null, 'KCSIE 2024', 'KCSIE Part one'),
    ],
  },
];

export const concernTags: readonly ConcernTag[] = tagGroups.flatMap((g) => g.tags);

/** Every id a concern may carry: the four statutory categories and every tag in use. */
export const categoryIds: readonly string[] = [
  ...statutoryCategories.map((c) => c.id),
  ...concernTags.map((t) => t.id),
];

const labels = new Map<string, string>([
  ...statutoryCategories.map((c) => [c.id, c.label] as const),
  ...concernTags.map((t) => [t.id, t.label] as const),
]);

export function isCategoryId(id: string): boolean {
  return labels.has(id);
}

export function categoryLabel(id: string): string {
  return labels.get(id) ?? id;
}
