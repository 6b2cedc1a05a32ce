// Server-side apply and managedFields tracking: the role structured-merge-diff and the apiserver's
// fieldmanager play upstream. Called by REST storage on apply-patch and on every create/update/patch.
import { badRequest } from '../../../../shared/k8s/status';
import type { SchemaNode } from '../schema/types';
import { capUpdateManagers } from './cap';
import { compare, changed, type Comparison } from './compare';
import { conflictError } from './conflict';
import type { FieldSet } from './fieldset';
import { decodeManaged, isResetRequest, managerId, withManagedFields, withoutManagedFields, type Managed } from './managed';
import { mergeValues } from './merge';
import { settleOwnership } from './ownership';
import { ensureNamedFieldsAreMembers, removeItems } from './remove';
import { scopeFor, stripped, type Scope } from './scope';
import { ignoreManagedFieldsTimestamps } from './timestamps';
import { toFieldSet } from './tofieldset';
import type { ApplyRequest, FieldManager, UpdateRequest } from './types';

/** Upstream's name for the owner of everything an object held before its first apply. */
export const beforeFirstApplyManager = 'before-first-apply';

export class StructuredFieldManager implements FieldManager {
  apply(req: ApplyRequest): Record<string, any> {
    checkApplied(req);
    const scope = scopeFor(req.subresource);
    const live = withoutManagedFields(req.live);
    const managed = decodeManaged(req.live?.metadata?.managedFields);
    if (live && managed.size === 0) seedBeforeFirstApply(managed, live, req, scope);

    const id = managerId({ manager: req.manager, operation: 'Apply', apiVersion: req.apiVersion, subresource: req.subresource });
    const last = managed.get(id)?.set;
    const applied = toFieldSet(req.applied, req.schema);
    managed.set(id, { manager: req.manager, operation: 'Apply', apiVersion: req.apiVersion, subresource: req.subresource, time: req.now, set: scope.filter(applied) });

    let merged = mergeValues(live ?? {}, req.applied, req.schema) as Record<string, any>;
    if (last) merged = prune(merged, managed, applied, req.schema, last);
    merged = scope.restore(merged, live);

    const cmp = scoped(compare(live ?? zeroObject(req.schema), merged, req.schema), scope);
    const conflicts = settleOwnership(managed, id, cmp, req.force);
    if (conflicts.length > 0) throw conflictError(conflicts);
    capUpdateManagers(managed);
    return ignoreManagedFieldsTimestamps(withManagedFields(merged, managed), req.live);
  }

  update(req: UpdateRequest): Record<string, any> {
    const scope = scopeFor(req.subresource);
    const sent = req.updated.metadata?.managedFields;
    const updated = withoutManagedFields(req.updated);
    if (!req.subresource && isResetRequest(sent)) return updated;
    const fromRequest = req.subresource ? new Map() : decodeManaged(sent);
    const managed: Managed = fromRequest.size > 0 ? fromRequest : decodeManaged(req.live?.metadata?.managedFields);

    const live = withoutManagedFields(req.live);
    // As upstream: an existing object nobody tracks stays untracked until someone applies to it.
    if (managed.size === 0 && live?.metadata?.uid) return updated;
    const cmp = scoped(compare(live ?? zeroObject(req.schema), updated, req.schema), scope);
    settleOwnership(managed, undefined, cmp, true);
    const mine = changed(cmp);
    if (!mine.empty()) {
      const entry = { manager: req.manager, operation: 'Update' as const, apiVersion: req.apiVersion, subresource: req.subresource };
      const id = managerId(entry);
      const previous = managed.get(id)?.set;
      managed.set(id, { ...entry, time: req.now, set: previous ? previous.union(mine) : mine });
    }
    capUpdateManagers(managed);
    return ignoreManagedFieldsTimestamps(withManagedFields(updated, managed), req.live);
  }
}

export const createFieldManager = (): FieldManager => new StructuredFieldManager();

const checkApplied = (req: ApplyRequest): void => {
  if (req.applied.metadata?.managedFields != null) throw badRequest('metadata.managedFields must be nil');
  const version = req.applied.apiVersion;
  if (typeof version === 'string' && version !== req.apiVersion) {
    throw badRequest(`Incorrect version specified in apply patch. Specified patch version: ${version}, expected: ${req.apiVersion}`);
  }
};

/** Upstream records an untracked object's fields as an update from its empty object by this manager. */
const seedBeforeFirstApply = (managed: Managed, live: Record<string, any>, req: ApplyRequest, scope: Scope): void => {
  const set = changed(scoped(compare(zeroObject(req.schema), live, req.schema), scope));
  const entry = { manager: beforeFirstApplyManager, operation: 'Update' as const, apiVersion: req.apiVersion, time: req.now, set };
  if (!set.empty()) managed.set(managerId(entry), entry);
};

/**
 * Removes what the applier owned last time and applies no more, unless someone else owns it.
 * The unfiltered applied fields and the stripped metadata count as owned here, so that
 * metadata.name and the like, which no entry lists, are never pruned.
 */
const prune = (merged: Record<string, any>, managed: Managed, applied: FieldSet, schema: SchemaNode | undefined, last: FieldSet): Record<string, any> => {
  let owned = stripped.union(applied);
  for (const m of managed.values()) owned = owned.union(m.set);
  const drop = ensureNamedFieldsAreMembers(last, schema).difference(ensureNamedFieldsAreMembers(owned, schema));
  return removeItems(merged, drop, schema) as Record<string, any>;
};

const scoped = (c: Comparison, scope: Scope): Comparison => ({
  added: scope.filter(c.added),
  modified: scope.filter(c.modified),
  removed: scope.filter(c.removed),
});

/**
 * What a create is compared with. Upstream compares with the kind's empty Go object, whose metadata
 * and spec structs already exist, so a creator does not own `metadata` or `spec` themselves.
 */
const zeroObject = (schema: SchemaNode | undefined): Record<string, unknown> => {
  const spec = schema?.properties?.().spec;
  return spec && spec.type === 'object' && spec.properties ? { metadata: {}, spec: {} } : { metadata: {} };
};

