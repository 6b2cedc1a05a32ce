// The parts of a kubeconfig (clientcmd v1) that Wheelhouse reads. Entries keep every other field
// as written, so nothing a user set is lost when a context is handed to client-node.

export interface KubeCluster {
  server?: string;
  'certificate-authority'?: string;
  'certificate-authority-data'?: string;
  'insecure-skip-tls-verify'?: boolean;
  'tls-server-name'?: string;
  'proxy-url'?: string;
  [field: string]: unknown;
}

export interface ExecConfig {
  command: string;
  args?: string[];
  env?: { name: string; value: string }[] | null;
  apiVersion?: string;
  [field: string]: unknown;
}

export interface KubeUser {
  token?: string;
  tokenFile?: string;
  'client-certificate'?: string;
  'client-certificate-data'?: string;
  'client-key'?: string;
  'client-key-data'?: string;
  username?: string;
  password?: string;
  as?: string;
  'auth-provider'?: { name: string; config?: Record<string, string> };
  exec?: ExecConfig;
  [field: string]: unknown;
}

export interface KubeContext {
  cluster: string;
  user: string;
  namespace?: string;
  [field: string]: unknown;
}

/** One parsed kubeconfig file; maps keep the file's order (the last entry of a name wins, as in client-go). */
export interface KubeconfigFile {
  path: string;
  clusters: Map<string, KubeCluster>;
  users: Map<string, KubeUser>;
  contexts: Map<string, KubeContext>;
  currentContext?: string;
  preferences?: Record<string, unknown>;
}

/** Why a file could not be used: shown next to the file in the app. */
export interface FileProblem {
  file: string;
  /** 1-based */
  line?: number;
  message: string;
}

/** A context ready to connect to: its cluster and user looked up by name, paths absolute. */
export interface ContextEntry {
  /** "local" for the built-in cluster, else "<file>#<context>" */
  id: string;
  /** the file that defines the context */
  source: string;
  name: string;
  context: KubeContext;
  clusterName: string;
  userName: string;
  cluster?: KubeCluster;
  user?: KubeUser;
  builtIn: boolean;
}

export type SourceOrigin = 'KUBECONFIG' | 'default' | 'added' | 'builtin';

export interface SourcePath {
  path: string;
  origin: SourceOrigin;
}
