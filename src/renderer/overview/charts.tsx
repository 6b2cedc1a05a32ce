// Inline SVG charts, small enough not to need a library: a bar of capacity with requests and
// usage drawn over it, and a donut of counts.

const PHASE_COLOURS: Record<string, string> = { Running: '#1a7f37', Pending: '#d4a72c', Succeeded: '#2f6feb', Failed: '#cf222e', Terminating: '#8c959f', Unknown: '#6e7781' };
export const phaseColour = (phase: string): string => PHASE_COLOURS[phase] ?? '#6e7781';

/** capacity as the full bar; requests as a bar; usage as a thinner bar inside it */
export function CapacityBar({ label, capacity, requested, used, format }: { label: string; capacity: number; requested: number; used?: number; format(n: number): string }) {
  const w = 280;
  const x = (n: number) => Math.min(w, capacity > 0 ? (w * n) / capacity : 0);
  const over = requested > capacity;
  return (
    <div className="ov-bar" aria-label={`${label}: ${format(requested)} requested${used !== undefined ? `, ${format(used)} used` : ''} of ${format(capacity)}`}>
      <div className="muted">
        {label}: requested {format(requested)}
        {used !== undefined ? ` · used ${format(used)}` : ''} · of {format(capacity)}
      </div>
      <svg width={w} height={14} role="img">
        <rect x={0} y={0} width={w} height={14} rx={3} fill="#e1e4e8" />
        <rect x={0} y={0} width={x(requested)} height={14} rx={3} fill={over ? '#cf222e' : '#8fb8f6'} />
        {used !== undefined ? <rect x={0} y={4} width={x(used)} height={6} rx={2} fill="#1f4fa8" /> : null}
      </svg>
    </div>
  );
}

export function Donut({ counts, size = 96 }: { counts: Record<string, number>; size?: number }) {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const r = size / 2 - 8;
  const c = 2 * Math.PI * r;
  let offset = 0;
  return (
    <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={`${total} pods`}>
      <circle cx={size / 2} cy={size / 2} r={r} fill="none" stroke="#e1e4e8" strokeWidth={14} />
      {Object.entries(counts).map(([phase, n]) => {
        const len = total ? (c * n) / total : 0;
        const el = (
          <circle key={phase} cx={size / 2} cy={size / 2} r={r} fill="none" stroke={phaseColour(phase)} strokeWidth={14} strokeDasharray={`${len} ${c - len}`} strokeDashoffset={-offset} transform={`rotate(-90 ${size / 2} ${size / 2})`} />
        );
        offset += len;
        return el;
      })}
      <text x="50%" y="50%" textAnchor="middle" dominantBaseline="central" fontSize={18} fontWeight={600} fill="#1f2328">
        {total}
      </text>
    </svg>
  );
}
