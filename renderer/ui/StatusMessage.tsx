import type { Notice } from '../store';

type StatusMessageProps = { notice: Notice | null };

/**
 * A polite live region that is always in the page, so a message placed in it is announced (a
 * region created together with its text often is not).
 */
export function StatusMessage({ notice }: StatusMessageProps) {
  return (
    <div role="status" className="status-region">
      {notice ? <p className={`status status--${notice.tone}`}>{notice.text}</p> : null}
    </div>
  );
}
