// CodeMirror 6 for YAML: read-only for the details panel, editable with schema validation and
// completion (codemirror-json-schema) in the editor. Issues from the server become lint
// diagnostics at their line.
//
// The editor lives in a shadow root: CodeMirror then installs its styles as constructed
// stylesheets, which the page's strict CSP (style-src 'self', no inline <style>) allows, where the
// <style> element it uses in a plain document would be blocked.
import { useEffect, useRef } from 'react';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { defaultHighlightStyle, syntaxHighlighting, indentOnInput, bracketMatching, foldGutter } from '@codemirror/language';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { autocompletion, completionKeymap } from '@codemirror/autocomplete';
import type { ApplyIssue } from '../../shared/bridge/types';

interface Props {
  value: string;
  readOnly?: boolean;
  onChange?(text: string): void;
  /** extra extensions, e.g. the schema's validation and completion; swapped without losing state */
  schema?: Extension;
  issues?: ApplyIssue[];
  label: string;
  /** CSS height of the editor, e.g. "52vh"; default: as tall as its content */
  height?: string;
}

const theme = (height?: string) =>
  EditorView.theme({
    '&': { fontSize: '12px', backgroundColor: '#fff', ...(height ? { height } : {}) },
    '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', lineHeight: '1.45' },
    '.cm-gutters': { backgroundColor: '#f6f8fa', borderRight: '1px solid #e1e4e8', color: '#8c959f' },
    '&.cm-focused': { outline: 'none' },
  });

/** a shadow root on the host element (created once), holding the editor's parent */
function shadowParent(host: HTMLElement): { root: ShadowRoot; parent: HTMLElement } {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  root.replaceChildren();
  const parent = document.createElement('div');
  root.appendChild(parent);
  return { root, parent };
}

/** Places issues at their 1-based line; issues without a line go to the first line. */
export function issuesToDiagnostics(doc: EditorState['doc'], issues: ApplyIssue[]): Diagnostic[] {
  return issues.map((i) => {
    const line = doc.line(Math.min(Math.max(1, i.line ?? 1), doc.lines));
    return { from: line.from, to: line.to, severity: 'error', source: 'server', message: i.field && !i.message.includes(i.field) ? `${i.field}: ${i.message}` : i.message };
  });
}

export function CodeEditor({ value, readOnly, onChange, schema, issues, label, height }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>(undefined);
  const schemaSlot = useRef(new Compartment());
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    const state = EditorState.create({
      doc: value,
      extensions: [
        theme(height),
        lineNumbers(),
        foldGutter(),
        drawSelection(),
        highlightActiveLine(),
        history(),
        indentOnInput(),
        bracketMatching(),
        syntaxHighlighting(defaultHighlightStyle),
        yaml(),
        EditorState.readOnly.of(!!readOnly),
        EditorView.editable.of(!readOnly),
        EditorView.contentAttributes.of({ 'aria-label': label }),
        keymap.of([...defaultKeymap, ...historyKeymap, ...completionKeymap, indentWithTab]),
        ...(readOnly ? [] : [lintGutter(), autocompletion()]),
        schemaSlot.current.of(schema ?? []),
        EditorView.updateListener.of((u) => u.docChanged && onChangeRef.current?.(u.state.doc.toString())),
      ],
    });
    const { root, parent } = shadowParent(host.current!);
    const v = new EditorView({ state, parent, root });
    view.current = v;
    return () => v.destroy();
    // the editor is created once; value/schema/issues are pushed in by the effects below
  }, [readOnly]);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);
  useEffect(() => {
    view.current?.dispatch({ effects: schemaSlot.current.reconfigure(schema ?? []) });
  }, [schema]);
  useEffect(() => {
    const v = view.current;
    if (v && issues) v.dispatch(setDiagnostics(v.state, issuesToDiagnostics(v.state.doc, issues)));
  }, [issues]);

  return <div className="code-editor" ref={host} />;
}
