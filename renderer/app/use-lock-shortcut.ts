import { useEffect } from 'react';

import { useLantern } from '../store';

/** Ctrl+L (Cmd+L on a Mac) locks Lantern from anywhere, for when someone walks up to the screen. */
export function useLockShortcut(enabled: boolean): void {
  const lock = useLantern((s) => s.lock);
  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent): void {
      const modifier = event.ctrlKey || event.metaKey;
      if (modifier && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        void lock();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [enabled, lock]);
}
