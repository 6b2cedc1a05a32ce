// What the terminal service needs of any running terminal, whatever runs it: a pseudo-terminal on
// this machine (node-pty) or a shell in a pod (exec over the API server).

export interface SessionEnd {
  exitCode?: number;
  message: string;
  /** ended by a failure (connection lost, could not start), not by the program exiting */
  dropped: boolean;
}

export interface TerminalSession {
  /** argv of what runs, for the tab and the user */
  readonly command: string[];
  write(bytes: Uint8Array): void;
  resize(cols: number, rows: number): void;
  onData(listener: (bytes: Uint8Array) => void): void;
  /** called once */
  onEnd(listener: (end: SessionEnd) => void): void;
  /** ends the session (kills the program or closes the exec connection) */
  close(): void;
}

/** collects output before the first listener arrives, and fires the end once */
export class SessionEvents {
  private dataListener?: (bytes: Uint8Array) => void;
  private readonly early: Uint8Array[] = [];
  private endListener?: (end: SessionEnd) => void;
  private ended?: SessionEnd;

  data(bytes: Uint8Array): void {
    if (this.dataListener) this.dataListener(bytes);
    else this.early.push(bytes);
  }

  end(end: SessionEnd): void {
    if (this.ended) return;
    this.ended = end;
    this.endListener?.(end);
  }

  get hasEnded(): boolean {
    return !!this.ended;
  }

  onData(listener: (bytes: Uint8Array) => void): void {
    this.dataListener = listener;
    for (const b of this.early.splice(0)) listener(b);
  }

  onEnd(listener: (end: SessionEnd) => void): void {
    this.endListener = listener;
    if (this.ended) listener(this.ended);
  }
}

export function exitMessage(exitCode: number | undefined, signal?: number): string {
  if (signal) return `ended by signal ${signal}`;
  return exitCode === undefined ? 'ended' : `exited with code ${exitCode}`;
}
