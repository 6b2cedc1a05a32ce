// A resize message: {"Width":80,"Height":24}. Upstream decodes it with Go's encoding/json, which
// matches keys case-insensitively, so client-node's {"width","height"} works there too.
export function parseTerminalSize(text: string): { cols: number; rows: number } | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!raw || typeof raw !== 'object') return undefined;
  const byKey = new Map(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]));
  const cols = byKey.get('width');
  const rows = byKey.get('height');
  if (typeof cols !== 'number' || typeof rows !== 'number' || !(cols > 0 && rows > 0 && cols < 65536 && rows < 65536)) return undefined;
  return { cols: Math.floor(cols), rows: Math.floor(rows) };
}
