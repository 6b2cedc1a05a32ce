// All field tables, parsed on first use and keyed by OpenAPI definition name.
import { APPS_V1 } from './apps-v1';
import { AUTHENTICATION_V1 } from './authentication-v1';
import { AUTHORIZATION_V1 } from './authorization-v1';
import { AUTOSCALING_V1 } from './autoscaling-v1';
import { AUTOSCALING_V2 } from './autoscaling-v2';
import { BATCH_V1 } from './batch-v1';
import { CERTIFICATES_V1 } from './certificates-v1';
import { COORDINATION_V1 } from './coordination-v1';
import { CORE_V1 } from './core-v1';
import { DISCOVERY_V1 } from './discovery-v1';
import { EVENTS_V1 } from './events-v1';
import { META_V1 } from './meta-v1';
import { NETWORKING_V1 } from './networking-v1';
import { POLICY_V1 } from './policy-v1';
import { RBAC_V1 } from './rbac-v1';
import { SCHEDULING_V1 } from './scheduling-v1';
import { STORAGE_V1 } from './storage-v1';
import type { FieldSpec, GroupTable, MessageSpec, Special } from './types';

export type { FieldSpec, MessageSpec, Special } from './types';

export const GROUP_TABLES: GroupTable[] = [
  CORE_V1, APPS_V1, BATCH_V1, POLICY_V1, RBAC_V1, NETWORKING_V1, AUTHORIZATION_V1, AUTHENTICATION_V1,
  SCHEDULING_V1, AUTOSCALING_V1, AUTOSCALING_V2, COORDINATION_V1, CERTIFICATES_V1, STORAGE_V1, DISCOVERY_V1, EVENTS_V1,
  META_V1,
];

const SPECIALS = new Set<Special>(['time', 'micro', 'dur', 'raw', 'fields', 'q', 'ios', 'bytes', 'items']);

/** "4 targetPort?@ios" | "2 =VolumeSource" | "2 spec:TokenRequestSpec" → FieldSpec */
export const parseField = (entry: string, pkg: string): FieldSpec => {
  const m = /^(\d+) (=?)([A-Za-z0-9]+)(\??)(?:@(\w+))?(?::(\w+))?$/.exec(entry);
  if (!m) throw new Error(`bad protobuf field entry "${entry}"`);
  const [, num, inline, name, omit, special, message] = m;
  if (special && !SPECIALS.has(special as Special)) throw new Error(`bad protobuf special "${special}" in "${entry}"`);
  if (inline) return { number: Number(num), name: '', omitZero: false, inline: `${pkg}.${name}` };
  const field: FieldSpec = { number: Number(num), name, omitZero: omit === '?' };
  if (special) field.special = special as Special;
  if (message) field.message = `${pkg}.${message}`;
  return field;
};

export const parseMessage = (compact: string, pkg: string): MessageSpec =>
  new Map(compact.split('|').map((entry) => parseField(entry, pkg)).map((f) => [f.number, f]));

/** Lazily parsed index over a set of group tables. */
export class MessageTables {
  private readonly compact = new Map<string, { text: string; pkg: string }>();
  private readonly parsed = new Map<string, MessageSpec>();

  constructor(groups: GroupTable[] = GROUP_TABLES) {
    for (const g of groups) for (const [name, text] of Object.entries(g.messages)) this.compact.set(`${g.package}.${name}`, { text, pkg: g.package });
  }

  /** the fields of a message by definition name, e.g. io.k8s.api.core.v1.ConfigMap */
  get(definition: string): MessageSpec | undefined {
    const hit = this.parsed.get(definition);
    if (hit) return hit;
    const raw = this.compact.get(definition);
    if (!raw) return undefined;
    const spec = parseMessage(raw.text, raw.pkg);
    this.parsed.set(definition, spec);
    return spec;
  }

  /** definition names of every message with a table (for tests) */
  names(): string[] {
    return [...this.compact.keys()];
  }
}
