// A pod's sandbox on the local node: its own network (pod IP, resolv.conf, /etc/hosts) and the
// container's view of the file system (volume mounts). The process runtime asks for one per pod and
// starts every container process, exec and probe through `command`, so they all share it.
// Implementations: netns (Linux with CAP_NET_ADMIN) and host (elsewhere: host network, no mount mapping).
// createPodSandboxes (index.ts) picks one; README "Pod sandbox and network" says what differs per OS.

/** one volume mount as the container sees it */
export interface SandboxMount {
  /** the real folder or file under the pod's folder (or a hostPath) */
  hostPath: string;
  /** where the container expects it, e.g. /etc/config */
  containerPath: string;
  readOnly: boolean;
}

export interface SandboxSpec {
  uid: string;
  namespace: string;
  name: string;
  /** spec.hostname, or the pod's name */
  hostname: string;
  /** spec.subdomain: the pod is also <hostname>.<subdomain>.<ns>.svc.<domain> */
  subdomain?: string;
  hostNetwork: boolean;
  /** the pod's own folder, made by the runtime: <dataDir>/pods/<uid> */
  podDir: string;
  /** the address the runtime allocated from the node's pod CIDR */
  ip: string;
  /** resolv.conf for the pod, already worked out from dnsPolicy and dnsConfig */
  dns: { nameservers: string[]; searches: string[]; options: string[] };
  /** spec.hostAliases, appended to the pod's /etc/hosts as kubelet does */
  hostAliases?: { ip: string; hostnames: string[] }[];
}

export interface SandboxProcess {
  argv: string[];
  mounts: SandboxMount[];
  workingDir?: string;
}

/**
 * What to spawn. netns: `file`/`args` enter the pod's namespaces, mount, cd and set the hostname
 * themselves, so `cwd` and `env` are absent. host: `file`/`args` are argv unchanged; spawn with `cwd`
 * (workingDir, mapped through the mounts when it lies under one) and merge `env` into the container's
 * environment (WHEELHOUSE_POD_DIR, WHEELHOUSE_MOUNTS) since the volumes cannot appear at their paths.
 */
export interface SandboxCommand {
  file: string;
  args: string[];
  cwd?: string;
  env?: Record<string, string>;
}

export interface PodSandboxes {
  /** 'netns' or 'host'; shown in the node's README and logs */
  readonly kind: 'netns' | 'host';
  /** why this kind was chosen, e.g. "no CAP_NET_ADMIN: pods share the host network" */
  readonly reason: string;
  /** makes (or finds, after a restart) the pod's sandbox; answers the IP the pod really has */
  create(spec: SandboxSpec): Promise<{ ip: string }>;
  /**
   * The file and arguments to spawn so that `proc.argv` runs inside the pod's sandbox with its mounts
   * and working directory. Arguments stay arguments: nothing is joined into a shell line.
   */
  command(uid: string, proc: SandboxProcess): SandboxCommand;
  /** removes the sandbox (network namespace, veth, files it wrote); idempotent */
  destroy(uid: string): Promise<void>;
  /**
   * removes sandboxes of this node left by an earlier run (crash) whose pod is not in `keep`;
   * call once the runtime knows which pods the node still has. Answers the UIDs removed.
   */
  prune(keep: Iterable<string>): Promise<string[]>;
  /** removes what every sandbox shares (bridges) once no pod is left */
  close(): Promise<void>;
}
