// The JSON schema of the manifest's kind (schema.forKind) as CodeMirror validation and completion.
import { useEffect, useState } from 'react';
import type { Extension } from '@codemirror/state';
import { yamlSchemaLinter, yamlCompletion, yamlSchemaHover } from 'codemirror-json-schema/yaml';
import { stateExtensions, handleRefresh } from 'codemirror-json-schema';
import { linter } from '@codemirror/lint';
import { hoverTooltip } from '@codemirror/view';
import { yamlLanguage } from '@codemirror/lang-yaml';
import { useBridge } from '../bridge/context';
import { firstTypeOf } from './files';

export function useSchema(clusterId: string, text: string): { schema?: Extension; kind?: string } {
  const client = useBridge();
  // the schema linter reads one document; several documents are checked by the server only
  const single = text.split(/^---\s*$/m).filter((d) => /^kind:/m.test(d)).length <= 1;
  const type = single ? firstTypeOf(text) : undefined;
  const key = type ? `${type.apiVersion}|${type.kind}` : '';
  const [state, setState] = useState<{ key: string; schema?: Extension }>({ key: '' });
  useEffect(() => {
    if (!key) return setState({ key: '' });
    const [apiVersion, kind] = key.split('|');
    let live = true;
    client.call('schema.forKind', { clusterId, apiVersion, kind }).then(
      (schema) => {
        if (!live) return;
        if (!schema) return setState({ key });
        const ext: Extension = [
          linter(yamlSchemaLinter(), { needsRefresh: handleRefresh }),
          yamlLanguage.data.of({ autocomplete: yamlCompletion() }),
          hoverTooltip(yamlSchemaHover()),
          stateExtensions(schema as never),
        ];
        setState({ key, schema: ext });
      },
      () => live && setState({ key }),
    );
    return () => {
      live = false;
    };
  }, [client, clusterId, key]);
  return { schema: state.schema, kind: type?.kind };
}
