// Styles of the deploy dialog, the rollout panel, the overview and the events view, adopted once
// as a constructed stylesheet (the page's CSP allows those; styles.css stays the shell's).
const CSS = `
.deploy { display: grid; grid-template-columns: minmax(300px, 380px) 1fr; gap: 14px; min-height: 56vh; }
.deploy-templates { display: grid; min-width: 0; grid-template-columns: 1fr 1fr; gap: 6px; margin-bottom: 10px; }
.deploy-template { text-align: left; white-space: normal; min-width: 0; overflow: hidden; padding: 6px 8px; border: 1px solid var(--line-strong); border-radius: 6px; background: var(--panel); }
.deploy-template.current { border-color: var(--accent); background: var(--accent-soft); }
.deploy-template small { display: block; color: var(--muted); font-size: 11px; line-height: 1.3; }
.deploy-form { display: grid; grid-template-columns: 110px 1fr; gap: 5px 8px; align-items: center; }
.deploy-form label { color: var(--muted); }
.deploy-form input, .deploy-form select, .deploy-form textarea { border: 1px solid var(--line-strong); border-radius: 4px; padding: 3px 5px; background: var(--panel); width: 100%; }
.deploy-form textarea { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; resize: vertical; }
.deploy-form .res { display: grid; grid-template-columns: 1fr 1fr; gap: 4px; }
.deploy-form .field-error { grid-column: 2; color: var(--err); font-size: 11px; margin-top: -3px; }
.deploy-preview { display: flex; flex-direction: column; min-width: 0; gap: 6px; }
.rollout-head { display: flex; align-items: center; gap: 10px; margin-bottom: 8px; }
.rollout-head .summary { font-weight: 600; }
.rollout-bar { flex: 1; height: 8px; background: var(--line); border-radius: 4px; overflow: hidden; max-width: 260px; }
.rollout-bar > div { height: 100%; background: var(--ok); }
.rollout-pods { width: 100%; border-collapse: collapse; }
.rollout-pods td, .rollout-pods th { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
.rollout-pods .problem { color: var(--err); }
.rollout-pods pre { margin: 4px 0 0; padding: 6px; background: #1c2330; color: #e6edf3; border-radius: 4px; font-size: 11px; max-height: 160px; overflow: auto; white-space: pre-wrap; }
.ok-text { color: var(--ok); }
.dot { display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin-right: 6px; background: var(--muted); }
.dot.ok { background: var(--ok); } .dot.warn { background: #d4a72c; } .dot.err { background: var(--err); }
.overview, .events-view { padding: 14px 18px; overflow: auto; height: 100%; }
.overview h2, .events-view h2 { font-size: 15px; margin: 0 0 10px; }
.overview h3 { font-size: 13px; margin: 18px 0 8px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.ov-cards { display: flex; flex-wrap: wrap; gap: 12px; }
.ov-card { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; min-width: 320px; }
.ov-card h4 { margin: 0 0 8px; font-size: 13px; }
.ov-legend { display: flex; gap: 10px; font-size: 11px; color: var(--muted); margin-top: 4px; }
.ov-legend i { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 3px; vertical-align: -1px; }
.ov-donut { display: flex; align-items: center; gap: 14px; }
.ov-donut ul { list-style: none; margin: 0; padding: 0; }
.ov-warnings { width: 100%; border-collapse: collapse; background: var(--panel); }
.ov-warnings td, .ov-warnings th { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
.events-view { display: flex; flex-direction: column; }
.events-toolbar { display: flex; gap: 8px; align-items: center; margin-bottom: 8px; }
.events-toolbar input, .events-toolbar select { border: 1px solid var(--line-strong); border-radius: 4px; padding: 3px 5px; background: var(--panel); }
.events-scroll { flex: 1; overflow: auto; min-height: 0; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; }
.ev-row { position: absolute; left: 0; right: 0; display: grid; grid-template-columns: 50px 70px 130px minmax(120px, 240px) minmax(160px, 1fr) 50px; gap: 8px; padding: 3px 8px; border-bottom: 1px solid var(--line); height: 26px; align-items: center; white-space: nowrap; }
.ev-row > * { overflow: hidden; text-overflow: ellipsis; }
.ev-row.Warning .ev-type { color: var(--err); font-weight: 600; }
.ev-head { position: sticky; top: 0; z-index: 1; background: var(--bg); font-weight: 600; color: var(--muted); }
`;

let adopted = false;

export function adoptDeployStyles(): void {
  if (adopted || typeof document === 'undefined') return;
  adopted = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
