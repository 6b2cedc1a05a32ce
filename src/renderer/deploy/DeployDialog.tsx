// Click-to-deploy: pick a template or fill the form, preview (and edit) the YAML in the editor,
// dry-run, deploy with server-side apply, then follow the rollout in the same dialog.
import { useEffect, useMemo, useState } from 'react';
import type { ApplyIssue } from '../../shared/bridge/types';
import { TEMPLATES, emptyForm, formProblems, type DeployForm } from '../../shared/deploy/templates';
import { useBridge } from '../bridge/context';
import { toBridgeError, useCall } from '../hooks/useCall';
import { Modal } from '../components/Modal';
import { CodeEditor } from '../editor/CodeEditor';
import { FormFields, commandText, envText, parseCommand, parseEnv, parsePorts, portsText, type TextFields } from './FormFields';
import { RolloutPanel, type RolloutTarget } from './RolloutPanel';
import { workloadIn, yamlOf } from './yaml';
import { adoptDeployStyles } from './styles';

const textOf = (f: DeployForm): TextFields => ({ command: commandText(f), ports: portsText(f), env: envText(f) });

export function DeployDialog({ clusterId, namespace, onClose }: { clusterId: string; namespace?: string; onClose(): void }) {
  adoptDeployStyles();
  const client = useBridge();
  const first = { ...TEMPLATES[0].form, namespace: namespace ?? TEMPLATES[0].form.namespace };
  const [templateId, setTemplateId] = useState<string>(TEMPLATES[0].id);
  const [form, setForm] = useState<DeployForm>(first);
  const [text, setText] = useState<TextFields>(textOf(first));
  const full = useMemo(() => ({ ...form, command: parseCommand(text.command), ports: parsePorts(text.ports), env: parseEnv(text.env) }), [form, text]);
  const problems = formProblems(full);
  const valid = Object.keys(problems).length === 0;
  const known = useCall(`ns|${clusterId}`, () => client.call('namespaces.list', { clusterId }));
  const newNamespace = !!known.data && !known.data.includes(full.namespace);
  const [yaml, setYaml] = useState(() => yamlOf(full));
  useEffect(() => {
    if (valid) setYaml(yamlOf(full, newNamespace));
  }, [full, valid, newNamespace]);
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<ApplyIssue[]>([]);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string }>();
  const [rollout, setRollout] = useState<RolloutTarget>();

  const pick = (id: string) => {
    const f = id === 'custom' ? { ...emptyForm(), namespace: form.namespace } : { ...TEMPLATES.find((t) => t.id === id)!.form, namespace: form.namespace };
    setTemplateId(id);
    setForm(f);
    setText(textOf(f));
  };
  const run = async (what: 'dryRun' | 'apply') => {
    setBusy(true);
    setMessage(undefined);
    try {
      const r = await client.call(what === 'apply' ? 'manifest.apply' : 'manifest.dryRun', { clusterId, yaml, namespace: full.namespace });
      setIssues(r.issues);
      setMessage({ tone: r.ok ? 'ok' : 'error', text: r.outcomes.map((o) => o.message).join('; ') || (r.ok ? 'OK' : 'the server refused the manifest') });
      if (r.ok && what === 'apply') setRollout(workloadIn(yaml, full.namespace));
    } catch (err) {
      setMessage({ tone: 'error', text: toBridgeError(err).message });
    } finally {
      setBusy(false);
    }
  };

  if (rollout) {
    const footer = (
      <>
        <button onClick={() => setRollout(undefined)}>Back to the form</button>
        <span className="spacer" />
        <button className="primary" onClick={onClose}>Close</button>
      </>
    );
    return (
      <Modal title={`Deploying ${rollout.name}`} onClose={onClose} footer={footer} wide>
        {message ? <p className="muted">{message.text}</p> : null}
        <RolloutPanel clusterId={clusterId} target={rollout} />
      </Modal>
    );
  }
  const footer = (
    <>
      <span className="muted">{valid ? 'The YAML follows the form; edits to it are kept until the form changes.' : 'Fix the form to update the YAML.'}</span>
      <span className="spacer" />
      <button disabled={busy || !yaml.trim()} onClick={() => run('dryRun')}>Dry run</button>
      <button className="primary" disabled={busy || !yaml.trim()} onClick={() => run('apply')}>Deploy</button>
    </>
  );
  return (
    <Modal title="Deploy" onClose={onClose} footer={footer} wide>
      <div className="deploy">
        <div>
          <div className="deploy-templates" role="radiogroup" aria-label="Templates">
            {[...TEMPLATES, { id: 'custom', title: 'Blank form', description: 'Your own image and command.' }].map((t) => (
              <button key={t.id} role="radio" aria-checked={templateId === t.id} className={`deploy-template${templateId === t.id ? ' current' : ''}`} onClick={() => pick(t.id)} title={t.description}>
                {t.title}
                <small>{t.description}</small>
              </button>
            ))}
          </div>
          <FormFields form={form} text={text} problems={problems} onForm={setForm} onText={setText} />
        </div>
        <div className="deploy-preview">
          <CodeEditor value={yaml} onChange={setYaml} issues={issues} label="Deploy manifest" height="50vh" />
          {message ? (
            <div className={`results results-${message.tone}`} role="status" data-testid="deploy-results">
              <p className={message.tone === 'error' ? 'error-text' : ''}>{message.text}</p>
              {issues.map((i, n) => (
                <p key={n} className="error-text">
                  {i.line ? <span className="badge">line {i.line}</span> : null} {i.message}
                </p>
              ))}
            </div>
          ) : null}
        </div>
      </div>
    </Modal>
  );
}
