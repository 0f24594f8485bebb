/**
 * Roles and what each may do. Deny by default: a permission not listed for a role is refused.
 * This table is the single source both the router (which enforces it) and the UI (which hides
 * what a role cannot use) read.
 */
export const roles = ['dsl', 'deputy_dsl', 'headteacher', 'staff', 'governor', 'it_admin'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  dsl: 'Designated safeguarding lead',
  deputy_dsl: 'Deputy DSL',
  headteacher: 'Headteacher',
  staff: 'Staff',
  governor: 'Governor',
  it_admin: 'IT administrator',
};

export const permissions = [
  /** Lock, sign out and change one's own passphrase: everyone signed in. */
  'account.self',
  'school.read',
  'school.write',
  /** Find a pupil by name or UPN (to record a concern about them). */
  'children.search',
  /** Open a child's file. */
  'children.read',
  'children.write',
  /** Record a concern about a child: everyone who works with children. */
  'concerns.create',
  /**
   * Read concerns one recorded oneself, and add corrections to them. Every role holding
   * concerns.read holds this too; the handlers widen it to every concern for concerns.read.
   */
  'concerns.read.own',
  /** Read every concern and add corrections to any. */
  'concerns.read',
  /** A child's chronology (and a family's): read it and print it. */
  'chronology.read',
  /**
   * Casework: triage concerns (level, decision, closure), actions, Operation Encompass
   * notifications, significant events, headlines and curated chronologies.
   */
  'casework.manage',
  /** One's own statutory duties (a personal duty such as FGM, or a role's): see and discharge. */
  'duties.own',
  /** Every statutory duty in the school: the due view and each child's duties (read only). */
  'duties.read',
  /**
   * Manage statutory duties: discharge any, mark one not applicable, start one by hand, the
   * local timescales and the school calendar.
   */
  'duties.manage',
  /**
   * The governors' view: aggregate statistics with small-number suppression, never a child's
   * identity or any free text (security G8).
   */
  'governance.read',
  /** Training records, the policy register and the annual safeguarding audit. */
  'governance.manage',
  /** Sign off the annual safeguarding audit: the DSL and the safeguarding governor. */
  'governance.signoff',
  'users.manage',
  'settings.read',
  'settings.write',
  /** The audit log, its verification and export, and who has viewed a child's file. */
  'audit.read',
  /** Security alerts such as use of the recovery key; print the recovery sheet. */
  'security.manage',
  /**
   * Subject access requests (UK GDPR Art. 15, security G5): see everything held about a child,
   * decide what to withhold and send the response. The DSL and deputies, who prepare the
   * safeguarding records with the DPO (domain.md §6.2).
   */
  'sar.manage',
  /**
   * Retention (security G6): the review queue, legal holds (place and lift) and the retention
   * periods; the destruction register. The DSL and deputies.
   */
  'retention.manage',
  /** Destroy a child's file once its review date has passed and no hold stands: the DSL alone. */
  'retention.destroy',
  /**
   * Backups (security R6, G3): choose the backup folders and schedule, back up now, check a
   * backup. The safeguarding leads and IT; a backup is encrypted, so no record is read.
   */
  'backup.manage',
  /**
   * The open data export (issue 8): every record the school holds, as unencrypted JSON, to
   * move to another system or keep as an open copy. The DSL alone.
   */
  'data.export',
] as const;
export type Permission = (typeof permissions)[number];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  dsl: [
    'account.self',
    'school.read',
    'school.write',
    'children.search',
    'children.read',
    'children.write',
    'concerns.create',
    'concerns.read.own',
    'concerns.read',
    'chronology.read',
    'casework.manage',
    'duties.own',
    'duties.read',
    'duties.manage',
    'governance.read',
    'governance.manage',
    'governance.signoff',
    'users.manage',
    'settings.read',
    'settings.write',
    'audit.read',
    'security.manage',
    'backup.manage',
    'retention.manage',
    'retention.destroy',
    'sar.manage',
    'data.export',
  ],
  deputy_dsl: [
    'account.self',
    'school.read',
    'children.search',
    'children.read',
    'children.write',
    'concerns.create',
    'concerns.read.own',
    'concerns.read',
    'chronology.read',
    'casework.manage',
    'duties.own',
    'duties.read',
    'duties.manage',
    'governance.read',
    'governance.manage',
    'settings.read',
    'retention.manage',
    'backup.manage',
    'sar.manage',
  ],
  headteacher: [
    'account.self',
    'school.read',
    'school.write',
    'children.search',
    'children.read',
    'concerns.create',
    'concerns.read.own',
    'concerns.read',
    'chronology.read',
    'duties.own',
    'duties.read',
    'governance.read',
    'governance.manage',
    'settings.read',
  ],
  // Staff find a pupil to record a concern about and read back their own concerns; they never
  // open a child's file.
  staff: [
    'account.self',
    'school.read',
    'children.search',
    'concerns.create',
    'concerns.read.own',
    'duties.own',
  ],
  // Governors see aggregates only: no pupil register, no child's identity.
  governor: ['account.self', 'school.read', 'governance.read', 'governance.signoff'],
  // IT manages settings and the installation, never a child's record.
  it_admin: [
    'account.self',
    'school.read',
    'school.write',
    'settings.read',
    'settings.write',
    'backup.manage',
  ],
};

export function can(role: Role | null, permission: Permission): boolean {
  return role !== null && rolePermissions[role].includes(permission);
}
