// What the app remembers between launches, in localStorage: the last cluster and, per cluster,
// the chosen namespaces. Bad or missing values fall back to defaults.

const get = (key: string): unknown => {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? undefined : JSON.parse(raw);
  } catch {
    return undefined;
  }
};
const set = (key: string, value: unknown) => {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or disabled: the choice just isn't remembered
  }
};

export const settings = {
  lastCluster: (): string | undefined => {
    const v = get('wheelhouse.cluster');
    return typeof v === 'string' ? v : undefined;
  },
  setLastCluster: (id: string) => set('wheelhouse.cluster', id),
  /** undefined when nothing was chosen yet for this cluster */
  namespaces: (clusterId: string): string[] | undefined => {
    const v = get(`wheelhouse.namespaces.${clusterId}`);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
  },
  setNamespaces: (clusterId: string, list: string[]) => set(`wheelhouse.namespaces.${clusterId}`, list),
};
