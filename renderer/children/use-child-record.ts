import { useEffect } from 'react';

import { useLantern } from '../store';
import type { ChildRecord } from '../store/children-slice';

/**
 * The child a page shows. `refresh` fetches it again even when it is already loaded (the record
 * page shows when it was last updated); an edit form reuses what the record page loaded.
 */
export function useChildRecord(id: string, freshness: 'refresh' | 'reuse'): ChildRecord {
  const record = useLantern((s) => s.childRecord);
  const openChild = useLantern((s) => s.openChild);
  useEffect(() => {
    // Read the store here rather than subscribe: the fetch happens once per page and child.
    const held = useLantern.getState().childRecord;
    if (freshness === 'refresh' || held.id !== id || !held.child) void openChild(id);
  }, [id, freshness, openChild]);
  return record.id === id ? record : { id, child: null, status: 'loading', error: null };
}
