import type {
  AdultDraft,
  ContactRole,
  FamilyAdult,
  KeyContact,
  KeyContactDraft,
  LivesWithChild,
  ParentalResponsibility,
  Relationship,
} from '../../shared/children/family';
import type { Db } from '../db/open';

type AdultRow = {
  id: string;
  child_id: string;
  name: string;
  relationship: Relationship;
  relationship_detail: string;
  parental_responsibility: ParentalResponsibility;
  lives_with_child: LivesWithChild;
  phone: string;
  email: string;
  address: string;
  contact_restrictions: string;
  notes: string;
  priority: number;
  recorded_by_name: string | null;
  recorded_at: string;
  updated_at: string;
};

type ContactRow = {
  id: string;
  child_id: string;
  role: ContactRole;
  role_detail: string;
  name: string;
  organisation: string;
  phone: string;
  email: string;
  start_date: string;
  end_date: string | null;
  notes: string;
  recorded_by_name: string | null;
  recorded_at: string;
  ended_by_name: string | null;
  ended_at: string | null;
};

function toAdult(row: AdultRow): FamilyAdult {
  return {
    id: row.id,
    childId: row.child_id,
    name: row.name,
    relationship: row.relationship,
    relationshipDetail: row.relationship_detail,
    parentalResponsibility: row.parental_responsibility,
    livesWithChild: row.lives_with_child,
    phone: row.phone,
    email: row.email,
    address: row.address,
    contactRestrictions: row.contact_restrictions,
    notes: row.notes,
    priority: row.priority,
    recordedByName: row.recorded_by_name ?? 'Unknown user',
    recordedAt: row.recorded_at,
    updatedAt: row.updated_at,
  };
}

function toContact(row: ContactRow): KeyContact {
  return {
    id: row.id,
    childId: row.child_id,
    role: row.role,
    roleDetail: row.role_detail,
    name: row.name,
    organisation: row.organisation,
    phone: row.phone,
    email: row.email,
    startDate: row.start_date,
    endDate: row.end_date ?? '',
    notes: row.notes,
    recordedByName: row.recorded_by_name ?? 'Unknown user',
    recordedAt: row.recorded_at,
    endedByName: row.ended_at === null ? null : (row.ended_by_name ?? 'Unknown user'),
    endedAt: row.ended_at,
  };
}

function adultParams(adult: AdultDraft) {
  return {
    name: adult.name,
    relationship: adult.relationship,
    relationshipDetail: adult.relationshipDetail,
    parentalResponsibility: adult.parentalResponsibility,
    livesWithChild: adult.livesWithChild,
    phone: adult.phone,
    email: adult.email,
    address: adult.address,
    contactRestrictions: adult.contactRestrictions,
    notes: adult.notes,
    priority: adult.priority,
  };
}

const SELECT_ADULT = `
  SELECT a.id, a.child_id, a.name, a.relationship, a.relationship_detail,
    a.parental_responsibility, a.lives_with_child, a.phone, a.email, a.address,
    a.contact_restrictions, a.notes, a.priority, u.display_name AS recorded_by_name,
    a.recorded_at, a.updated_at
  FROM family_adults a
  LEFT JOIN users u ON u.id = a.recorded_by
`;

const SELECT_CONTACT = `
  SELECT k.id, k.child_id, k.role, k.role_detail, k.name, k.organisation, k.phone, k.email,
    k.start_date, k.end_date, k.notes, r.display_name AS recorded_by_name, k.recorded_at,
    e.display_name AS ended_by_name, k.ended_at
  FROM key_contacts k
  LEFT JOIN users r ON r.id = k.recorded_by
  LEFT JOIN users e ON e.id = k.ended_by
`;

