// Window bounds and preferences, kept with electron-store between launches.
import Store from 'electron-store';
import type { BrowserWindow, Rectangle } from 'electron';

interface State {
  bounds?: Rectangle;
  maximized?: boolean;
}

const store = new Store<State>({ name: 'window-state' });

export const savedBounds = (): Partial<Rectangle> => store.get('bounds') ?? { width: 1400, height: 900 };
export const wasMaximized = (): boolean => store.get('maximized') ?? false;

export function trackWindow(win: BrowserWindow): void {
  const save = (): void => {
    if (win.isDestroyed()) return;
    store.set('maximized', win.isMaximized());
    if (!win.isMaximized() && !win.isMinimized()) store.set('bounds', win.getBounds());
  };
  win.on('resize', save);
  win.on('move', save);
  win.on('close', save);
}
