import type { Permission } from '../../shared/auth/roles';
import type { Route } from '../store';
import { useLantern } from '../store';
import { useCan } from './use-can';

type Section = {
  label: string;
  home: Route;
  permission: Permission;
  /** The pages that belong to this section, so it stays marked current inside them. */
  pages: readonly Route['page'][];
};

const sections: readonly Section[] = [
  {
    label: 'Pupils',
    home: { page: 'pupils' },
    permission: 'children.search',
    pages: ['pupils', 'add-child', 'import-pupils', 'child', 'edit-child'],
  },
  { label: 'Users', home: { page: 'users' }, permission: 'users.manage', pages: ['users'] },
  { label: 'Audit log', home: { page: 'audit' }, permission: 'audit.read', pages: ['audit'] },
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
