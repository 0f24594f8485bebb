import type { ErrorInfo, ReactNode } from 'react';
import { Component } from 'react';

import { Button } from '../ui/Button';
import { PageHeading } from '../ui/PageHeading';

type ErrorBoundaryProps = {
  children: ReactNode;
  /** Extra ways out of the failure, such as a Lock button when no header is left to hold one. */
  actions?: ReactNode;
};

type ErrorBoundaryState = { failed: boolean };

/** Catches a screen that throws while rendering, so one bad screen never blanks the whole app. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('A Lantern screen failed to render:', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="screen-failure">
        <PageHeading>Something went wrong</PageHeading>
        <p>
          Lantern could not show this screen. Nothing you had already saved has been lost. Try
          again, or choose another page.
        </p>
        <div className="button-row">
          <Button
            variant="primary"
            onClick={() => {
              this.setState({ failed: false });
            }}
          >
            Try again
          </Button>
          {this.props.actions}
        </div>
      </div>
    );
  }
}
