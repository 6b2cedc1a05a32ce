// Writes a controller's computed status. A 409 (our copy was stale) or 404 (the object is gone) is
// not a failure: the informer delivers the newer object (or the delete), which enqueues it again.
import { StatusError } from '../../../../shared/k8s/status';
import type { ApiClient, Obj } from '../../client';

export async function writeStatus(client: ApiClient, obj: Obj, status: Obj): Promise<void> {
  const next = structuredClone(obj);
  next.status = status;
  try {
    await client.updateStatus(next);
  } catch (err) {
    if (err instanceof StatusError && (err.code === 409 || err.code === 404)) return;
    throw err;
  }
}
