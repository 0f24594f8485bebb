import { describe, expect, it } from 'vitest';

import {
  categoryIds,
  concernTags,
  isCategoryId,
  kcsieEditions,
  statutoryCategories,
  statutoryCategoryIds,
  tagGroups,
} from '../../shared/concerns/taxonomy';

describe('the concern taxonomy (domain.md §7)', () => {
  it('has the four statutory categories at level 1', () => {
    expect(statutoryCategories.map((c) => c.id)).toEqual([
      'physical',
      'emotional',
      'sexual',
      'neglect',
    ]);
  });

  it('has every group the domain lists, none empty, with unique group ids', () => {
    expect(tagGroups.map((g) => g.id)).toEqual([
      'exploitation',
      'child_on_child',
      'online',
      'family_home',
      'harmful_practices',
      'radicalisation',
      'violence',
      'health_wellbeing',
      'education_status',
      'adults',
      'other',
    ]);
    for (const group of tagGroups) expect(group.tags.length, group.id).toBeGreaterThan(0);
  });

  it('gives every category and tag a unique, stable-looking id', () => {
    expect(new Set(categoryIds).size).toBe(categoryIds.length);
    for (const id of categoryIds) expect(id).toMatch(/^[a-z][a-z_]{1,59}$/);
  });

  it('maps tags only to a statutory category, and records source and editions', () => {
    for (const tag of concernTags) {
      if (tag.cpCategory !== null) expect(statutoryCategoryIds).toContain(tag.cpCategory);
      expect(['KCSIE Part one', 'KCSIE Annex B']).toContain(tag.source);
      expect(kcsieEditions).toContain(tag.editionAdded);
      expect(tag.editionRetired).toBeNull();
      expect(tag.label.trim()).toBe(tag.label);
    }
  });

  it('recognises known ids only', () => {
    expect(isCategoryId('physical')).toBe(true);
    expect(isCategoryId('fgm')).toBe(true);
    expect(isCategoryId('toString')).toBe(false);
    expect(isCategoryId('nonsense')).toBe(false);
  });
});
