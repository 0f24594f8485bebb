import type { ChildRole } from '../../shared/concerns/schema';
import { childRoleLabels } from '../../shared/concerns/schema';
import { categoryLabel } from '../../shared/concerns/taxonomy';

export { occurredText } from '../../shared/concerns/schema';

export function categoriesText(categories: readonly string[]): string {
  return categories.length === 0 ? 'Not chosen' : categories.map(categoryLabel).join('; ');
}

/** "Amara Okafor (victim)": a child named with their part in a concern. */
export function childWithRole(child: { name: string; role: ChildRole }): string {
  return `${child.name} (${childRoleLabels[child.role].toLowerCase()})`;
}
