import { useState } from 'react';

import type { Notice } from '../store';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { StatusMessage } from '../ui/StatusMessage';

const TITLE_ID = 'data-export-title';

/** Settings → the open data export (the DSL only, as main allows). */
export function DataExportSection() {
  const exportAllData = useLantern((s) => s.exportAllData);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState(false);

  async function exportAll(): Promise<void> {
    setPending(true);
    setNotice({ tone: 'info', text: 'Exporting every record…' });
    const result = await exportAllData();
    setPending(false);
    if (!result) return;
    if (!result.ok) {
      setNotice({ tone: 'warning', text: `Nothing was exported: ${result.error.message}` });
      return;
    }
    const { savedTo } = result.value;
    setNotice(
      savedTo === null
        ? { tone: 'info', text: 'Not saved.' }
        : { tone: 'success', text: `Exported every record to ${savedTo}.` },
    );
  }

  return (
    <section className="page-section" aria-labelledby={TITLE_ID}>
      <h2 id={TITLE_ID}>Export all data</h2>
      <p>
        Saves every record Lantern holds as one JSON file in an open format, to move the school’s
        records to another system or keep an independent copy.
      </p>
      <p>
        <strong>The file is not encrypted.</strong> Anyone who opens it can read every concern about
        every child. Save it only to encrypted storage the school controls, never to email or a
        shared drive, and delete it once it has served its purpose.
      </p>
      <StatusMessage notice={notice} />
      <div className="button-row">
        <Button
          disabled={pending}
          onClick={() => {
            void exportAll();
          }}
        >
          Export all data (JSON)
        </Button>
      </div>
    </section>
  );
}
