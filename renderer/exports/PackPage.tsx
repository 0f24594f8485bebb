import { useEffect, useState } from 'react';

import type { MethodInput } from '../../shared/api';
import { formatFileSize } from '../../shared/concerns/attachments';
import { formatInstant } from '../../shared/dates/calendar-date';
import { bodyViewLabels } from '../../shared/concerns/body-map';
import type {
  PackBlock,
  PackHistoryItem,
  PackOptions,
  PackPreview,
  PackSectionName,
  PackText,
} from '../../shared/exports/pack';
import { packSectionLabels, packSectionNames } from '../../shared/exports/pack';
import { BackToChild } from '../chronology/ChronologyPage';
import type { Notice } from '../store';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { CheckboxField } from '../ui/CheckboxField';
import { ErrorSummary } from '../ui/ErrorSummary';
import type { FormErrors } from '../ui/form-errors';
import { errorsFromApi, noErrors } from '../ui/form-errors';
import { PageHeading } from '../ui/PageHeading';
import { SelectField } from '../ui/SelectField';
import { StatusMessage } from '../ui/StatusMessage';
import { TextField } from '../ui/TextField';

type Child = { id: string; name: string };
type PackInput = MethodInput<'packs.preview'>;

const allSections = Object.fromEntries(packSectionNames.map((n) => [n, true])) as Record<
  PackSectionName,
  boolean
>;

/** Where each field's error takes the DSL: the control, or the first box of a group. */
function fieldIds(options: PackOptions): Record<string, string> {
  return {
    recipient: 'pack-recipient',
    reference: 'pack-reference',
    concernIds: `pack-concern-${options.concerns[0]?.id ?? 'none'}`,
    chronology: 'pack-chronology',
    attachmentIds: `pack-attachment-${options.attachments[0]?.id ?? 'none'}`,
    redact: options.thirdParties[0] ? `pack-redact-${options.thirdParties[0].id}` : 'pack-redact',
  };
}

function toggled(list: readonly string[], id: string, on: boolean): string[] {
  return on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id);
}

function Runs({ text }: { text: PackText }) {
  return (
    <>
      {text.map((r, i) =>
        r.redacted ? (
          <mark key={i} className="pack-redacted">
            {r.text}
          </mark>
        ) : (
          <span key={i}>{r.text}</span>
        ),
      )}
    </>
  );
}

