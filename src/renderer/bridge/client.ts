// Typed requests and subscriptions over a Carrier (see carrier.ts and src/shared/bridge/protocol.ts).
// Unary calls fail with code "Offline" when the channel drops under them. Subscriptions survive a
// drop: on reconnect each is requested again (with its latest params) and its new first result is
// delivered to onEvent, since for every stream method the first result has the event's shape.
import { decodeBinaryFrame, encodeBinaryFrame, type BridgeError, type ClientMessage, type ServerMessage } from '../../shared/bridge/protocol';
import type { EventOf, MethodName, ParamsOf, ResultOf } from '../../shared/bridge/methods';
import type { Carrier } from './carrier';

export class BridgeCallError extends Error {
  constructor(readonly error: BridgeError) {
    super(error.message);
  }
  get code(): string {
    return this.error.code;
  }
}

export interface Subscription<M extends MethodName> {
  /** the first result (or the failure) of the original request */
  result: Promise<ResultOf<M>>;
  /** the current request id; view.update refers to it, and it changes after a reconnect */
  readonly id: number;
  /** what to request again after a reconnect */
  setParams(params: ParamsOf<M>): void;
  cancel(): void;
  /** raw bytes to the engine on this stream (keystrokes), in a binary frame */
  sendBytes(bytes: Uint8Array): void;
}

export interface SubscribeOptions {
  /** raw bytes the engine sent on this stream (terminal output) */
  onBytes?(bytes: Uint8Array): void;
  /** false: a drop ends the stream (onEnd with code Offline) instead of requesting it again —
   *  a terminal's session cannot be resumed, the user decides whether to start a new one */
  resume?: boolean;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: BridgeCallError): void;
}

interface Stream {
  method: string;
  params: unknown;
  onEvent(event: unknown): void;
  onEnd?(error?: BridgeError): void;
  onBytes?(bytes: Uint8Array): void;
  resume: boolean;
  id: number;
}

const OFFLINE: BridgeError = { code: 'Offline', message: 'The connection to the Wheelhouse engine was lost.' };

export class BridgeClient {
  private nextId = 1;
  private connected = false;
  private readonly pending = new Map<number, Pending>();
  private readonly streams = new Map<number, Stream>();
  private readonly outbox: string[] = [];
  private readonly statusListeners = new Set<(connected: boolean) => void>();
  private readonly notifyListeners = new Set<(topic: string, data: unknown) => void>();

  constructor(private readonly carrier: Carrier) {
    carrier.onMessage((text) => this.receive(text));
    carrier.onStatus((up) => this.setConnected(up));
    carrier.onBinary?.((frame) => this.receiveBinary(frame));
  }

  /** whether terminal bytes can travel (the carrier has binary frames) */
  get supportsBinary(): boolean {
    return !!this.carrier.sendBinary;
  }

  get isConnected(): boolean {
    return this.connected;
  }

  onStatus(cb: (connected: boolean) => void): () => void {
    this.statusListeners.add(cb);
    return () => this.statusListeners.delete(cb);
  }

  onNotify(cb: (topic: string, data: unknown) => void): () => void {
    this.notifyListeners.add(cb);
    return () => this.notifyListeners.delete(cb);
  }

  call<M extends MethodName>(method: M, ...[params]: ParamsOf<M> extends void ? [] : [ParamsOf<M>]): Promise<ResultOf<M>> {
    const id = this.nextId++;
    return new Promise<ResultOf<M>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.post({ kind: 'request', id, method, params });
    });
  }

  subscribe<M extends MethodName>(
    method: M,
    params: ParamsOf<M>,
    onEvent: (event: EventOf<M>) => void,
    onEnd?: (error?: BridgeError) => void,
    options: SubscribeOptions = {},
  ): Subscription<M> {
    const stream: Stream = { method, params, onEvent: onEvent as (e: unknown) => void, onEnd, onBytes: options.onBytes, resume: options.resume ?? true, id: this.nextId++ };
    this.streams.set(stream.id, stream);
    const result = new Promise<ResultOf<M>>((resolve, reject) => {
      this.pending.set(stream.id, { resolve: resolve as (v: unknown) => void, reject });
    });
    result.catch(() => this.streams.delete(stream.id));
    this.post({ kind: 'request', id: stream.id, method, params });
    return {
      result,
      get id() {
        return stream.id;
      },
      setParams: (p) => (stream.params = p),
      cancel: () => {
        if (!this.streams.delete(stream.id)) return;
        this.pending.delete(stream.id);
        this.post({ kind: 'cancel', id: stream.id });
      },
      sendBytes: (bytes) => {
        if (this.connected && this.streams.has(stream.id)) this.carrier.sendBinary?.(encodeBinaryFrame(stream.id, bytes));
      },
    };
  }

  private receiveBinary(frame: Uint8Array): void {
    const decoded = decodeBinaryFrame(frame);
    if (decoded) this.streams.get(decoded.id)?.onBytes?.(decoded.bytes);
  }

  private post(message: ClientMessage): void {
    const text = JSON.stringify(message);
    if (this.connected) this.carrier.send(text);
    // streams are (re)sent by resume(); only unary requests wait in the outbox
    else if (message.kind === 'request' && !this.streams.has(message.id)) this.outbox.push(text);
  }

  private setConnected(up: boolean): void {
    if (up === this.connected) return;
    this.connected = up;
    if (up) this.resume();
    else {
      this.failUnary();
      this.endUnresumable();
    }
    for (const cb of this.statusListeners) cb(up);
  }

  private resume(): void {
    for (const text of this.outbox.splice(0)) this.carrier.send(text);
    for (const [oldId, stream] of [...this.streams]) {
      this.streams.delete(oldId);
      stream.id = this.nextId++;
      this.streams.set(stream.id, stream);
      const firstPending = this.pending.get(oldId);
      this.pending.delete(oldId);
      this.pending.set(stream.id, firstPending ?? { resolve: (first) => stream.onEvent(first), reject: (e) => stream.onEnd?.(e.error) });
      this.carrier.send(JSON.stringify({ kind: 'request', id: stream.id, method: stream.method, params: stream.params }));
    }
  }

  private endUnresumable(): void {
    for (const [id, stream] of [...this.streams]) {
      if (stream.resume) continue;
      this.streams.delete(id);
      const first = this.pending.get(id);
      this.pending.delete(id);
      first?.reject(new BridgeCallError(OFFLINE));
      stream.onEnd?.(OFFLINE);
    }
  }

  private failUnary(): void {
    for (const [id, p] of [...this.pending]) {
      if (this.streams.has(id)) continue;
      this.pending.delete(id);
      p.reject(new BridgeCallError(OFFLINE));
    }
  }

  private receive(text: string): void {
    let m: ServerMessage;
    try {
      m = JSON.parse(text) as ServerMessage;
    } catch {
      return;
    }
    if (m.kind === 'notify') {
      for (const cb of this.notifyListeners) cb(m.topic, m.data);
      return;
    }
    const pending = this.pending.get(m.id);
    const stream = this.streams.get(m.id);
    if (m.kind === 'result' || m.kind === 'error') this.pending.delete(m.id);
    if (m.kind === 'result') pending?.resolve(m.result);
    else if (m.kind === 'error') {
      this.streams.delete(m.id);
      pending?.reject(new BridgeCallError(m.error));
    } else if (m.kind === 'event') stream?.onEvent(m.event);
    else if (m.kind === 'end') {
      this.streams.delete(m.id);
      stream?.onEnd?.(m.error);
    }
  }
}
