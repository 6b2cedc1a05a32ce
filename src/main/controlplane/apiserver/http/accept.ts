// Content negotiation on the Accept header, reduced to the answers this server can give.

export interface MediaRange {
  type: string;
  params: Record<string, string>;
}

export const parseAccept = (header: string | undefined): MediaRange[] =>
  (header ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [type, ...rest] = part.split(';').map((s) => s.trim());
      const params: Record<string, string> = {};
      for (const p of rest) {
        const eq = p.indexOf('=');
        if (eq > 0) params[p.slice(0, eq).trim().toLowerCase()] = p.slice(eq + 1).trim();
      }
      return { type: type.toLowerCase(), params };
    });

const isJsonLike = (t: string): boolean => t === 'application/json' || t === '*/*' || t === 'application/*' || t === '';

/** The meta.k8s.io Table version asked for (v1 preferred), if any. */
export const tableVersionOf = (ranges: MediaRange[]): 'v1' | 'v1beta1' | undefined => {
  const asked = ranges.filter((r) => r.params.as === 'Table' && r.params.g === 'meta.k8s.io').map((r) => r.params.v);
  if (asked.includes('v1')) return 'v1';
  if (asked.includes('v1beta1')) return 'v1beta1';
  return undefined;
};

/** The aggregated discovery version asked for, in the client's order of preference. */
export const aggregatedDiscoveryVersionOf = (ranges: MediaRange[]): 'v2' | 'v2beta1' | undefined => {
  for (const r of ranges) {
    if (r.params.as === 'APIGroupDiscoveryList' && r.params.g === 'apidiscovery.k8s.io' && (r.params.v === 'v2' || r.params.v === 'v2beta1')) return r.params.v;
  }
  return undefined;
};

export const wantsYaml = (ranges: MediaRange[]): boolean =>
  ranges.length > 0 && ranges[0].type === 'application/yaml' && !ranges[0].params.as;

/**
 * Protobuf-only clients cannot be served (everything is answered in JSON); kubectl always lists
 * JSON or a wildcard too, so this only refuses clients that would misread the answer.
 */
export const acceptsJson = (ranges: MediaRange[]): boolean =>
  ranges.length === 0 || ranges.some((r) => isJsonLike(r.type) || r.type === 'application/yaml');
