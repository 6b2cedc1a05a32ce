// The schema service: the shape of every served kind, built-in or custom, for validation, pruning,
// patching, server-side apply and the OpenAPI documents. Nothing is loaded until first asked.
import type { StatusCause } from '../../../../shared/k8s/status';
import type { ResourceInfo } from '../resources/types';
import { REASON_UNKNOWN_FIELD } from './causes';
import { customDefinitionName, customDefinitions, customRootSchema } from './custom';
import { DefinitionStore, type JsonSchema } from './definitions';
import { NodeFactory, type ResolvedNode } from './node';
import { OpenAPIDocs, type KindDoc } from './openapi-docs';
import { encodeSwagger } from './openapi-proto';
import { prune } from './prune';
import type { FieldValidation, SchemaNode, SchemaService, ValidationResult } from './types';
import { KindValidators } from './validator';

const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

interface CustomKind {
  resource: ResourceInfo;
  root: JsonSchema;
  node: ResolvedNode;
}

export interface SchemaServiceDeps {
  /** the resources served right now (ResourceRegistry.all) */
  resources: () => ResourceInfo[];
  definitions?: DefinitionStore;
}

const kindKey = (r: Pick<ResourceInfo, 'group' | 'version' | 'kind'>): string => `${r.group}/${r.version}/${r.kind}`;

export class KubernetesSchemaService implements SchemaService {
  private readonly defs: DefinitionStore;
  private readonly nodes: NodeFactory;
  private readonly validators: KindValidators;
  private readonly docs: OpenAPIDocs;
  private readonly custom = new Map<string, CustomKind>();
  private docsKey = '';
  private proto: { doc: object; bytes: Uint8Array } | undefined;

  constructor(private readonly deps: SchemaServiceDeps) {
    this.defs = deps.definitions ?? new DefinitionStore();
    this.nodes = new NodeFactory((name) => this.defs.get(name), () => this.nodes.definition(OBJECT_META)!);
    this.validators = new KindValidators(this.defs);
    this.docs = new OpenAPIDocs(this.defs);
  }

  rootOf(resource: ResourceInfo): SchemaNode | undefined {
    return this.resolvedRoot(resource);
  }

  validate(resource: ResourceInfo, obj: Record<string, unknown>, mode: FieldValidation): ValidationResult {
    const root = this.resolvedRoot(resource);
    if (!root) return { causes: [], warnings: [] };
    const unknown: string[] = [];
    prune(obj, root, '', unknown);
    const causes: StatusCause[] = [];
    const warnings: string[] = [];
    for (const field of unknown) {
      const message = `unknown field "${field}"`;
      if (mode === 'Strict') causes.push({ reason: REASON_UNKNOWN_FIELD, message, field });
      else if (mode === 'Warn') warnings.push(message);
    }
    const custom = this.custom.get(kindKey(resource));
    if (custom) causes.push(...this.validators.customResource(kindKey(resource), custom.root, obj));
    else if (root.definition) causes.push(...this.validators.builtin(root.definition, obj));
    return { causes, warnings };
  }

  openapiV2(): object {
    return this.freshDocs().swagger(this.kindDocs());
  }

  /**
   * /openapi/v2 in protobuf, for `Accept: application/com.github.proto-openapi.spec.v2@v1.0+protobuf`
   * (OPENAPI_V2_PROTOBUF): kubectl 1.27 explain and client-side apply read nothing else.
   */
  openapiV2Protobuf(): Uint8Array {
    const doc = this.openapiV2();
    if (this.proto?.doc !== doc) this.proto = { doc, bytes: encodeSwagger(doc) };
    return this.proto.bytes;
  }

  openapiV3Index(): object {
    const paths: Record<string, { serverRelativeURL: string }> = {};
    for (const [key, { hash }] of this.freshDocs().groupVersions(this.kindDocs())) paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${hash}` };
    return { paths };
  }

  openapiV3(gvPath: string): object | undefined {
    const key = gvPath.split('?')[0].replace(/^\/+/, '').replace(/^openapi\/v3\//, '').replace(/\/+$/, '');
    return this.freshDocs().groupVersions(this.kindDocs()).get(key)?.doc;
  }

  /** the hash the index advertises for a group-version (for ETag headers) */
  openapiV3Hash(gvPath: string): string | undefined {
    return this.freshDocs().groupVersions(this.kindDocs()).get(gvPath.replace(/^\/+/, ''))?.hash;
  }

  registerCustomResource(resource: ResourceInfo, openAPIV3Schema: object): void {
    const key = kindKey(resource);
    const root = customRootSchema(resource, openAPIV3Schema as JsonSchema);
    this.custom.set(key, { resource, root, node: this.nodes.of(root) });
    this.validators.forget(key);
    this.docs.invalidate();
  }

  unregisterCustomResource(resource: ResourceInfo): void {
    const key = kindKey(resource);
    this.custom.delete(key);
    this.validators.forget(key);
    this.docs.invalidate();
  }

  private resolvedRoot(resource: ResourceInfo): ResolvedNode | undefined {
    const custom = this.custom.get(kindKey(resource));
    if (custom) return custom.node;
    if (resource.custom) return undefined;
    const name = this.defs.nameOf(resource.group, resource.version, resource.kind);
    return name ? this.nodes.definition(name) : undefined;
  }

  private kindDocs(): KindDoc[] {
    const out: KindDoc[] = [];
    for (const resource of this.deps.resources()) {
      const custom = this.custom.get(kindKey(resource));
      if (custom) {
        const own = customDefinitions(resource, custom.root);
        out.push({ resource, name: customDefinitionName(resource, resource.kind), listName: customDefinitionName(resource, resource.listKind), own });
        continue;
      }
      if (resource.custom) continue;
      const name = this.defs.nameOf(resource.group, resource.version, resource.kind);
      const listName = this.defs.nameOf(resource.group, resource.version, resource.listKind);
      if (name && listName) out.push({ resource, name, listName });
    }
    return out;
  }

  /** drops cached documents when the served set changed behind our back (registry edits) */
  private freshDocs(): OpenAPIDocs {
    const key = this.deps.resources().map(kindKey).join(',');
    if (key !== this.docsKey) {
      this.docs.invalidate();
      this.docsKey = key;
    }
    return this.docs;
  }
}
