// The only thing the renderer gets from the desktop shell: the bridge, as text (and binary) frames over the
// MessagePort the main process hands over. Sandboxed, context-isolated; nothing else is exposed.
import { contextBridge, ipcRenderer } from 'electron';

let port: MessagePort | undefined;
const pending: string[] = [];
const listeners: ((text: string) => void)[] = [];
const binaryListeners: ((frame: Uint8Array) => void)[] = [];

ipcRenderer.on('bridge-port', (event) => {
  port = event.ports[0];
  if (!port) return;
  port.onmessage = (e: MessageEvent) => {
    if (typeof e.data === 'string') for (const l of listeners) l(e.data);
    else if (e.data instanceof Uint8Array) for (const l of binaryListeners) l(e.data);
  };
  port.start();
  for (const text of pending.splice(0)) port.postMessage(text);
});

contextBridge.exposeInMainWorld('wheelhouseBridge', {
  send(text: string): void {
    if (typeof text !== 'string') return;
    if (port) port.postMessage(text);
    else pending.push(text);
  },
  onMessage(listener: (text: string) => void): void {
    if (typeof listener === 'function') listeners.push(listener);
  },
  // terminal bytes (binary bridge frames); dropped until the port is there, like nothing typed yet
  sendBinary(frame: Uint8Array): void {
    if (frame instanceof Uint8Array) port?.postMessage(frame);
  },
  onBinary(listener: (frame: Uint8Array) => void): void {
    if (typeof listener === 'function') binaryListeners.push(listener);
  },
});
