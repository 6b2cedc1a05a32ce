// One xterm.js terminal with the fit, search and web-links addons, and copy/paste on
// Ctrl/Cmd+Shift+C and Ctrl/Cmd+Shift+V (plain Ctrl+C must reach the shell as an interrupt).
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { WebLinksAddon } from '@xterm/addon-web-links';
import xtermCss from '@xterm/xterm/css/xterm.css' with { type: 'text' };
import dockCss from './dock.css' with { type: 'text' };
import { adoptCss, mirrorInlineStyles } from './adopt-styles';

export interface XtermHandle {
  term: Terminal;
  fit(): void;
  search: SearchAddon;
  dispose(): void;
}

export function loadTerminalStyles(): void {
  adoptCss('xterm', xtermCss);
  adoptCss('dock', dockCss);
}

export function createXterm(host: HTMLElement, onOpenLink: (url: string) => void): XtermHandle {
  loadTerminalStyles();
  const unmirror = mirrorInlineStyles(host);
  const term = new Terminal({
    cursorBlink: true,
    fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', monospace",
    fontSize: 13,
    scrollback: 10_000,
    allowProposedApi: true,
    theme: { background: '#0f1419', foreground: '#e6edf3', cursor: '#e6edf3', selectionBackground: '#2f6feb80' },
  });
  const fitAddon = new FitAddon();
  const search = new SearchAddon();
  term.loadAddon(fitAddon);
  term.loadAddon(search);
  term.loadAddon(new WebLinksAddon((_e, uri) => onOpenLink(uri)));
  term.attachCustomKeyEventHandler((e) => clipboardKeys(term, e));
  term.open(host);
  const fit = (): void => {
    // a hidden pane has no size; fitting it would shrink the tty to nothing
    if (host.offsetWidth > 0 && host.offsetHeight > 0) fitAddon.fit();
  };
  fit();
  return {
    term,
    fit,
    search,
    dispose: () => {
      term.dispose();
      unmirror();
    },
  };
}

/** false = xterm ignores the key. Paste: the browser's own paste event (xterm handles it) follows. */
function clipboardKeys(term: Terminal, e: KeyboardEvent): boolean {
  if (e.type !== 'keydown' || !(e.ctrlKey || e.metaKey) || !e.shiftKey) return true;
  if (e.code === 'KeyC') {
    const text = term.getSelection();
    if (text) void navigator.clipboard?.writeText(text).catch(() => document.execCommand('copy'));
    e.preventDefault();
    return false;
  }
  if (e.code === 'KeyV') return false;
  return true;
}
