import { useEffect, useRef, useState } from 'react';

import type { SecurityAlert } from '../../shared/api';
import { formatInstant } from '../../shared/dates/calendar-date';
import { useCan } from '../app/use-can';
import { useLantern } from '../store';
import { Button } from '../ui/Button';

const alertTexts: Record<SecurityAlert['kind'], (alert: SecurityAlert) => string> = {
  recovery_key_used: (alert) =>
    `The recovery key was used to reset the passphrase of ${alert.displayName} on ${formatInstant(alert.at)}. If this was not expected, treat it as a security incident.`,
};

export function alertText(alert: SecurityAlert): string {
  return alertTexts[alert.kind](alert);
}

/**
 * Warnings the DSL must see whatever page they are on, such as use of the recovery key. They
 * are checked again as each page opens, and stay until acknowledged. A region rather than an
 * alert, so moving between pages does not announce them again and again.
 */
export function SecurityAlerts({ pageKey }: { pageKey: string }) {
  const allowed = useCan('security.manage');
  const alerts = useLantern((s) => s.alerts);
  const error = useLantern((s) => s.alertsError);
  const loadAlerts = useLantern((s) => s.loadAlerts);
  const acknowledgeAlert = useLantern((s) => s.acknowledgeAlert);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // After an acknowledgement, focus goes to the next alert's button, or to the page heading.
  const refocus = useRef(false);
  const region = useRef<HTMLElement>(null);

  useEffect(() => {
    if (allowed) void loadAlerts();
  }, [allowed, loadAlerts, pageKey]);

  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    const next = region.current?.querySelector('button') ?? document.querySelector('main h1');
    if (next instanceof HTMLElement) next.focus();
  }, [alerts]);

  async function acknowledge(id: string): Promise<void> {
    if (pending) return;
    setPending(true);
    setFailure(null);
    refocus.current = true;
    const result = await acknowledgeAlert(id);
    setPending(false);
    if (result && !result.ok) {
      refocus.current = false;
      setFailure(`The alert could not be acknowledged: ${result.error.message}`);
    }
  }

  if (!allowed || (alerts.length === 0 && !error)) return null;
  return (
    <section className="security-alert" aria-labelledby="security-alert-title" ref={region}>
      <h2 className="security-alert__title" id="security-alert-title">
        {alerts.length > 1 ? 'Security alerts' : 'Security alert'}
      </h2>
      {alerts.length > 0 ? (
        <ul className="security-alert__list">
          {alerts.map((alert) => (
            <li key={alert.id}>
              <p id={`security-alert-${alert.id}`}>{alertText(alert)}</p>
              <Button
                aria-describedby={`security-alert-${alert.id}`}
                onClick={() => {
                  void acknowledge(alert.id);
                }}
              >
                Acknowledge
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <div role="alert">
        {failure ? <p className="security-alert__failure">{failure}</p> : null}
      </div>
      {error ? (
        <div className="security-alert__failure">
          <p>Lantern could not check for security alerts: {error.message}</p>
          <Button
            onClick={() => {
              void loadAlerts();
            }}
          >
            Check again
          </Button>
        </div>
      ) : null}
    </section>
  );
}
