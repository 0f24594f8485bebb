/**
 * The continuum of need (Working Together 2023; the levels most local authorities' thresholds
 * documents use): the level a DSL gives a concern at triage. Data, not code: the names, the
 * statutory basis and the hint shown beside each choice all come from here.
 */
export const concernLevels = [1, 2, 3, 4] as const;
export type ConcernLevel = (typeof concernLevels)[number];

export type LevelInfo = { name: string; hint: string };

export const levelInfo: Record<ConcernLevel, LevelInfo> = {
  1: {
    name: 'Universal',
    hint: 'Needs met by the school and other universal services; no extra support needed.',
  },
  2: {
    name: 'Early help',
    hint: 'Emerging needs that call for coordinated support, such as an early help assessment.',
  },
  3: {
    name: 'Child in need',
    hint: 'A child in need under section 17 of the Children Act 1989: refer to children’s social care.',
  },
  4: {
    name: 'Child protection',
    hint: 'Reasonable cause to suspect significant harm (section 47 enquiries): refer at once.',
  },
};

export function isConcernLevel(value: number): value is ConcernLevel {
  return (concernLevels as readonly number[]).includes(value);
}

/** "3 Child in need": the number and name, as the continuum is usually written. */
export function levelLabel(level: ConcernLevel): string {
  return `${level} ${levelInfo[level].name}`;
}

/** The chronology title of a change of level: "Level raised from 2 Early help to 3 Child in need". */
export function levelChangeTitle(from: ConcernLevel | null, to: ConcernLevel): string {
  if (from === null) return `Level set at ${levelLabel(to)}`;
  const direction = to > from ? 'raised' : 'lowered';
  return `Level ${direction} from ${levelLabel(from)} to ${levelLabel(to)}`;
}
