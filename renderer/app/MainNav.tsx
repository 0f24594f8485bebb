import type { ComponentType } from 'react';

import type { Permission } from '../../shared/auth/roles';
import { TriageCount } from '../casework/TriageCount';
import type { Route } from '../store';
import { useLantern } from '../store';
import { useCan } from './use-can';

type Section = {
  label: string;
  home: Route;
  permission: Permission;
  /** The pages that belong to this section, so it stays marked current inside them. */
  pages: readonly Route['page'][];
  /** A count shown beside the label, rendered only for those allowed the section. */
  badge?: ComponentType;
};

const sections: readonly Section[] = [
  {
    label: 'Dashboard',
    home: { page: 'dashboard' },
    permission: 'casework.manage',
    pages: ['dashboard'],
  },
  {
    label: 'Pupils',
    home: { page: 'pupils' },
    permission: 'children.search',
    pages: ['pupils', 'add-child', 'import-pupils', 'child', 'edit-child'],
  },
  {
    label: 'Triage',
    home: { page: 'inbox' },
    permission: 'casework.manage',
    pages: ['inbox'],
    badge: TriageCount,
  },
  {
    label: 'Statutory duties',
    home: { page: 'duties' },
    permission: 'duties.own',
    pages: ['duties', 'duty'],
  },
  {
    label: 'Operation Encompass',
    home: { page: 'record-encompass', child: null },
    permission: 'casework.manage',
    pages: ['record-encompass', 'encompass'],
  },
  {
    label: 'Search concerns',
    home: { page: 'search' },
    permission: 'concerns.read.own',
    pages: ['search'],
  },
  {
    label: 'Governance',
    home: { page: 'governance' },
    permission: 'governance.read',
    pages: ['governance'],
  },
  {
    label: 'Policies',
    home: { page: 'policies' },
    permission: 'governance.manage',
    pages: ['policies'],
  },
  {
    label: 'Subject access requests',
    home: { page: 'sars' },
    permission: 'sar.manage',
    pages: ['sars', 'sar'],
  },
  {
    label: 'Retention',
    home: { page: 'retention' },
    permission: 'retention.manage',
    pages: ['retention'],
  },
  {
    label: 'Safeguarding audit',
    home: { page: 'safeguarding-audit' },
    permission: 'governance.read',
    pages: ['safeguarding-audit'],
  },
  {
    label: 'Training',
    home: { page: 'training' },
    permission: 'governance.manage',
    pages: ['training'],
  },
  { label: 'Users', home: { page: 'users' }, permission: 'users.manage', pages: ['users'] },
  { label: 'Audit log', home: { page: 'audit' }, permission: 'audit.read', pages: ['audit'] },
  {
    label: 'Backups',
    home: { page: 'backups' },
    permission: 'backup.manage',
    pages: ['backups'],
  },
  {
    label: 'Settings',
    home: { page: 'settings' },
    permission: 'settings.read',
    pages: ['settings'],
  },
  {
    label: 'School profile',
    home: { page: 'school' },
    permission: 'school.read',
    pages: ['school', 'edit-school'],
  },
  {
    label: 'My account',
    home: { page: 'account' },
    permission: 'account.self',
    pages: ['account'],
  },
];

function NavItem({ section }: { section: Section }) {
  const allowed = useCan(section.permission);
  const current = useLantern((s) => section.pages.includes(s.route.page));
  const navigate = useLantern((s) => s.navigate);
  if (!allowed) return null;
  return (
    <li>
      <button
        type="button"
        className="main-nav__item"
        aria-current={current ? 'page' : undefined}
        onClick={() => {
          navigate(section.home);
        }}
      >
        {section.label}
        {section.badge ? <section.badge /> : null}
      </button>
    </li>
  );
}

export function MainNav() {
  return (
    <nav aria-label="Main" className="main-nav">
      <ul>
        {sections.map((section) => (
          <NavItem key={section.label} section={section} />
        ))}
      </ul>
    </nav>
  );
}
