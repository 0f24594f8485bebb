import type { ReactNode } from 'react';
import { useEffect } from 'react';

import type { ApiError } from '../../shared/result';
import { LoadFailure, Loading } from '../ui/AsyncState';

type LoadedSectionProps = {
  id: string;
  title: string;
  intro: ReactNode;
  /** Asked for when the section first shows, and again on "Try again". */
  load: () => Promise<void>;
  error: ApiError | null;
  failureTitle: string;
  loadingText: string;
  /** The section's content once loaded, or null while it is not. */
  children: ReactNode | null;
};

/** A part of Settings with its own data from main: loading, failure with retry, then content. */
export function LoadedSection({
  id,
  title,
  intro,
  load,
  error,
  failureTitle,
  loadingText,
  children,
}: LoadedSectionProps) {
  useEffect(() => {
    void load();
  }, [load]);

  let body;
  if (error) {
    body = (
      <LoadFailure
        title={failureTitle}
        error={error}
        onRetry={() => {
          void load();
        }}
      />
    );
  } else {
    body = children ?? <Loading text={loadingText} />;
  }

  return (
    <section className="page-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {intro}
      {body}
    </section>
  );
}
