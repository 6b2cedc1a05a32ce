// The server's unified diff per document, coloured line by line.
import type { ObjectRef } from '../../shared/bridge/types';

export function DiffView({ diffs }: { diffs: { ref: ObjectRef; diff: string; exists: boolean }[] }) {
  if (!diffs.length) return <p className="muted">Nothing to compare.</p>;
  return (
    <div className="diffs">
      {diffs.map((d) => (
        <section key={`${d.ref.plural}/${d.ref.namespace ?? ''}/${d.ref.name}`} className="diff">
          <h4>
            {d.ref.plural}/{d.ref.name} {d.ref.namespace ? <span className="muted">in {d.ref.namespace}</span> : null}{' '}
            <span className="badge">{d.exists ? (d.diff.trim() ? 'changed' : 'unchanged') : 'new'}</span>
          </h4>
          <pre className="diff-text">
            {d.diff.split('\n').map((line, i) => (
              <div key={i} className={line.startsWith('+') && !line.startsWith('+++') ? 'diff-add' : line.startsWith('-') && !line.startsWith('---') ? 'diff-del' : line.startsWith('@@') ? 'diff-hunk' : ''}>
                {line || ' '}
              </div>
            ))}
          </pre>
        </section>
      ))}
    </div>
  );
}
