// Secret values stay in the engine unless the user asks to reveal them.
export const MASK = '••••••';

const maskValues = (data: unknown): unknown =>
  data && typeof data === 'object' ? Object.fromEntries(Object.keys(data).map((k) => [k, MASK])) : data;

/** a copy of the object with Secret data (and its last-applied copy) masked */
export const maskSecret = (obj: Record<string, any>): Record<string, any> => {
  if (obj?.kind !== 'Secret') return obj;
  const out: Record<string, any> = { ...obj };
  if (out.data) out.data = maskValues(out.data);
  if (out.stringData) out.stringData = maskValues(out.stringData);
  const annotations = out.metadata?.annotations;
  const lastApplied = 'kubectl.kubernetes.io/last-applied-configuration';
  if (annotations?.[lastApplied]) out.metadata = { ...out.metadata, annotations: { ...annotations, [lastApplied]: MASK } };
  return out;
};
