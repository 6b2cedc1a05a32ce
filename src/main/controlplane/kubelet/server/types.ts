// What the kubelet server (logs, exec, attach, port-forward) needs from the local node's runtime.
// The process runtime implements it; the protocol handlers under ../streaming only see ExecSession
// and sockets, never the runtime.
import type { Socket } from 'node:net';

export interface PodRef {
  uid: string;
  namespace: string;
  name: string;
}

export interface ExecOptions {
  tty: boolean;
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
  /** initial terminal size, when tty */
  cols?: number;
  rows?: number;
}

/** a running exec (or an attach to the container's main process) */
export interface ExecSession {
  stdin?: NodeJS.WritableStream;
  /** with a tty, stdout carries everything the terminal shows */
  stdout?: NodeJS.ReadableStream;
  stderr?: NodeJS.ReadableStream;
  resize(cols: number, rows: number): void;
  /** resolves once the process has ended (for attach: once the client detaches or the container exits) */
  exited: Promise<{ exitCode: number; signal?: string }>;
  kill(): void;
}

/** a container's log files in CRI format (../logs/cri-format.ts), oldest first */
export interface ContainerLogFiles {
  files: string[];
  /** the container instance is running, so the last file still grows (follow waits for more) */
  running: boolean;
}

/** a request the runtime cannot serve; `code` becomes the HTTP status of the kubelet's answer */
export class StreamError extends Error {
  constructor(
    readonly code: 400 | 404 | 500,
    message: string,
  ) {
    super(message);
  }
}

export interface ContainerStreams {
  /** rejects with StreamError: no such container, container not running, command not found */
  exec(pod: PodRef, container: string, argv: string[], opts: ExecOptions): Promise<ExecSession>;
  attach(pod: PodRef, container: string, opts: ExecOptions): Promise<ExecSession>;
  /** a connection to the pod's port, from inside its network */
  portForward(pod: PodRef, port: number): Promise<Socket>;
  /** previous: the instance before the last restart; throws StreamError 400 when there is none */
  logFiles(pod: PodRef, container: string, previous: boolean): ContainerLogFiles;
}
