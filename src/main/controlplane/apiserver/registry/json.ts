// Objects read from the store are decoded once per modRevision, frozen, and shared by every list and
// watcher; their JSON text is produced once too. Freezing makes an accidental write to a shared object
// fail loudly instead of corrupting what other readers see.
export type Obj = Record<string, any>;

const encoded = new WeakMap<object, string>();

export const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
};

/** JSON text of a shared (frozen) object, computed once however many watchers send it */
export const jsonOf = (obj: object): string => {
  let text = encoded.get(obj);
  if (text === undefined) {
    text = JSON.stringify(obj);
    if (Object.isFrozen(obj)) encoded.set(obj, text);
  }
  return text;
};

/** one watch event as a JSON line, sharing the object's encoding across watchers */
export const watchEventJSON = (event: { type: string; object: object }): string =>
  `{"type":"${event.type}","object":${jsonOf(event.object)}}`;

/** a fresh mutable copy: what write paths start from */
export const mutableCopy = (obj: Obj): Obj => structuredClone(obj) as Obj;

/** the stored form never carries resourceVersion: it is the kv's modRevision, set on the way out */
export const encodeForStore = (obj: Obj): string => {
  const meta = obj.metadata;
  if (meta && meta.resourceVersion !== undefined) {
    const { resourceVersion: _rv, ...rest } = meta;
    return JSON.stringify({ ...obj, metadata: rest });
  }
  return JSON.stringify(obj);
};

export const decodeValue = (value: string, modRevision: number): Obj => {
  const obj = JSON.parse(value) as Obj;
  obj.metadata = obj.metadata ?? {};
  obj.metadata.resourceVersion = String(modRevision);
  return obj;
};
