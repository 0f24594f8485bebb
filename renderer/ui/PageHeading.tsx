import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';

type PageHeadingProps = {
  children: ReactNode;
  /** Leave focus alone where a page puts it in a field straight away (unlock). */
  takeFocus?: boolean;
};

/**
 * The page's h1. It takes focus when the page opens, as a full page load would, so a screen
 * reader announces the new page and Tab continues from the top of it.
 */
export function PageHeading({ children, takeFocus = true }: PageHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeFocus) ref.current?.focus();
  }, [takeFocus]);
  return (
    <h1 className="page-heading" tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}