function PreviewBlock({ block }: { block: PackBlock }) {
  switch (block.kind) {
    case 'subheading':
      return (
        <h4>
          <Runs text={block.text} />
        </h4>
      );
    case 'note':
      return <p className="pack-preview__note">{block.text}</p>;
    case 'paragraph':
      return (
        <div className={`pack-preview__paragraph pack-preview__paragraph--${block.tone}`}>
          <p className="pack-preview__label">{block.label}</p>
          <p>
            <Runs text={block.text} />
          </p>
        </div>
      );
    case 'fields':
      return (
        <dl className="pack-preview__fields">
          {block.rows.map((r) => (
            <div key={r.label}>
              <dt>{r.label}</dt>
              <dd>
                <Runs text={r.value} />
              </dd>
            </div>
          ))}
        </dl>
      );
    case 'table':
      return (
        <div className="pack-preview__table">
          <table>
            <thead>
              <tr>
                {block.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) => (
                    <td key={j}>
                      <Runs text={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'bodyMap':
      return (
        <div className="pack-preview__paragraph">
          <p className="pack-preview__label">
            Body map, {bodyViewLabels[block.view].toLowerCase()} view (drawn in the PDF)
          </p>
          <ol>
            {block.legend.map((l) => (
              <li key={l.n} value={l.n}>
                <Runs text={l.text} />
              </li>
            ))}
          </ol>
        </div>
      );
    case 'image':
      return (
        <p className="pack-preview__note">Image: {block.caption} (shown in full in the PDF)</p>
      );
  }
}

function Preview({ preview }: { preview: PackPreview }) {
  return (
    <section className="page-section pack-preview" aria-labelledby="pack-preview-title">
      <h2 id="pack-preview-title">Preview</h2>
      <p>
        About {preview.pageEstimate} {preview.pageEstimate === 1 ? 'page' : 'pages'}
        {preview.appended.length > 0
          ? `, then the pages of ${preview.appended.length} PDF ${preview.appended.length === 1 ? 'attachment' : 'attachments'}`
          : ''}
        .{' '}
        {preview.redactions > 0
          ? `${preview.redactions} ${preview.redactions === 1 ? 'place is' : 'places are'} redacted, shown like this: `
          : 'Nothing is redacted.'}
        {preview.redactions > 0 ? (
          <mark className="pack-redacted">[redacted: third party]</mark>
        ) : null}
      </p>
      <div className="pack-preview__page">
        <h3>{preview.title}</h3>
        <dl className="pack-preview__fields">
          {preview.cover.map((r) => (
            <div key={r.label}>
              <dt>{r.label}</dt>
              <dd>{r.value}</dd>
            </div>
          ))}
        </dl>
        {preview.sections.map((s) => (
          <section key={s.heading} aria-label={s.heading}>
            <h3>{s.heading}</h3>
            {s.blocks.map((b, i) => (
              <PreviewBlock key={i} block={b} />
            ))}
          </section>
        ))}
        {preview.appended.length > 0 ? (
          <p className="pack-preview__note">
            Appended as they are (not redacted):{' '}
            {preview.appended.map((a) => a.fileName).join(', ')}.
          </p>
        ) : null}
      </div>
    </section>
  );
}

function PackForm({ child, options }: { child: Child; options: PackOptions }) {
  const previewPack = useLantern((s) => s.previewPack);
  const exportPack = useLantern((s) => s.exportPack);
  const [input, setInput] = useState<PackInput>(() => ({
    childId: child.id,
    recipient: '',
    reference: '',
    concernIds: [],
    chronology: 'significant',
    sections: allSections,
    attachmentIds: [],
    redactThirdParties: true,
    redact: options.thirdParties.map((t) => t.id),
  }));
  const [preview, setPreview] = useState<PackPreview | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState(false);
  const ids = fieldIds(options);

  function change(next: Partial<PackInput>): void {
    setInput((current) => ({ ...current, ...next }));
    // A preview shows one set of choices: a change means previewing again before export.
    setPreview(null);
    setNotice(null);
  }

  async function run(kind: 'preview' | 'export'): Promise<void> {
    if (pending) return;
    setPending(true);
    setNotice(null);
    try {
      const result = kind === 'preview' ? await previewPack(input) : await exportPack(input);
      if (!result) return;
      if (!result.ok) {
        setErrors(errorsFromApi(result.error));
        return;
      }
      setErrors(noErrors);
      if ('sections' in result.value) {
        setPreview(result.value);
        return;
      }
      const { savedTo, pages } = result.value;
      setNotice(
        savedTo === null
          ? { tone: 'info', text: 'The pack was not saved: the save was cancelled.' }
          : {
              tone: 'success',
              text: `Referral pack saved to ${savedTo} (${pages} pages). Sending it to ${input.recipient} is recorded in ${child.name}’s chronology.`,
            },
      );
    } finally {
      setPending(false);
    }
  }

  const attachmentsOf = (concernId: string) =>
    options.attachments.filter((a) => a.concernId === concernId);
  const chosenAttachments = options.attachments.filter((a) =>
    input.concernIds.includes(a.concernId),
  );

  return (
    <>
      <ErrorSummary errors={errors} fieldIds={ids} />
      <StatusMessage notice={notice} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void run('preview');
        }}
      >
        <section className="page-section" aria-labelledby="pack-sending-title">
          <h2 id="pack-sending-title">Who it is for</h2>
          <TextField
            id="pack-recipient"
            label="Recipient"
            hint="For example, Westshire MASH. This is recorded with the export."
            value={input.recipient}
            error={errors.fields.recipient}
            onChange={(recipient) => {
              change({ recipient });
            }}
          />
          <TextField
            id="pack-reference"
            label="Reference"
            hint="Your reference or theirs: shown in the footer of every page."
            width="medium"
            value={input.reference}
            error={errors.fields.reference}
            onChange={(reference) => {
              change({ reference });
            }}
          />
        </section>

        <section className="page-section" aria-labelledby="pack-concerns-title">
          <h2 id="pack-concerns-title">What goes in</h2>
          <fieldset className="fieldset">
            <legend className="fieldset__legend fieldset__legend--small">
              Concerns to include (newest first)
            </legend>
            {options.concerns.length === 0 ? (
              <p>No concerns are recorded about {child.name}, so there is nothing to send.</p>
            ) : null}
            {options.concerns.map((c, i) => (
              <CheckboxField
                key={c.id}
                id={`pack-concern-${c.id}`}
                label={`${c.occurredAt}: ${c.categories.join('; ') || 'no category'} (${c.role.toLowerCase()})`}
                checked={input.concernIds.includes(c.id)}
                error={i === 0 ? errors.fields.concernIds : undefined}
                onChange={(on) => {
                  change({
                    concernIds: toggled(input.concernIds, c.id, on),
                    attachmentIds: on
                      ? input.attachmentIds
                      : input.attachmentIds.filter((a) =>
                          attachmentsOf(c.id).every((x) => x.id !== a),
                        ),
                  });
                }}
              />
            ))}
          </fieldset>
          <SelectField
            id="pack-chronology"
            label="Chronology"
            placeholder="Choose a chronology"
            value={input.chronology}
            error={errors.fields.chronology}
            options={[
              { value: 'significant', label: 'Significant events only' },
              { value: 'all', label: 'The whole chronology' },
              ...options.curated.map((c) => ({
                value: c.id,
                label: `Curated: ${c.title} (${c.entryCount} ${c.entryCount === 1 ? 'entry' : 'entries'}, with analysis)`,
              })),
              { value: 'none', label: 'No chronology' },
            ]}
            onChange={(chronology) => {
              change({ chronology });
            }}
          />
          <fieldset className="fieldset">
            <legend className="fieldset__legend fieldset__legend--small">Sections</legend>
            <div className="checkbox-group">
              {packSectionNames.map((name) => (
                <CheckboxField
                  key={name}
                  id={`pack-section-${name}`}
                  label={packSectionLabels[name]}
                  checked={input.sections[name]}
                  onChange={(on) => {
                    change({ sections: { ...input.sections, [name]: on } });
                  }}
                />
              ))}
            </div>
          </fieldset>
          <fieldset className="fieldset">
            <legend className="fieldset__legend fieldset__legend--small">
              Attachments to put in the pack (photos are shown; PDFs are added at the end)
            </legend>
            {chosenAttachments.length === 0 ? (
              <p>The chosen concerns have no attachments.</p>
            ) : null}
            {chosenAttachments.map((a, i) => (
              <CheckboxField
                key={a.id}
                id={`pack-attachment-${a.id}`}
                label={`${a.fileName} (${formatFileSize(a.size)})`}
                checked={input.attachmentIds.includes(a.id)}
                error={i === 0 ? errors.fields.attachmentIds : undefined}
                onChange={(on) => {
                  change({ attachmentIds: toggled(input.attachmentIds, a.id, on) });
                }}
              />
            ))}
          </fieldset>
        </section>

        <section className="page-section" aria-labelledby="pack-redaction-title">
          <h2 id="pack-redaction-title">Third parties</h2>
          <CheckboxField
            id="pack-redact"
            label="Redact third parties"
            hint="Replaces the names, phone numbers, emails and addresses of the people ticked below with “[redacted: third party]” everywhere in the pack."
            checked={input.redactThirdParties}
            onChange={(on) => {
              change({
                redactThirdParties: on,
                redact: on ? options.thirdParties.map((t) => t.id) : input.redact,
              });
            }}
          />
          {input.redactThirdParties ? (
            <fieldset className="fieldset">
              <legend className="fieldset__legend fieldset__legend--small">People to redact</legend>
              {options.thirdParties.length === 0 ? (
                <p>No other children or family adults are recorded.</p>
              ) : null}
              {options.thirdParties.map((t, i) => (
                <CheckboxField
                  key={t.id}
                  id={`pack-redact-${t.id}`}
                  label={`${t.name} (${t.description})`}
                  checked={input.redact.includes(t.id)}
                  error={i === 0 ? errors.fields.redact : undefined}
                  onChange={(on) => {
                    change({ redact: toggled(input.redact, t.id, on) });
                  }}
                />
              ))}
            </fieldset>
          ) : null}
        </section>

        <div className="button-row">
          <Button type="submit" variant={preview ? 'secondary' : 'primary'} disabled={pending}>
            Preview
          </Button>
          {preview ? (
            <Button
              variant="primary"
              disabled={pending}
              onClick={() => {
                void run('export');
              }}
            >
              Export PDF
            </Button>
          ) : null}
        </div>
        {!preview ? (
          <p className="field__hint">Preview the pack to check it, then export it.</p>
        ) : null}
      </form>
      {preview ? <Preview preview={preview} /> : null}
    </>
  );
}

const exportKinds: Record<string, string> = {
  referral_pack: 'Referral pack',
  form: 'Form',
  la_form: 'Local authority form',
  transfer_bundle: 'CP file transfer',
  transfer_pdf: 'CP file transfer (PDF)',
  receipt: 'Transfer receipt',
  subject_access: 'Subject access response',
};

function SentBefore({ child, history }: { child: Child; history: PackHistoryItem[] }) {
  return (
    <section className="page-section" aria-labelledby="pack-history-title">
      <h2 id="pack-history-title">Sent before</h2>
      {history.length === 0 ? (
        <p>Nothing about {child.name} has been exported from Lantern yet.</p>
      ) : (
        <div className="pack-preview__table">
          <table>
            <caption className="visually-hidden">What has been sent about {child.name}</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">To</th>
                <th scope="col">Reference</th>
                <th scope="col">By</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.id}>
                  <td>{formatInstant(h.exportedAt)}</td>
                  <td>
                    {exportKinds[h.kind] ?? h.kind}
                    {h.redacted ? ', third parties redacted' : ''}
                  </td>
                  <td>{h.recipient}</td>
                  <td>{h.reference}</td>
                  <td>{h.exportedByName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function PackPage({ child }: { child: Child }) {
  const opened = useLantern((s) => s.packOptions);
  const load = useLantern((s) => s.loadPackOptions);
  useEffect(() => {
    void load(child.id);
  }, [child.id, load]);
  const ready = opened.childId === child.id ? opened : null;
  return (
    <>
      <BackToChild child={child} />
      <PageHeading>Referral pack for {child.name}</PageHeading>
      {ready?.status === 'failed' && ready.error ? (
        <LoadFailure
          error={ready.error}
          onRetry={() => {
            void load(child.id);
          }}
        />
      ) : ready?.status === 'ready' && ready.options ? (
        <>
          <PackForm child={child} options={ready.options} />
          <SentBefore child={child} history={ready.history} />
        </>
      ) : (
        <Loading text="Loading what the pack can hold…" />
      )}
    </>
  );
}
