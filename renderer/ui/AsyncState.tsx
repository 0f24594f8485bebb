import type { ApiError } from '../../shared/result';
import { Button } from './Button';

/** Shown while a screen waits for main. */
export function Loading({ text }: { text: string }) {
  return (
    <p role="status" className="loading">
      {text}
    </p>
  );
}

type LoadFailureProps = {
  /** Omitted where the page heading already says what failed. */
  title?: string;
  error: ApiError;
  onRetry?: () => void;
};

/** Shown when a screen could not get what it needs; main's message says why. */
export function LoadFailure({ title, error, onRetry }: LoadFailureProps) {
  return (
    <div role="alert" className="load-failure">
      {title ? <h2 className="load-failure__title">{title}</h2> : null}
      <p>{error.message}</p>
      {onRetry ? <Button onClick={onRetry}>Try again</Button> : null}
    </div>
  );
}
