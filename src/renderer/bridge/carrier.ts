// The wire under the bridge client. Desktop: the preload's message channel (always up while the
// window lives). Web mode: a WebSocket to /bridge on the page's own origin, which the engine
// authenticates with the cookie the page load set. The socket reconnects with backoff because the
// engine may restart or the laptop may sleep; the UI shows a banner while it is down.

export interface Carrier {
  send(text: string): void;
  onMessage(cb: (text: string) => void): void;
  /** called with true when the channel (re)opens and false when it drops */
  onStatus(cb: (connected: boolean) => void): void;
  /** binary frames (terminal bytes, see encodeBinaryFrame in shared/bridge/protocol) */
  sendBinary?(frame: Uint8Array): void;
  onBinary?(cb: (frame: Uint8Array) => void): void;
}

export interface PreloadBridge {
  send(text: string): void;
  onMessage(cb: (text: string) => void): void;
  /** older preloads move text only */
  sendBinary?(frame: Uint8Array): void;
  onBinary?(cb: (frame: Uint8Array) => void): void;
}

declare global {
  interface Window {
    wheelhouseBridge?: PreloadBridge;
  }
}

export function preloadCarrier(bridge: PreloadBridge): Carrier {
  return {
    send: (text) => bridge.send(text),
    onMessage: (cb) => bridge.onMessage(cb),
    onStatus: (cb) => queueMicrotask(() => cb(true)),
    ...(bridge.sendBinary && bridge.onBinary ? { sendBinary: (f: Uint8Array) => bridge.sendBinary!(f), onBinary: (cb: (f: Uint8Array) => void) => bridge.onBinary!(cb) } : {}),
  };
}

/** Delay before reconnect attempt n (0-based): 250 ms doubling up to 5 s. */
export function backoffDelay(attempt: number): number {
  return Math.min(5000, 250 * 2 ** Math.min(attempt, 5));
}

export function webSocketCarrier(url: string, makeSocket: (url: string) => WebSocket = (u) => new WebSocket(u)): Carrier {
  const messageListeners: ((text: string) => void)[] = [];
  const binaryListeners: ((frame: Uint8Array) => void)[] = [];
  const statusListeners: ((connected: boolean) => void)[] = [];
  let socket: WebSocket | undefined;
  let attempt = 0;
  const connect = (): void => {
    const ws = makeSocket(url);
    ws.binaryType = 'arraybuffer';
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      for (const cb of statusListeners) cb(true);
    };
    ws.onmessage = (e) => {
      if (typeof e.data === 'string') for (const cb of messageListeners) cb(e.data);
      else if (e.data instanceof ArrayBuffer) for (const cb of binaryListeners) cb(new Uint8Array(e.data));
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = undefined;
      for (const cb of statusListeners) cb(false);
      setTimeout(connect, backoffDelay(attempt++));
    };
  };
  queueMicrotask(connect);
  return {
    send: (text) => {
      if (socket?.readyState === WebSocket.OPEN) socket.send(text);
    },
    onMessage: (cb) => messageListeners.push(cb),
    onStatus: (cb) => statusListeners.push(cb),
    sendBinary: (frame) => {
      if (socket?.readyState === WebSocket.OPEN) socket.send(frame);
    },
    onBinary: (cb) => binaryListeners.push(cb),
  };
}

/** The carrier for this page: the preload's channel in the desktop app, else the engine's socket. */
export function defaultCarrier(): Carrier {
  if (window.wheelhouseBridge) return preloadCarrier(window.wheelhouseBridge);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return webSocketCarrier(`${scheme}://${location.host}/bridge`);
}
