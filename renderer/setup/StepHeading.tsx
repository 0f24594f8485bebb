import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';

type StepHeadingProps = {
  children: ReactNode;
  /** Take focus on arrival, as a new page's heading would (not on the wizard's first step). */
  takeFocus: boolean;
  /** The id of the "Step 2 of 3" text, read with the heading. */
  stepId: string;
};

/** A wizard step's heading: moving between steps moves focus here, so the change is heard. */
export function StepHeading({ children, takeFocus, stepId }: StepHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeFocus) ref.current?.focus();
  }, [takeFocus]);
  return (
    <h2 className="step-heading" tabIndex={-1} ref={ref} aria-describedby={stepId}>
      {children}
    </h2>
  );
}
