// Contract of server-side apply and managedFields tracking (structured-merge-diff's role).
import type { SchemaNode } from '../schema/types';

export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Record<string, unknown>;
  subresource?: string;
}

export interface ApplyRequest {
  /** current object, or undefined when apply creates it */
  live: Record<string, any> | undefined;
  /** the applied configuration (body of the apply-patch) */
  applied: Record<string, any>;
  manager: string;
  force: boolean;
  schema: SchemaNode | undefined;
  apiVersion: string;
  now: string;
  subresource?: string;
}

export interface UpdateRequest {
  live: Record<string, any> | undefined;
  updated: Record<string, any>;
  manager: string;
  schema: SchemaNode | undefined;
  apiVersion: string;
  now: string;
  subresource?: string;
}

export interface FieldManager {
  /**
   * Merges `applied` into `live` as the manager's intent: sets what it owns, removes fields it owned
   * before and no longer applies. Conflicts with other managers throw a 409 StatusError in upstream form:
   * `Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas`
   * unless force, which takes the fields over. Returns the new object with metadata.managedFields set.
   */
  apply(req: ApplyRequest): Record<string, any>;

  /** For create/update/patch: records the fields `manager` changed as an Update entry. Returns the object with managedFields set. */
  update(req: UpdateRequest): Record<string, any>;
}