/** Families (which children are siblings), the adults on a child's file and key contacts. */
export function familiesRepo(db: Db) {
  const insertFamily = db.prepare(`
    INSERT INTO families (id, label, created_by, created_at)
    VALUES (:id, :label, :createdBy, :createdAt)
  `);
  const insertMember = db.prepare(`
    INSERT INTO family_children (family_id, child_id, added_by, added_at)
    VALUES (:familyId, :childId, :addedBy, :addedAt)
  `);
  const deleteMember = db.prepare(
    'DELETE FROM family_children WHERE family_id = :familyId AND child_id = :childId',
  );
  const deleteEmptyFamily = db.prepare(`
    DELETE FROM families
    WHERE id = ? AND NOT EXISTS (SELECT 1 FROM family_children WHERE family_id = families.id)
  `);
  const familyById = db.prepare<[string], { id: string; label: string }>(
    'SELECT id, label FROM families WHERE id = ?',
  );
  const familiesOf = db.prepare<[string], { id: string; label: string }>(`
    SELECT f.id, f.label FROM families f JOIN family_children m ON m.family_id = f.id
    WHERE m.child_id = ? ORDER BY f.created_at, f.rowid
  `);
  // Oldest first, as a family is usually described.
  const membersOf = db.prepare<[string], { child_id: string }>(`
    SELECT m.child_id FROM family_children m JOIN children c ON c.id = m.child_id
    WHERE m.family_id = ? ORDER BY c.date_of_birth, c.legal_surname, c.legal_forename, c.id
  `);
  const siblingsOf = db.prepare<[string, string], { child_id: string }>(`
    SELECT DISTINCT other.child_id FROM family_children mine
    JOIN family_children other ON other.family_id = mine.family_id
    WHERE mine.child_id = ? AND other.child_id <> ?
    ORDER BY other.child_id
  `);

  const insertAdult = db.prepare(`
    INSERT INTO family_adults (id, child_id, name, relationship, relationship_detail,
      parental_responsibility, lives_with_child, phone, email, address, contact_restrictions,
      notes, priority, recorded_by, recorded_at, updated_by, updated_at)
    VALUES (:id, :childId, :name, :relationship, :relationshipDetail, :parentalResponsibility,
      :livesWithChild, :phone, :email, :address, :contactRestrictions, :notes, :priority,
      :by, :at, :by, :at)
  `);
  const updateAdult = db.prepare(`
    UPDATE family_adults SET name = :name, relationship = :relationship,
      relationship_detail = :relationshipDetail,
      parental_responsibility = :parentalResponsibility, lives_with_child = :livesWithChild,
      phone = :phone, email = :email, address = :address,
      contact_restrictions = :contactRestrictions, notes = :notes, priority = :priority,
      updated_by = :by, updated_at = :at
    WHERE id = :id
  `);
  const adultById = db.prepare<[string], AdultRow>(`${SELECT_ADULT} WHERE a.id = ?`);
  const adultsFor = db.prepare<[string], AdultRow>(
    `${SELECT_ADULT} WHERE a.child_id = ? ORDER BY a.priority, a.name, a.id`,
  );

  const insertContact = db.prepare(`
    INSERT INTO key_contacts (id, child_id, role, role_detail, name, organisation, phone, email,
      start_date, end_date, notes, recorded_by, recorded_at, ended_by, ended_at)
    VALUES (:id, :childId, :role, :roleDetail, :name, :organisation, :phone, :email,
      :startDate, :endDate, :notes, :recordedBy, :recordedAt, :endedBy, :endedAt)
  `);
  const endContact = db.prepare(`
    UPDATE key_contacts SET end_date = :endDate, ended_by = :endedBy, ended_at = :endedAt
    WHERE id = :id AND end_date IS NULL
  `);
  const contactById = db.prepare<[string], ContactRow>(`${SELECT_CONTACT} WHERE k.id = ?`);
  const contactsFor = db.prepare<[string], ContactRow>(`
    ${SELECT_CONTACT} WHERE k.child_id = ?
    ORDER BY k.end_date IS NULL DESC, k.start_date DESC, k.recorded_at DESC, k.id DESC
  `);

  return {
    createFamily(family: { id: string; label: string; createdBy: string; createdAt: string }) {
      insertFamily.run(family);
    },
    addMember(member: { familyId: string; childId: string; addedBy: string; addedAt: string }) {
      insertMember.run(member);
    },
    /** Takes a child out of a family, and drops the family once no child is left in it. */
    removeMember(familyId: string, childId: string): boolean {
      const removed = deleteMember.run({ familyId, childId }).changes === 1;
      if (removed) deleteEmptyFamily.run(familyId);
      return removed;
    },
    family(id: string): { id: string; label: string } | null {
      return familyById.get(id) ?? null;
    },
    familiesOf(childId: string): { id: string; label: string }[] {
      return familiesOf.all(childId);
    },
    /** The ids of a family's children, oldest first. */
    membersOf(familyId: string): string[] {
      return membersOf.all(familyId).map((r) => r.child_id);
    },
    /** The ids of the children who share any family with this child (not the child itself). */
    siblingsOf(childId: string): string[] {
      return siblingsOf.all(childId, childId).map((r) => r.child_id);
    },

    addAdult(adult: AdultDraft, meta: { id: string; childId: string; by: string; at: string }) {
      insertAdult.run({ ...adultParams(adult), ...meta });
    },
    updateAdult(adult: AdultDraft, meta: { id: string; by: string; at: string }): boolean {
      return updateAdult.run({ ...adultParams(adult), ...meta }).changes === 1;
    },
    adult(id: string): FamilyAdult | null {
      const row = adultById.get(id);
      return row ? toAdult(row) : null;
    },
    adultsFor(childId: string): FamilyAdult[] {
      return adultsFor.all(childId).map(toAdult);
    },

    addContact(
      contact: KeyContactDraft,
      meta: { id: string; childId: string; recordedBy: string; recordedAt: string },
    ): void {
      const ended = contact.endDate !== '';
      insertContact.run({
        ...meta,
        role: contact.role,
        roleDetail: contact.roleDetail,
        name: contact.name,
        organisation: contact.organisation,
        phone: contact.phone,
        email: contact.email,
        startDate: contact.startDate,
        endDate: ended ? contact.endDate : null,
        notes: contact.notes,
        endedBy: ended ? meta.recordedBy : null,
        endedAt: ended ? meta.recordedAt : null,
      });
    },
    /** Sets the end date of a current key contact; false when it had already ended. */
    endContact(change: { id: string; endDate: string; endedBy: string; endedAt: string }): boolean {
      return endContact.run(change).changes === 1;
    },
    contact(id: string): KeyContact | null {
      const row = contactById.get(id);
      return row ? toContact(row) : null;
    },
    contactsFor(childId: string): KeyContact[] {
      return contactsFor.all(childId).map(toContact);
    },
  };
}
