// The pods' stream subresources, as upstream's discovery lists them. They are served by
// ../http/streams (a proxied GET for log, an upgraded connection for the others), never stored.
import type { ResourceInfo } from './types';

export interface StreamSubresource {
  name: string;
  kind: string;
  verbs: string[];
}

const POD_STREAMS: StreamSubresource[] = [
  { name: 'attach', kind: 'PodAttachOptions', verbs: ['create', 'get'] },
  { name: 'exec', kind: 'PodExecOptions', verbs: ['create', 'get'] },
  { name: 'log', kind: 'Pod', verbs: ['get'] },
  { name: 'portforward', kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
];

export const streamSubresourcesOf = (r: Pick<ResourceInfo, 'group' | 'plural' | 'custom'>): StreamSubresource[] =>
  !r.custom && r.group === '' && r.plural === 'pods' ? POD_STREAMS : [];
