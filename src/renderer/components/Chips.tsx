export function Chips({ map, empty }: { map?: Record<string, string>; empty?: string }) {
  const entries = Object.entries(map ?? {});
  if (!entries.length) return <span className="muted">{empty ?? 'none'}</span>;
  return (
    <div className="chips">
      {entries.map(([k, v]) => (
        <span className="chip" key={k} title={`${k}=${v}`}>
          <span className="chip-key">{k}</span>
          {v ? <span className="chip-value">{v}</span> : null}
        </span>
      ))}
    </div>
  );
}
