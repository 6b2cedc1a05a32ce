// The logs dock's styles, adopted once as a constructed stylesheet: the page's CSP (style-src
// 'self') allows those, and keeping them here leaves the app's styles.css to the app shell.
const CSS = `
/* the dock takes the bottom of the window and the app shrinks above it (terminal dock included),
   so nothing is covered: body becomes a column while a dock is open */
body:has(> #log-dock-root > .log-dock) { display: flex; flex-direction: column; }
body:has(> #log-dock-root > .log-dock) > #root { flex: 1; min-height: 0; height: auto; }
#log-dock-root { flex: none; }
.log-dock { position: relative; height: 46vh; z-index: 30; display: flex; flex-direction: column; background: var(--panel); border-top: 1px solid var(--line-strong); box-shadow: 0 -4px 14px rgba(31, 35, 40, 0.12); }
.log-dock.max { height: calc(100vh - 90px); }
.log-dock-tabs { display: flex; align-items: center; gap: 2px; padding: 0 6px; background: var(--bg); border-bottom: 1px solid var(--line); min-height: 30px; }
.log-dock-tab { display: flex; align-items: center; gap: 4px; border: none; border-radius: 0; background: none; padding: 5px 8px; color: var(--muted); border-bottom: 2px solid transparent; max-width: 320px; overflow: hidden; text-overflow: ellipsis; }
.log-dock-tab.current { color: var(--text); border-bottom-color: var(--accent); font-weight: 600; }
.log-dock-tab .x { color: var(--muted); padding: 0 2px; }
.log-dock-tabs .spacer { flex: 1; }
.log-tab { flex: 1; display: flex; min-height: 0; }
.log-tab[hidden] { display: none; }
.log-view { flex: 1; display: flex; flex-direction: column; min-height: 0; min-width: 0; }
.log-toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; padding: 6px 10px; border-bottom: 1px solid var(--line); }
.log-toolbar label { display: inline-flex; align-items: center; gap: 4px; color: var(--muted); }
.log-toolbar select { border: 1px solid var(--line-strong); border-radius: 4px; padding: 2px 4px; background: var(--panel); }
.log-toolbar .log-search { width: 200px; }
.log-toolbar .count { color: var(--muted); min-width: 52px; font-variant-numeric: tabular-nums; }
.log-toolbar .live { color: var(--ok); font-weight: 600; }
.log-toolbar .paused { color: var(--warn); font-weight: 600; }
.log-status { padding: 4px 10px; font-size: 12px; }
.log-status.error { color: var(--err); background: var(--err-bg); }
.log-body { flex: 1; overflow: auto; background: #0f1419; color: #d6dde6; font: 12px/18px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; position: relative; }
.log-row { position: absolute; left: 0; top: 0; min-width: 100%; padding: 0 10px; white-space: pre; }
.log-body.wrap .log-row { white-space: pre-wrap; word-break: break-all; right: 0; }
.log-row .ts { color: #7d8590; margin-right: 8px; }
.log-row .src { display: inline-block; margin-right: 8px; padding: 0 4px; border-radius: 3px; color: #0f1419; font-weight: 600; }
.log-row.marker { color: #e3b341; font-style: italic; }
.log-row.marker-error { color: #ff7b72; }
.log-row mark { background: #9e6a03; color: #fff; border-radius: 2px; }
.log-row mark.current { background: #f0883e; outline: 1px solid #fff; }
.log-empty { color: #7d8590; padding: 10px; }
.log-newlines { position: absolute; right: 18px; bottom: 12px; z-index: 2; }
`;

let adopted = false;

export function adoptLogStyles(): void {
  if (adopted || typeof document === 'undefined') return;
  adopted = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/** a pod's label colour in merged logs, stable per source index */
const LABELS = ['#79c0ff', '#7ee787', '#ffa657', '#d2a8ff', '#ff7b72', '#a5d6ff', '#f2cc60', '#56d4dd', '#ffbedd', '#b4f0a8'];
export const labelColour = (src: number): string => LABELS[src % LABELS.length];
