// Dispatches bridge requests to the engine's services, whatever carries them (MessagePort or
// WebSocket). Services register typed handlers; streams get a sink whose `closed` resolves when
// the renderer cancels or goes away, so every subscription is cleaned up.
import { decodeBinaryFrame, encodeBinaryFrame, type BridgeError, type ClientMessage, type ServerMessage } from '../../../shared/bridge/protocol';
import type { EventOf, MethodName, ParamsOf, ResultOf } from '../../../shared/bridge/methods';
import { toBridgeError } from './errors';

export interface StreamSink<E> {
  /** the id of the subscribing request; `view.update` refers to it */
  readonly id: number;
  send(event: E): void;
  end(error?: BridgeError): void;
  /** resolves when the renderer cancelled, the connection closed, or end() was called */
  readonly closed: Promise<void>;
  /** raw bytes to the renderer in a binary frame (terminal output); dropped once the stream ended */
  sendBytes(bytes: Uint8Array): void;
  /** raw bytes the renderer sent on this stream (keystrokes); the listener goes when the stream ends */
  onBytes(listener: (bytes: Uint8Array) => void): void;
}

type Unary<M extends MethodName> = (params: ParamsOf<M>, conn: Connection) => Promise<ResultOf<M>>;
type Stream<M extends MethodName> = (params: ParamsOf<M>, sink: StreamSink<EventOf<M>>, conn: Connection) => Promise<ResultOf<M>>;

/** One renderer connection: its open streams, and how to send it messages. */
export class Connection {
  private readonly streams = new Map<number, () => void>();
  private readonly byteListeners = new Map<number, (bytes: Uint8Array) => void>();
  private closedFlag = false;

  constructor(
    readonly send: (message: ServerMessage) => void,
    private readonly sendFrame?: (frame: Uint8Array) => void,
  ) {}

  get closed(): boolean {
    return this.closedFlag;
  }

  /** false for carriers that move only text (terminal streams refuse to start on them) */
  get supportsBinary(): boolean {
    return !!this.sendFrame;
  }

  /** a binary frame from the renderer: handed to the stream it names, ignored if none listens */
  receiveBinary(frame: Uint8Array): void {
    const decoded = decodeBinaryFrame(frame);
    if (decoded) this.byteListeners.get(decoded.id)?.(decoded.bytes);
  }

  openStream<E>(id: number): StreamSink<E> {
    let close!: () => void;
    const closed = new Promise<void>((resolve) => (close = resolve));
    let ended = false;
    const finish = (error?: BridgeError): void => {
      if (ended) return;
      ended = true;
      this.streams.delete(id);
      this.byteListeners.delete(id);
      close();
      if (!this.closedFlag) this.send({ kind: 'end', id, ...(error ? { error } : {}) });
    };
    this.streams.set(id, () => {
      ended = true;
      this.streams.delete(id);
      this.byteListeners.delete(id);
      close();
    });
    return {
      id,
      send: (event) => {
        if (!ended && !this.closedFlag) this.send({ kind: 'event', id, event });
      },
      end: finish,
      closed,
      sendBytes: (bytes) => {
        if (!ended && !this.closedFlag) this.sendFrame?.(encodeBinaryFrame(id, bytes));
      },
      onBytes: (listener) => {
        if (!ended) this.byteListeners.set(id, listener);
      },
    };
  }

  cancel(id: number): void {
    this.streams.get(id)?.();
  }

  close(): void {
    this.closedFlag = true;
    for (const stop of [...this.streams.values()]) stop();
  }
}

export class BridgeRouter {
  private readonly unary = new Map<string, Unary<any>>();
  private readonly streams = new Map<string, Stream<any>>();

  handle<M extends MethodName>(method: M, fn: Unary<M>): void {
    this.unary.set(method, fn);
  }

  stream<M extends MethodName>(method: M, fn: Stream<M>): void {
    this.streams.set(method, fn);
  }

  methods(): string[] {
    return [...this.unary.keys(), ...this.streams.keys()].sort();
  }

  /** handles one message from a connection; never throws */
  async dispatch(conn: Connection, message: ClientMessage): Promise<void> {
    if (message.kind === 'cancel') return conn.cancel(message.id);
    const { id, method, params } = message;
    const unary = this.unary.get(method);
    const stream = this.streams.get(method);
    if (!unary && !stream) return conn.send({ kind: 'error', id, error: { code: 'NotFound', message: `unknown bridge method "${method}"` } });
    try {
      if (unary) return conn.send({ kind: 'result', id, result: await unary(params as never, conn) });
      const sink = conn.openStream(id);
      const first = await stream!(params as never, sink, conn);
      conn.send({ kind: 'result', id, result: first });
    } catch (err) {
      conn.cancel(id);
      conn.send({ kind: 'error', id, error: toBridgeError(err) });
    }
  }
}
