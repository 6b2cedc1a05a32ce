// Turns an `application/vnd.kubernetes.protobuf` request body into the JSON object a JSON client
// would have sent, so everything after the body decoder (validation, defaulting, admission,
// storage) sees no difference. Answers are still JSON: kubectl accepts them.
import { badRequest } from '../../../../shared/k8s/status';
import type { JsonSchema } from '../schema/definitions';
import { readEnvelope } from './envelope';
import { decodeMessage, type DecodeContext } from './message';
import { SUPPLEMENTS } from './supplements';
import { MessageTables } from './tables';
import { WireError } from './wire';

export const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';

/** What the decoder needs of the OpenAPI definitions (DefinitionStore has it). */
export interface ProtobufDefinitions {
  get(name: string): JsonSchema | undefined;
  nameOf(group: string, version: string, kind: string): string | undefined;
}

export interface DecodedBody {
  object: Record<string, unknown>;
  /** fields that were skipped, for the Warning header */
  warnings: string[];
}

export type ProtobufDecoder = (body: Uint8Array) => DecodedBody;

// metav1 kinds are registered in every group-version; the definitions do not list them all.
const META_V1 = 'io.k8s.apimachinery.pkg.apis.meta.v1';

const splitApiVersion = (apiVersion: string): [string, string] => {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? ['', apiVersion] : [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
};

export const createProtobufDecoder = (defs: ProtobufDefinitions, tables = new MessageTables()): ProtobufDecoder => {
  const definitionOf = (apiVersion: string, kind: string): string => {
    const [group, version] = splitApiVersion(apiVersion);
    const name = defs.nameOf(group, version, kind) ?? (tables.get(`${META_V1}.${kind}`) ? `${META_V1}.${kind}` : undefined);
    if (!name || !tables.get(name)) {
      throw badRequest(`protobuf bodies of kind ${kind || '(none)'} in ${apiVersion || '(no apiVersion)'} are not supported by this server; send the object as application/json`);
    }
    return name;
  };

  return (body) => {
    try {
      const env = readEnvelope(body);
      if (env.contentEncoding) throw new WireError(`content encoding "${env.contentEncoding}" is not supported`);
      const definition = definitionOf(env.apiVersion, env.kind);
      const ctx: DecodeContext = { definition: (n) => defs.get(n) ?? SUPPLEMENTS[n], tables, warnings: [] };
      const fields = decodeMessage(ctx, env.raw, definition, '');
      return { object: { apiVersion: env.apiVersion, kind: env.kind, ...fields }, warnings: ctx.warnings };
    } catch (err) {
      if (err instanceof WireError) throw badRequest(`error decoding protobuf body: ${err.message}`);
      throw err;
    }
  };
};
