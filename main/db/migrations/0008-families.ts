import type { Migration } from '.';

export const m0008Families: Migration = {
  name: '0008-families',
  up(db) {
    db.exec(`
      -- Families group children (shared/children/family.ts): children who share a family are
      -- siblings. A child may belong to several (separated parents' households).
      CREATE TABLE families (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE family_children (
        family_id TEXT NOT NULL REFERENCES families (id),
        child_id TEXT NOT NULL REFERENCES children (id),
        added_by TEXT NOT NULL REFERENCES users (id),
        added_at TEXT NOT NULL,
        PRIMARY KEY (family_id, child_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX family_children_by_child ON family_children (child_id, family_id);

      -- Adults in a child's life, recorded on that child's file.
      CREATE TABLE family_adults (
        id TEXT PRIMARY KEY,
        child_id TEXT NOT NULL REFERENCES children (id),
        name TEXT NOT NULL CHECK (name <> ''),
        relationship TEXT NOT NULL CHECK (relationship IN ('mother', 'father', 'step_parent',
          'parent_partner', 'foster_carer', 'kinship_carer', 'special_guardian', 'grandparent',
          'aunt_uncle', 'adult_sibling', 'other_relative', 'other')),
        relationship_detail TEXT NOT NULL,
        parental_responsibility TEXT NOT NULL
          CHECK (parental_responsibility IN ('yes', 'no', 'unknown')),
        -- 'unknown' when nobody has said: an MIS export does not record it.
        lives_with_child TEXT NOT NULL CHECK (lives_with_child IN ('yes', 'no', 'unknown')),
        phone TEXT NOT NULL,
        email TEXT NOT NULL,
        address TEXT NOT NULL,
        contact_restrictions TEXT NOT NULL,
        notes TEXT NOT NULL,
        priority INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 10),
        recorded_by TEXT NOT NULL REFERENCES users (id),
        recorded_at TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES users (id),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX family_adults_by_child ON family_adults (child_id, priority);
      CREATE TRIGGER family_adults_no_delete BEFORE DELETE ON family_adults
        BEGIN SELECT RAISE(ABORT, 'family_adults: an adult on a child''s file is not deleted'); END;
      CREATE TRIGGER family_adults_same_child BEFORE UPDATE ON family_adults
        WHEN NEW.id IS NOT OLD.id OR NEW.child_id IS NOT OLD.child_id
          OR NEW.recorded_by IS NOT OLD.recorded_by OR NEW.recorded_at IS NOT OLD.recorded_at
        BEGIN SELECT RAISE(ABORT, 'family_adults: an adult stays on the same child''s file'); END;

      -- Professionals on a child's file. History: never deleted; end_date is NULL while they
      -- are involved and is set once, by ending it.
      CREATE TABLE key_contacts (
        id TEXT PRIMARY KEY,
        child_id TEXT NOT NULL REFERENCES children (id),
        role TEXT NOT NULL CHECK (role IN ('social_worker', 'virtual_school_head',
          'early_help_lead', 'police', 'health_visitor', 'school_nurse', 'camhs', 'gp',
          'youth_justice', 'other')),
        role_detail TEXT NOT NULL,
        name TEXT NOT NULL CHECK (name <> ''),
        organisation TEXT NOT NULL,
        phone TEXT NOT NULL,
        email TEXT NOT NULL,
        start_date TEXT NOT NULL,
        end_date TEXT,
        notes TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES users (id),
        recorded_at TEXT NOT NULL,
        ended_by TEXT REFERENCES users (id),
        ended_at TEXT,
        CHECK (end_date IS NULL OR end_date >= start_date),
        CHECK ((ended_by IS NULL) = (ended_at IS NULL))
      ) STRICT;
      CREATE INDEX key_contacts_by_child ON key_contacts (child_id, start_date);
      CREATE TRIGGER key_contacts_no_delete BEFORE DELETE ON key_contacts
        BEGIN SELECT RAISE(ABORT, 'key_contacts: a key contact is history and cannot be deleted'); END;
      CREATE TRIGGER key_contacts_end_only BEFORE UPDATE ON key_contacts
        WHEN OLD.end_date IS NOT NULL
          OR NEW.id IS NOT OLD.id OR NEW.child_id IS NOT OLD.child_id OR NEW.role IS NOT OLD.role
          OR NEW.role_detail IS NOT OLD.role_detail OR NEW.name IS NOT OLD.name
          OR NEW.organisation IS NOT OLD.organisation OR NEW.phone IS NOT OLD.phone
          OR NEW.email IS NOT OLD.email OR NEW.start_date IS NOT OLD.start_date
          OR NEW.notes IS NOT OLD.notes OR NEW.recorded_by IS NOT OLD.recorded_by
          OR NEW.recorded_at IS NOT OLD.recorded_at
        BEGIN SELECT RAISE(ABORT, 'key_contacts: only a current key contact can be ended'); END;
    `);
  },
};
