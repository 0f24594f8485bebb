import './styles.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';

import { assert } from '../shared/assert';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { LockButton } from './app/LockButton';

// zod probes for eval with `new Function`; under this page's CSP that probe is refused and
// reported as a violation, so tell zod up front to validate without generated code.
z.config({ jitless: true });

const root = document.getElementById('root');
assert(root, 'index.html must contain the #root element.');

createRoot(root).render(
  <StrictMode>
    {/* If the app itself fails, the header's Lock button has gone with it: offer one here. */}
    <ErrorBoundary actions={<LockButton />}>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
