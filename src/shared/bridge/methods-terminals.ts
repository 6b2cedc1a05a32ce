// Terminals (pod shells, node shell, local shell) and port-forwards.
// Merged into BridgeMethods in methods.ts; one file per area so each can grow on its own.
//
// A terminal is a stream: terminal.open answers once the program runs, then its output travels as
// binary frames on the stream's id (keystrokes go the other way the same way), and one event says
// how it ended. Cancelling the stream ends the session.

export type TerminalTarget =
  /** a shell in a pod's container: bash if the image has it, else sh */
  | { kind: 'pod'; clusterId: string; namespace: string; pod: string; container?: string }
  /** a login shell on a node; only the built-in cluster's local node (it is this machine) */
  | { kind: 'node'; clusterId: string; node: string }
  /** the user's own shell with KUBECONFIG set to the cluster's context alone */
  | { kind: 'local'; clusterId: string };

export interface TerminalOpened {
  /** for the tab: "web-1/nginx", "node local-node", "local · Local cluster" */
  title: string;
  /** the program that runs, as argv: ["bash"], ["sh"], ["/bin/zsh", "-l"] */
  command: string[];
  /** local terminals: the kubeconfig file KUBECONFIG points at */
  kubeconfigPath?: string;
}

/** the only event of a terminal stream, just before it ends */
export interface TerminalEnded {
  type: 'exit';
  /** the program's exit code, when it is known */
  exitCode?: number;
  /** what happened, for the user: "exited with code 0", "the connection to the pod was lost: …" */
  message: string;
  /** true when the session ended because something failed, not because the shell exited */
  dropped: boolean;
}

export interface PortForwardTarget {
  kind: 'pod' | 'service';
  name: string;
}

export interface PortForwardSpec {
  clusterId: string;
  namespace: string;
  target: PortForwardTarget;
  /** a container port (pod) or a Service port, by number or by name */
  port: number | string;
  /** 0 or absent: pick a free one */
  localPort?: number;
}

export type PortForwardState = 'starting' | 'active' | 'reconnecting' | 'stopped';

export interface PortForwardInfo extends PortForwardSpec {
  id: string;
  localPort: number;
  /** the pod connections go to now, and its port (a Service's targetPort resolved as kubectl does) */
  pod?: string;
  podPort?: number;
  state: PortForwardState;
  /** why it is reconnecting or stopped */
  message?: string;
  /** http://127.0.0.1:<localPort> */
  url: string;
  /** TCP connections open through it now */
  connections: number;
}

export interface TerminalMethods {
  /** stream: output and input are binary frames on the stream's id; one TerminalEnded event, then end */
  'terminal.open': { params: TerminalTarget & { cols: number; rows: number }; result: TerminalOpened; event: TerminalEnded };
  /** the tty resize channel of a running terminal (its stream id) */
  'terminal.resize': { params: { sessionId: number; cols: number; rows: number }; result: void };

  'portForward.start': { params: PortForwardSpec; result: PortForwardInfo };
  'portForward.stop': { params: { id: string }; result: void };
  'portForward.list': { params: { clusterId?: string }; result: PortForwardInfo[] };
  /** stream: every forward, again each time one changes */
  'portForward.watch': { params: void; result: PortForwardInfo[]; event: PortForwardInfo[] };
  /** desktop: opens the forward's URL in the user's browser (web mode uses window.open) */
  'portForward.open': { params: { id: string }; result: void };
}
