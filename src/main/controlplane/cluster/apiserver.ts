// Wires the API server's parts: one ResourceRegistry, schema service, field manager, kind
// strategies, REST storage, CRD controller, Table printer and the HTTP front.
import { randomUUID, type KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Store } from '../store';
import { BUILTIN_RESOURCES } from '../apiserver/resources/builtins';
import { ResourceRegistry } from '../apiserver/resources/registry';
import { KubernetesSchemaService } from '../apiserver/schema/service';
import { DefinitionStore } from '../apiserver/schema/definitions';
import { createProtobufDecoder } from '../apiserver/protobuf/decoder';
import { createFieldManager } from '../apiserver/apply/fieldmanager';
import { createKindStrategy } from '../apiserver/defaults';
import type { KindStrategy } from '../apiserver/defaults/types';
import { RestStorage } from '../apiserver/registry';
import { CrdController } from '../apiserver/crd/controller';
import { CustomPrinterColumns } from '../apiserver/crd/printer-columns';
import { customResourceDefinitionStrategy } from '../apiserver/crd/strategy';
import { createTablePrinter } from '../apiserver/printers';
import { createServiceAccountTokens } from '../apiserver/authn/service-account-tokens';
import { createClusterAuthenticator, type UserAuthenticator } from '../apiserver/http/auth';
import { createApiHandler } from '../apiserver/http/handler';
import { createStreamRoutes } from '../apiserver/http/streams';
import type { Duplex } from 'node:stream';
import { KUBERNETES_VERSION } from '../../../shared/version';
import { bootstrapObjects } from './bootstrap';
import type { MetricsProvider } from '../apiserver/metrics/types';

export interface ApiServer {
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** the https server's 'upgrade' event: exec, attach and portforward handed to the pod's kubelet */
  upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  storage: RestStorage;
  resources: ResourceRegistry;
  stop(): Promise<void>;
}

export interface ApiServerDeps {
  store: Store;
  token: string;
  /** signs service-account tokens; in-memory clusters pass none and get an ephemeral key */
  serviceAccountKey?: KeyObject;
  clock: () => Date;
  log: (line: string) => void;
  /** the per-launch token the kubelet servers accept; without it the stream subresources answer 404 */
  kubeletToken?: string;
  /** metrics.k8s.io's source, once the node agents run */
  metrics?: () => MetricsProvider | undefined;
}

/** CRDs have their own strategy (apiextensions); every other kind uses the built-in ones. */
const byKind = (builtin: KindStrategy): KindStrategy => {
  const pick = (group: string): KindStrategy => (group === 'apiextensions.k8s.io' ? customResourceDefinitionStrategy : builtin);
  return {
    applyDefaults: (r, o) => pick(r.group).applyDefaults(r, o),
    validate: (r, o, old) => pick(r.group).validate(r, o, old),
    prepareForCreate: (r, o) => pick(r.group).prepareForCreate(r, o),
    prepareForUpdate: (r, o, old, sub) => pick(r.group).prepareForUpdate(r, o, old, sub),
  };
};

/** The API server without its HTTP front: what in-process components and tests talk to. */
export function createApiCore(deps: Pick<ApiServerDeps, 'store' | 'clock' | 'serviceAccountKey'> & { uid?: () => string; bookmarkIntervalMs?: number }) {
  const resources = new ResourceRegistry(BUILTIN_RESOURCES);
  const definitions = new DefinitionStore();
  const schema = new KubernetesSchemaService({ resources: () => resources.all(), definitions });
  const storage = new RestStorage({
    store: deps.store,
    resources,
    schema,
    fieldManager: createFieldManager(),
    strategy: byKind(createKindStrategy()),
    clock: { now: deps.clock },
    uid: deps.uid ?? randomUUID,
    bookmarkIntervalMs: deps.bookmarkIntervalMs,
    serviceAccountTokens: deps.serviceAccountKey ? createServiceAccountTokens(deps.serviceAccountKey) : undefined,
  });
  return { resources, schema, storage, definitions };
}

/** the admin token and service-account tokens of accounts that still exist */
const clusterAuthenticator = (storage: RestStorage, resources: ResourceRegistry, deps: ApiServerDeps): UserAuthenticator => {
  const accounts = resources.lookup('', 'v1', 'serviceaccounts')!;
  return createClusterAuthenticator({
    adminToken: deps.token,
    tokens: storage.serviceAccountTokens(),
    now: deps.clock,
    accountUid: async (namespace, name) => {
      const req = { verb: 'get' as const, resource: accounts, namespace, name, query: new URLSearchParams(), user: 'system:apiserver', userAgent: 'wheelhouse-authenticator' };
      return storage.get(req).then((sa) => String(sa.metadata.uid), () => undefined);
    },
  });
};

export async function buildApiServer(deps: ApiServerDeps): Promise<ApiServer> {
  const { resources, schema, storage, definitions } = createApiCore(deps);
  await bootstrapObjects(storage, resources);
  const columns = new CustomPrinterColumns();
  const logger = { error: (message: string, err?: unknown) => deps.log(`wheelhouse: ${message}${err instanceof Error ? `: ${err.stack ?? err.message}` : ''}`) };
  const crds = new CrdController({ handlers: storage, resources, schema, columns, clock: deps.clock, logger });
  await crds.start();
  const authenticator = clusterAuthenticator(storage, resources, deps);
  const streams = deps.kubeletToken
    ? createStreamRoutes({ handlers: storage, resources, authenticator, kubeletToken: deps.kubeletToken, log: (m, e) => logger.error(m, e) })
    : undefined;
  const handler = createApiHandler({
    handlers: storage,
    resources,
    schema,
    printer: createTablePrinter((r) => columns.printerColumnsFor(r)),
    authenticator,
    streams,
    version: KUBERNETES_VERSION,
    clock: deps.clock,
    logger,
    protobuf: createProtobufDecoder(definitions),
    metrics: deps.metrics,
  });
  return {
    handler,
    upgrade: streams ? streams.upgrade : (_req, socket) => socket.destroy(),
    storage,
    resources,
    stop: async () => {
      await crds.stop();
      storage.close();
    },
  };
}
