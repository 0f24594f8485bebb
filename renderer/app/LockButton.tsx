import { useLantern } from '../store';
import { Button } from '../ui/Button';

/** Renders nothing while locked, so it can sit in frames shared with the locked screens. */
export function LockButton() {
  const unlocked = useLantern((s) => s.session?.unlocked === true);
  const lock = useLantern((s) => s.lock);
  if (!unlocked) return null;
  return (
    <Button
      className="lock-button"
      title="Lock Lantern now (Ctrl+L, or Cmd+L on a Mac)"
      aria-keyshortcuts="Control+L Meta+L"
      onClick={() => {
        void lock();
      }}
    >
      Lock
    </Button>
  );
}
