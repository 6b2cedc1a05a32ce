// Shared flag parsing for the CLI commands; errors name the flag and what was wrong.
import { parseArgs } from 'node:util';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { LOCAL_RUNTIMES, type LocalRuntimeKind, type NodePlan } from '../../controlplane/kubelet';

export interface ClusterFlags {
  dataDir: string;
  kubeconfig?: string;
  port: number;
  positionals: string[];
  /** the node flags of `cluster start` */
  nodePlan: NodePlan;
  /** --local-runtime: local nodes run containers as host processes (default) or simulate them */
  localRuntime: LocalRuntimeKind;
}

export const defaultDataDir = (): string =>
  process.env.WHEELHOUSE_DATA_DIR ?? join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'wheelhouse', 'cluster');

export function parseClusterFlags(argv: string[]): ClusterFlags {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      kubeconfig: { type: 'string' },
      port: { type: 'string' },
      nodes: { type: 'string' },
      'simulated-nodes': { type: 'string' },
      'node-cpu': { type: 'string' },
      'node-memory': { type: 'string' },
      'node-pods': { type: 'string' },
      zones: { type: 'string' },
      'node-labels': { type: 'string' },
      'node-taints': { type: 'string' },
      'local-runtime': { type: 'string' },
    },
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, got "${values.port}"`);
  return {
    dataDir: resolve(values['data-dir'] ?? defaultDataDir()),
    kubeconfig: values.kubeconfig ? resolve(values.kubeconfig) : undefined,
    port,
    positionals,
    localRuntime: localRuntime(values['local-runtime']),
    nodePlan: {
      nodes: count('--nodes', values.nodes, 1),
      simulatedNodes: count('--simulated-nodes', values['simulated-nodes'], 0),
      cpu: quantity('--node-cpu', values['node-cpu'] ?? '4'),
      memory: quantity('--node-memory', values['node-memory'] ?? '8Gi'),
      pods: count('--node-pods', values['node-pods'], 110),
      zones: values.zones ? values.zones.split(',').map((z) => z.trim()).filter(Boolean) : [],
      labels: parseLabels(values['node-labels']),
      taints: parseTaints(values['node-taints']),
    },
  };
}

export function localRuntime(raw: string | undefined): LocalRuntimeKind {
  if (raw === undefined) return 'process';
  if (!(LOCAL_RUNTIMES as readonly string[]).includes(raw)) throw new Error(`--local-runtime must be one of ${LOCAL_RUNTIMES.join(', ')}, got "${raw}"`);
  return raw as LocalRuntimeKind;
}

function count(flag: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 100_000) throw new Error(`${flag} must be a whole number from 0 to 100000, got "${raw}"`);
  return n;
}

function quantity(flag: string, raw: string): string {
  if (!/^\d+(\.\d+)?(m|k|Ki|M|Mi|G|Gi|T|Ti)?$/.test(raw)) throw new Error(`${flag} must be a Kubernetes quantity such as 4, 500m or 8Gi, got "${raw}"`);
  return raw;
}

function parseLabels(raw: string | undefined): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const pair of (raw ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`--node-labels takes key=value pairs separated by commas, got "${pair}"`);
    labels[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return labels;
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

function parseTaints(raw: string | undefined): NodePlan['taints'] {
  return (raw ?? '').split(',').filter(Boolean).map((t) => {
    const m = /^([^=:]+)(?:=([^:]*))?:(\w+)$/.exec(t.trim());
    const effect = m?.[3] as (typeof EFFECTS)[number] | undefined;
    if (!m || !effect || !EFFECTS.includes(effect)) throw new Error(`--node-taints takes key[=value]:NoSchedule|PreferNoSchedule|NoExecute, got "${t}"`);
    return { key: m[1], ...(m[2] ? { value: m[2] } : {}), effect };
  });
}
