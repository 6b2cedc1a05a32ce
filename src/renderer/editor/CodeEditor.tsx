// CodeMirror 6 for YAML: read-only for the details panel, editable with schema validation and
// completion (codemirror-json-schema) in the editor. Issues from the server become lint
// diagnostics at their line.
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
}

/** Places issues at their 1-based line; issues without a line go to the first line. */
export function issuesToDiagnostics(doc: EditorState['doc'], issues: ApplyIssue[]): Diagnostic[] {
  return issues.map((i) => {
    const line = doc.line(Math.min(Math.max(1, i.line ?? 1), doc.lines));
    return { from: line.from, to: line.to, severity: 'error', source: 'server', message: i.field ? `${i.field}: ${i.message}` : i.message };
  });
}

export function CodeEditor({ value, readOnly, onChange, schema, issues, label }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>(undefined);
  const schemaSlot = useRef(new Compartment());
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    const state = EditorState.create({
      doc: value,
      extensions: [
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
    const v = new EditorView({ state, parent: host.current! });
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
