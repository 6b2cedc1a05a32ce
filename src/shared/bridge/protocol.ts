// The bridge between the renderer and the engine: one duplex channel of JSON messages, carried over
// a MessagePort (desktop) or a WebSocket on 127.0.0.1 (web mode, tests). See DESIGN.md "Bridge protocol".
//
//   renderer                                   engine
//   {kind:'request', id, method, params}  ──►  handler(method)
//                                         ◄──  {kind:'result', id, result} | {kind:'error', id, error}
//   streams and subscriptions (views, logs…): the same id then carries
//                                         ◄──  {kind:'event', id, event} …  {kind:'end', id, error?}
//   {kind:'cancel', id}                   ──►  ends a stream / subscription early
//                                         ◄──  {kind:'notify', topic, data}   engine-wide notices
//   binary frames (terminal bytes), both ways: [stream id: uint32 big-endian][bytes], see encodeBinaryFrame

export interface BridgeError {
  /** stable machine code, e.g. Unauthorized, Forbidden, NotFound, Offline, Invalid, Conflict, Internal */
  code: string;
  /** what went wrong, for the user, including where (cluster, object, field) */
  message: string;
  /** the Kubernetes Status from the server, when there was one */
  status?: { code: number; reason?: string; details?: { causes?: { field?: string; message?: string; reason?: string }[] } };
}

export type ClientMessage =
  | { kind: 'request'; id: number; method: string; params?: unknown }
  | { kind: 'cancel'; id: number };

export type ServerMessage =
  | { kind: 'result'; id: number; result: unknown }
  | { kind: 'error'; id: number; error: BridgeError }
  | { kind: 'event'; id: number; event: unknown }
  | { kind: 'end'; id: number; error?: BridgeError }
  | { kind: 'notify'; topic: string; data: unknown };

/** Parses and checks one incoming frame; undefined if it is not a well-formed client message. */
export function parseClientMessage(text: string): ClientMessage | undefined {
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!m || typeof m !== 'object') return undefined;
  const o = m as Record<string, unknown>;
  if (typeof o.id !== 'number' || !Number.isSafeInteger(o.id)) return undefined;
  if (o.kind === 'cancel') return { kind: 'cancel', id: o.id };
  if (o.kind === 'request' && typeof o.method === 'string') return { kind: 'request', id: o.id, method: o.method, params: o.params };
  return undefined;
}

/** Raw bytes of one stream (terminal output, keystrokes) without JSON or base64: the stream's id as a
 *  4-byte big-endian prefix, then the bytes. Text frames are unchanged, so carriers that never send
 *  binary frames keep working. */
export function encodeBinaryFrame(id: number, bytes: Uint8Array): Uint8Array {
  const frame = new Uint8Array(4 + bytes.byteLength);
  new DataView(frame.buffer).setUint32(0, id >>> 0);
  frame.set(bytes, 4);
  return frame;
}

/** the stream id and bytes of a binary frame; undefined if it is too short to carry an id */
export function decodeBinaryFrame(frame: Uint8Array): { id: number; bytes: Uint8Array } | undefined {
  if (frame.byteLength < 4) return undefined;
  const id = new DataView(frame.buffer, frame.byteOffset, 4).getUint32(0);
  return { id, bytes: frame.subarray(4) };
}
