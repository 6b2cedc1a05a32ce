// Turns the OpenAPI models that @kubernetes/client-node generates (spec v1.34) back into Swagger 2.0
// definitions named the upstream way (io.k8s.api.apps.v1.Deployment), so the API server validates
// against, and serves, the official schemas instead of hand-written ones.
//
// The models keep each field's type and format (*.js attributeTypeMap), its description and whether
// it is required (*.d.ts). Which package a model belongs to is not kept, so it is recovered from the
// API classes: every kind an API class (AppsV1Api…) reads and writes belongs to its group-version,
// and every model reachable from a kind belongs to the first group that reaches it (core first).
//
// Usage: node scripts/gen-schemas.mjs [out.json]   (default dist/k8s-definitions.json)
import { readFileSync, readdirSync, writeFileSync, renameSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const META_TYPES = new Set([
  'APIGroup', 'APIGroupList', 'APIResource', 'APIResourceList', 'APIVersions', 'Condition', 'DeleteOptions',
  'FieldSelectorRequirement', 'GroupVersionForDiscovery', 'LabelSelector', 'LabelSelectorRequirement', 'ListMeta',
  'ManagedFieldsEntry', 'ObjectMeta', 'OwnerReference', 'Preconditions', 'ServerAddressByClientCIDR', 'Status',
  'StatusCause', 'StatusDetails', 'WatchEvent',
]);
export const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
export const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

// The generated TypeScript flattens resource.Quantity to string; these fields are Quantities upstream
// (a number such as `cpu: 1` is valid there).
const QUANTITY_MAPS = {
  ResourceRequirements: ['limits', 'requests'], VolumeResourceRequirements: ['limits', 'requests'],
  LimitRangeItem: ['default', 'defaultRequest', 'max', 'maxLimitRequestRatio', 'min'],
  ResourceQuotaSpec: ['hard'], ResourceQuotaStatus: ['hard', 'used'], NodeStatus: ['allocatable', 'capacity'],
  PersistentVolumeSpec: ['capacity'], PersistentVolumeClaimStatus: ['allocatedResources', 'capacity'],
  ContainerStatus: ['allocatedResources'], PodSpec: ['overhead'], Overhead: ['podFixed'],
};
const QUANTITY_FIELDS = {
  EmptyDirVolumeSource: ['sizeLimit'], CSIStorageCapacity: ['capacity', 'maximumVolumeSize'],
  MetricTarget: ['averageValue', 'value'], MetricValueStatus: ['averageValue', 'value'],
};

const VERSION_PREFIX = /^([A-Z][a-z]+)?(V\d+(?:(?:alpha|beta)\d+)?)(?=[A-Z])/;

/** Upstream package of a group, as in io.k8s.api.<pkg>.<version>. */
export const packageOf = (group, version) => {
  if (group === 'apiextensions.k8s.io') return `io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.${version}`;
  if (group === 'apiregistration.k8s.io') return `io.k8s.kube-aggregator.pkg.apis.apiregistration.${version}`;
  if (group === 'internal.apiserver.k8s.io') return `io.k8s.api.apiserverinternal.${version}`;
  return `io.k8s.api.${group ? group.split('.')[0] : 'core'}.${version}`;
};

const splitModelName = (model) => {
  const m = VERSION_PREFIX.exec(model);
  return m ? { version: m[2].toLowerCase(), short: model.slice(m[0].length) } : { version: '', short: model };
};

function readModels(modelsDir) {
  const models = new Map();
  for (const file of readdirSync(modelsDir)) {
    if (!file.endsWith('.js') || file === 'all.js' || file === 'ObjectSerializer.js') continue;
    const name = file.slice(0, -3);
    const js = readFileSync(join(modelsDir, file), 'utf8');
    const at = js.indexOf('.attributeTypeMap = ');
    if (at < 0) continue;
    const start = js.indexOf('[', at);
    const end = js.indexOf('];', start);
    const attrs = JSON.parse(js.slice(start, end + 1));
    models.set(name, { attrs, ...readDeclaration(join(modelsDir, `${name}.d.ts`)) });
  }
  return models;
}

const cleanDoc = (raw) =>
  // the generator escaped the spec's strings as for a JS string literal (\" \' \\)
  raw.split('\n').map((l) => l.replace(/^\s*\*\s?/, '')).join('\n').trim().replace(/\\(["'\\])/g, '$1');

function readDeclaration(path) {
  const dts = readFileSync(path, 'utf8');
  const fields = {};
  const fieldRe = /(?:\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*)?\n\s*'([^']+)'(\?)?:/g;
  const classAt = dts.indexOf('export declare class');
  const classDoc = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export declare class/.exec(dts);
  for (let m; (m = fieldRe.exec(dts)); ) {
    if (m.index < classAt) continue;
    fields[m[2]] = { description: m[1] ? cleanDoc(m[1]) : undefined, required: !m[3] };
  }
  return { description: classDoc ? cleanDoc(classDoc[1]) : undefined, fields };
}

/** group/version and model names of every API class (AppsV1Api → apps/v1: V1Deployment, …). */
function readApis(apisDir) {
  const out = [];
  for (const file of readdirSync(apisDir)) {
    if (!/V\d\w*Api\.js$/.test(file)) continue;
    const js = readFileSync(join(apisDir, file), 'utf8');
    const path = /'\/(api|apis\/([^/']+))\/(v[^/']+)\//.exec(js);
    if (!path) continue;
    const dts = readFileSync(join(apisDir, file.replace(/\.js$/, '.d.ts')), 'utf8');
    const uses = [...dts.matchAll(/import \{ (\w+) \} from '\.\.\/models\//g)].map((m) => m[1]);
    out.push({ group: path[2] ?? '', version: path[3], uses });
  }
  // core first, so the types shared with other groups (PodTemplateSpec…) land in core as upstream
  return out.sort((a, b) => (a.group === '' ? -1 : b.group === '' ? 1 : a.group.localeCompare(b.group)));
}

const refTarget = (type) => {
  const arr = /^Array<(.+)>$/.exec(type);
  if (arr) return refTarget(arr[1]);
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) return refTarget(map[1]);
  return /^[A-Z]/.test(type) && type !== 'Date' && type !== 'IntOrString' ? type : undefined;
};

// Subresource kinds that API classes of other groups also use (pods/eviction, */scale, serviceaccounts/token).
const OWNER_OVERRIDES = { V1Scale: ['autoscaling', 'v1'], V1Eviction: ['policy', 'v1'], AuthenticationV1TokenRequest: ['authentication.k8s.io', 'v1'] };

const isKind = (m) => Boolean(m.fields.kind && m.fields.apiVersion && m.fields.metadata);

function assignNames(models, apis) {
  const names = new Map();
  const kinds = new Map();
  for (const [model] of models) {
    const { short } = splitModelName(model);
    if (META_TYPES.has(short) && model.startsWith('V1')) names.set(model, `${META}.${short}`);
  }
  names.set('VersionInfo', 'io.k8s.apimachinery.pkg.version.Info');
  const owner = new Map(Object.entries(OWNER_OVERRIDES).map(([m, [group, version]]) => [m, { group, version }]));
  for (const api of apis) {
    for (const model of api.uses) if (!owner.has(model) && models.has(model) && isKind(models.get(model))) owner.set(model, api);
  }
  for (const [model, api] of owner) {
    if (names.has(model) || !models.has(model)) continue;
    kinds.set(model, api);
    names.set(model, `${packageOf(api.group, api.version)}.${splitModelName(model).short}`);
  }
  for (const api of apis) {
    const queue = api.uses.filter((model) => owner.get(model) === api).flatMap((model) => children(models.get(model)));
    while (queue.length) {
      const model = queue.shift();
      if (names.has(model) || !models.has(model)) continue;
      const { version, short } = splitModelName(model);
      names.set(model, `${packageOf(api.group, version || api.version)}.${short}`);
      queue.push(...children(models.get(model)));
    }
  }
  return { names, kinds };
}

const children = (m) => m.attrs.map((a) => refTarget(a.type)).filter(Boolean);

function propertyOf(modelShort, attr, field, names) {
  const quantity =
    QUANTITY_FIELDS[modelShort]?.includes(attr.baseName) ? 'field' : QUANTITY_MAPS[modelShort]?.includes(attr.baseName) ? 'map' : undefined;
  const schema = typeSchema(attr.type, attr.format, names, quantity);
  if (field?.description) schema.description = field.description;
  return schema;
}

function typeSchema(type, format, names, quantity) {
  const arr = /^Array<(.+)>$/.exec(type);
  if (arr) return { type: 'array', items: typeSchema(arr[1], format, names) };
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) return { type: 'object', additionalProperties: typeSchema(map[1], format, names, quantity ? 'field' : undefined) };
  if (quantity === 'field') return { $ref: `#/definitions/${QUANTITY}` };
  switch (type) {
    case 'string': return format && format !== 'date-time-micro' ? { type: 'string', format } : format ? { type: 'string', format: 'date-time' } : { type: 'string' };
    case 'number': return { type: format === 'double' ? 'number' : 'integer', ...(format ? { format } : {}) };
    case 'boolean': return { type: 'boolean' };
    case 'Date': return { type: 'string', format: format === 'date-time-micro' ? 'date-time' : 'date-time' };
    case 'IntOrString': return { $ref: `#/definitions/${INT_OR_STRING}` };
    case 'any': return { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  }
  const target = names.get(type);
  return target ? { $ref: `#/definitions/${target}` } : { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
}

/** Reads the client-node models under `root` and returns `{ definitions }` in Swagger 2.0 form. */
export function generateDefinitions(root = process.cwd()) {
  const genDir = join(root, 'node_modules/@kubernetes/client-node/dist/gen');
  const models = readModels(join(genDir, 'models'));
  const { names, kinds } = assignNames(models, readApis(join(genDir, 'apis')));
  const definitions = {
    [INT_OR_STRING]: { description: 'IntOrString is a type that can hold an int32 or a string.', type: 'string', format: 'int-or-string' },
    [QUANTITY]: { description: 'Quantity is a fixed-point representation of a number, e.g. 100m, 1Gi or 2.', type: 'string' },
  };
  for (const [model, m] of models) {
    const name = names.get(model);
    if (!name) continue;
    const short = name.slice(name.lastIndexOf('.') + 1);
    const def = { type: 'object' };
    if (m.description) def.description = m.description;
    const required = m.attrs.filter((a) => m.fields[a.baseName]?.required ?? m.fields[a.name]?.required).map((a) => a.baseName);
    if (required.length) def.required = required;
    def.properties = Object.fromEntries(m.attrs.map((a) => [a.baseName, propertyOf(short, a, m.fields[a.name] ?? m.fields[a.baseName], names)]));
    const api = kinds.get(model);
    if (api) def['x-kubernetes-group-version-kind'] = [{ group: api.group, kind: short, version: api.version }];
    definitions[name] = def;
  }
  describeReferences(definitions);
  return { definitions };
}

// The generated models keep no description for a field whose type is another model (a $ref), which
// would leave `kubectl explain pods` printing "<no description>" for metadata, spec and status.
// The referenced type's own description is the best text the models still have.
function describeReferences(definitions) {
  for (const def of Object.values(definitions)) {
    for (const prop of Object.values(def.properties ?? {})) {
      if (prop.description) continue;
      const ref = prop.$ref ?? prop.items?.$ref ?? prop.additionalProperties?.$ref;
      const target = ref && definitions[ref.slice(ref.lastIndexOf('/') + 1)];
      if (target?.description) prop.description = target.description;
    }
  }
}

/** Writes the definitions to `out` atomically (tests may race to create it). */
export function writeDefinitions(root, out) {
  const json = JSON.stringify(generateDefinitions(root));
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, json);
  renameSync(tmp, out);
  return json;
}

// Run as a script only — not when bundled into the engine, where import.meta.url is the bundle's.
const self = fileURLToPath(import.meta.url);
if (self.endsWith('gen-schemas.mjs') && process.argv[1] && resolve(process.argv[1]) === self) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  writeDefinitions(root, resolve(process.argv[2] ?? join(root, 'dist/k8s-definitions.json')));
}
