// The dock's tab list as plain data, so its rules are tested without a DOM: opening adds a tab and
// selects it, closing selects a neighbour, the forwards tab is one fixed entry.
import type { TerminalTarget } from '../../shared/bridge/methods-terminals';

export interface TerminalTab {
  key: string;
  target: TerminalTarget;
  title: string;
}

export interface DockState {
  tabs: TerminalTab[];
  /** a tab key, 'forwards', or undefined when the dock is closed */
  current?: string;
  forwardsOpen: boolean;
  minimized: boolean;
}

export const emptyDock: DockState = { tabs: [], forwardsOpen: false, minimized: false };

let counter = 0;

export function defaultTitle(t: TerminalTarget): string {
  if (t.kind === 'pod') return t.container ? `${t.pod}/${t.container}` : t.pod;
  if (t.kind === 'node') return `node ${t.node}`;
  return 'local';
}

export function openTab(s: DockState, target: TerminalTarget): DockState {
  const tab = { key: `t${++counter}`, target, title: defaultTitle(target) };
  return { ...s, tabs: [...s.tabs, tab], current: tab.key, minimized: false };
}

export function closeTab(s: DockState, key: string): DockState {
  if (key === 'forwards') return { ...s, forwardsOpen: false, current: s.current === 'forwards' ? s.tabs.at(-1)?.key : s.current };
  const i = s.tabs.findIndex((t) => t.key === key);
  if (i < 0) return s;
  const tabs = s.tabs.filter((t) => t.key !== key);
  const neighbour = tabs[Math.min(i, tabs.length - 1)]?.key ?? (s.forwardsOpen ? 'forwards' : undefined);
  return { ...s, tabs, current: s.current === key ? neighbour : s.current };
}

export function retitle(s: DockState, key: string, title: string): DockState {
  return { ...s, tabs: s.tabs.map((t) => (t.key === key ? { ...t, title } : t)) };
}

export function showForwards(s: DockState): DockState {
  return { ...s, forwardsOpen: true, current: 'forwards', minimized: false };
}

export const isOpen = (s: DockState): boolean => s.tabs.length > 0 || s.forwardsOpen;
