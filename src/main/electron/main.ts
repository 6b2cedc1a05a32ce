// The Electron shell: one instance, a secure window, the engine in a utility process, and a
// MessagePort between them. No business logic lives here (DESIGN.md).
import { app, BrowserWindow, MessageChannelMain, utilityProcess, type UtilityProcess } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lockDown, secureWebPreferences } from './security';
import { savedBounds, trackWindow, wasMaximized } from './window-state';
import { installMenu } from './menu';

/** dist/electron, where this file is bundled to (main.mjs, preload.cjs, engine-host.mjs) */
const DIST = dirname(fileURLToPath(import.meta.url));
let engine: UtilityProcess | undefined;
let kubeconfigDir: string | undefined;

function startEngine(): UtilityProcess {
  const child = utilityProcess.fork(join(DIST, 'engine-host.mjs'), [], { serviceName: 'Wheelhouse Engine', stdio: 'inherit' });
  child.on('message', (m: { type?: string; cluster?: string }) => {
    if (m.type === 'ready') kubeconfigDir = join(app.getPath('home'), '.local', 'share', 'wheelhouse', 'cluster');
  });
  child.on('exit', (code) => {
    if (code !== 0 && !quitting) app.exit(1);
  });
  return child;
}

function openWindow(): BrowserWindow {
  const win = new BrowserWindow({
    ...savedBounds(),
    show: false,
    title: 'Wheelhouse',
    backgroundColor: '#11151c',
    webPreferences: secureWebPreferences(join(DIST, 'preload.cjs')),
  });
  if (wasMaximized()) win.maximize();
  trackWindow(win);
  win.once('ready-to-show', () => win.show());
  win.webContents.on('did-finish-load', () => {
    const { port1, port2 } = new MessageChannelMain();
    engine?.postMessage({ type: 'connect' }, [port1]);
    win.webContents.postMessage('bridge-port', null, [port2]);
  });
  void win.loadFile(join(DIST, '..', 'renderer', 'index.html'));
  return win;
}

let quitting = false;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.whenReady().then(() => {
    lockDown();
    installMenu(() => kubeconfigDir);
    engine = startEngine();
    openWindow();
    app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && openWindow());
  });
  app.on('before-quit', () => {
    quitting = true;
    engine?.kill();
  });
  app.on('window-all-closed', () => process.platform !== 'darwin' && app.quit());
}
