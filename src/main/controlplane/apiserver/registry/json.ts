// Objects read from the store are decoded once per modRevision, frozen, and shared by every list and
// watcher; their JSON text is produced once too. Freezing makes an accidental write to a shared object
// fail loudly instead of corrupting what other readers see.
export type Obj = Record<string, any>;

const encoded = new WeakMap<object, string>();
/** the stored text an object was decoded from (no resourceVersion yet); shared with the store, not copied */
const stored = new WeakMap<object, string>();
const META_OPEN = '"metadata":{';

export const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
};

/** remembers the stored text of a decoded object so its JSON needs no stringify */
export const attachStoredText = (obj: object, text: string): void => {
  stored.set(obj, text);
};

/**
 * The stored text with resourceVersion put into metadata. encodeForStore writes apiVersion, kind,
 * metadata first, so the first `"metadata":{` is the object's own (a quote inside a string is escaped).
 */
const fromStoredText = (obj: Obj, text: string): string | undefined => {
  const at = text.indexOf(META_OPEN);
  if (at < 0 || text.lastIndexOf('{', at) !== 0 || text.lastIndexOf('[', at) >= 0) return undefined;
  const cut = at + META_OPEN.length;
  const rv = obj.metadata?.resourceVersion;
  if (typeof rv !== 'string' || !/^\d+$/.test(rv)) return undefined;
  return `${text.slice(0, cut)}"resourceVersion":"${rv}"${text[cut] === '}' ? '' : ','}${text.slice(cut)}`;
};

/** JSON text of a shared (frozen) object, computed once however many watchers or lists send it */
export const jsonOf = (obj: object): string => {
  let text = encoded.get(obj);
  if (text === undefined) {
    const raw = stored.get(obj);
    text = (raw !== undefined ? fromStoredText(obj as Obj, raw) : undefined) ?? JSON.stringify(obj);
    if (Object.isFrozen(obj)) encoded.set(obj, text);
  }
  return text;
};

/** a List object as JSON, each item's text shared with every other list and watch that sends it */
export const listJSON = (list: Obj): string => {
  const { items, ...head } = list;
  const start = JSON.stringify(head);
  const body = (items as object[]).map(jsonOf).join(',');
  return `${start.slice(0, -1)}${start.length > 2 ? ',' : ''}"items":[${body}]}`;
};

/** one watch event as a JSON line, sharing the object's encoding across watchers */
export const watchEventJSON = (event: { type: string; object: object }): string =>
  `{"type":"${event.type}","object":${jsonOf(event.object)}}`;

/** a fresh mutable copy: what write paths start from */
export const mutableCopy = (obj: Obj): Obj => structuredClone(obj) as Obj;

/**
 * The stored form never carries resourceVersion: it is the kv's modRevision, set on the way out.
 * apiVersion, kind and metadata come first so the text can be served with the version spliced in.
 */
export const encodeForStore = (obj: Obj): string => {
  const { apiVersion, kind, metadata, ...rest } = obj;
  let meta = metadata;
  if (meta && meta.resourceVersion !== undefined) {
    const { resourceVersion: _rv, ...others } = meta;
    meta = others;
  }
  return JSON.stringify({ apiVersion, kind, metadata: meta, ...rest });
};

export const decodeValue = (value: string, modRevision: number): Obj => {
  const obj = JSON.parse(value) as Obj;
  obj.metadata = obj.metadata ?? {};
  obj.metadata.resourceVersion = String(modRevision);
  return obj;
};
