// The page's CSP (style-src 'self', nothing inline) refuses <style> elements, and xterm's DOM
// renderer writes its theme, fonts and cell sizes into <style> elements it adds under the terminal.
// Constructed stylesheets are not inline styles, so the CSP allows them (CodeMirror gets its styles
// the same way): each <style> xterm adds is mirrored into an adopted sheet, kept in step as xterm
// rewrites it, and dropped with the terminal.
const adopted = new Set<string>();

/** adds a static stylesheet (xterm.css, the dock's styles) to the document once */
export function adoptCss(key: string, css: string): void {
  if (adopted.has(key) || typeof CSSStyleSheet === 'undefined') return;
  adopted.add(key);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/** mirrors every <style> under root into adopted sheets until the returned function is called */
export function mirrorInlineStyles(root: HTMLElement): () => void {
  const sheets = new Map<HTMLStyleElement, CSSStyleSheet>();
  const sync = (): void => {
    for (const el of Array.from(root.querySelectorAll('style'))) {
      let sheet = sheets.get(el);
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheets.set(el, sheet);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      }
      sheet.replaceSync(el.textContent ?? '');
    }
    for (const [el, sheet] of sheets) if (!root.contains(el)) drop(el, sheet);
  };
  const drop = (el: HTMLStyleElement, sheet: CSSStyleSheet): void => {
    sheets.delete(el);
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  };
  const observer = new MutationObserver(sync);
  observer.observe(root, { subtree: true, childList: true, characterData: true });
  sync();
  return () => {
    observer.disconnect();
    for (const [el, sheet] of [...sheets]) drop(el, sheet);
  };
}
