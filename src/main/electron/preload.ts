// The only thing the renderer gets from the desktop shell: the bridge, as text frames over the
// MessagePort the main process hands over. Sandboxed, context-isolated; nothing else is exposed.
import { contextBridge, ipcRenderer } from 'electron';

let port: MessagePort | undefined;
const pending: string[] = [];
const listeners: ((text: string) => void)[] = [];

ipcRenderer.on('bridge-port', (event) => {
  port = event.ports[0];
  if (!port) return;
  port.onmessage = (e: MessageEvent) => {
    if (typeof e.data === 'string') for (const l of listeners) l(e.data);
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
});
