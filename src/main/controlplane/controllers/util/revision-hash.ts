// The hash upstream puts in ControllerRevision names and the controller-revision-hash label:
// FNV-32a over the revision's data (plus the collision count, when there is one), printed as a
// decimal number and encoded with rand.SafeEncodeString's alphabet (no vowels, no look-alikes).
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** FNV-1a, 32 bits */
export function fnv32a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** rand.SafeEncodeString: every character is mapped into the safe alphabet */
export function safeEncode(text: string): string {
  let out = '';
  for (const ch of text) out += SAFE_ALPHABET[ch.charCodeAt(0) % SAFE_ALPHABET.length];
  return out;
}

/** JSON with object keys sorted, so equal data always hashes (and compares) the same */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** controller.HashControllerRevision */
export function hashRevisionData(data: unknown, collisionCount?: number): string {
  const text = canonicalJson(data) + (collisionCount ? String(collisionCount) : '');
  return safeEncode(String(fnv32a(text)));
}
