// Create or edit objects: YAML in CodeMirror with schema help, then Diff, Dry run or Apply.
// Problems the server finds are shown at their line and listed below the editor.
import { useEffect, useState } from 'react';
import type { ApplyIssue, ApplyResult, ObjectRef } from '../../shared/bridge/types';
import { useBridge } from '../bridge/context';
import { toBridgeError } from '../hooks/useCall';
import { Modal } from '../components/Modal';
import { CodeEditor } from './CodeEditor';
import { DiffView } from './DiffView';
import { readPicked } from './files';
import { useSchema } from './useSchema';

export type EditorMode = { kind: 'create' } | { kind: 'edit'; target: ObjectRef; title: string; reveal: boolean };

type Outcome = { tone: 'ok' | 'error'; result?: ApplyResult; diffs?: { ref: ObjectRef; diff: string; exists: boolean }[]; message?: string };

const TEMPLATE = `apiVersion: v1
kind: ConfigMap
metadata:
  name: example
data:
  key: value
`;

export function EditorPanel({ clusterId, mode, namespace, onClose, onApplied }: { clusterId: string; mode: EditorMode; namespace?: string; onClose(): void; onApplied(): void }) {
  const client = useBridge();
  const [text, setText] = useState(mode.kind === 'create' ? TEMPLATE : '');
  const [loadError, setLoadError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const [issues, setIssues] = useState<ApplyIssue[]>([]);
  const { schema, kind } = useSchema(clusterId, text);
  useEffect(() => {
    if (mode.kind !== 'edit') return;
    client.call('object.yaml', { clusterId, ref: mode.target, reveal: mode.reveal }).then(setText, (e: unknown) => setLoadError(toBridgeError(e).message));
  }, [client, clusterId, mode]);

  const run = async (what: 'diff' | 'dryRun' | 'apply') => {
    setBusy(true);
    try {
      const params = { clusterId, yaml: text, namespace };
      if (what === 'diff') {
        const r = await client.call('manifest.diff', params);
        setIssues(r.issues);
        setOutcome({ tone: r.issues.length ? 'error' : 'ok', diffs: r.diffs });
      } else {
        const r = await client.call(what === 'apply' ? 'manifest.apply' : 'manifest.dryRun', params);
        setIssues(r.issues);
        setOutcome({ tone: r.ok ? 'ok' : 'error', result: r });
        if (r.ok && what === 'apply') onApplied();
      }
    } catch (err) {
      const e = toBridgeError(err);
      setIssues((e.status?.details?.causes ?? []).map((c) => ({ field: c.field, message: c.message ?? e.message })));
      setOutcome({ tone: 'error', message: `${e.code}: ${e.message}` });
    } finally {
      setBusy(false);
    }
  };
  const title = mode.kind === 'edit' ? `Edit ${mode.title}` : 'Create resources';
  const footer = (
    <>
      {mode.kind === 'create' ? (
        <>
          <label className="button">
            Open files…
            <input type="file" multiple accept=".yaml,.yml,.json" hidden onChange={async (e) => setText(await readPicked(e.target.files))} />
          </label>
          <label className="button">
            Open folder…
            <input type="file" hidden {...{ webkitdirectory: '' }} onChange={async (e) => setText(await readPicked(e.target.files))} />
          </label>
        </>
      ) : null}
      <span className="spacer" />
      <button disabled={busy} onClick={() => run('diff')}>
        Diff
      </button>
      <button disabled={busy} onClick={() => run('dryRun')}>
        Dry run
      </button>
      <button className="primary" disabled={busy} onClick={() => run('apply')}>
        Apply
      </button>
    </>
  );
  return (
    <Modal title={title} onClose={onClose} footer={footer} wide>
      <div className="editor-panel">
        {loadError ? <p className="error-text">Could not load the object: {loadError}</p> : null}
        <div className="editor-meta muted">
          {kind ? `Schema: ${kind}${schema ? '' : ' (not available)'}` : 'Paste one or more YAML documents separated by ---'}
          {namespace ? ` · default namespace ${namespace}` : ''}
        </div>
        <CodeEditor value={text} onChange={setText} schema={schema} issues={issues} label="Manifest editor" height="52vh" />
        <Results outcome={outcome} issues={issues} />
      </div>
    </Modal>
  );
}

function Results({ outcome, issues }: { outcome?: Outcome; issues: ApplyIssue[] }) {
  if (!outcome) return null;
  return (
    <div className={`results results-${outcome.tone}`} role="status" data-testid="editor-results">
      {outcome.message ? <p className="error-text">{outcome.message}</p> : null}
      {issues.length ? (
        <ul className="issues">
          {issues.map((i, n) => (
            <li key={n} className="error-text">
              {i.line ? <span className="badge">line {i.line}</span> : null} {i.field && !i.message.includes(i.field) ? <code>{i.field}</code> : null} {i.message}
            </li>
          ))}
        </ul>
      ) : null}
      {outcome.result ? (
        <ul className="outcomes">
          {outcome.result.outcomes.map((o, n) => (
            <li key={n}>{o.message}</li>
          ))}
        </ul>
      ) : null}
      {outcome.diffs ? <DiffView diffs={outcome.diffs} /> : null}
    </div>
  );
}
