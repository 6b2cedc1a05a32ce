// POSTs to action subresources (pods/binding, pods/eviction, serviceaccounts/token) and creates of
// kinds that are answered rather than stored (access and token reviews).
import { methodNotAllowed, StatusError } from '../../../../shared/k8s/status';
import { actionOf, isVirtual } from '../resources/actions';
import { bindPod } from './binding';
import type { Ctx } from './context';
import { evictPod } from './eviction';
import type { Obj } from './json';
import { answerReview } from './reviews';
import { requestToken } from './token-request';
import type { RequestInfo, WriteResult } from './types';

export const isActionRequest = (req: RequestInfo): boolean =>
  (req.subresource !== undefined && actionOf(req.resource, req.subresource) !== undefined) || (req.subresource === undefined && isVirtual(req.resource));

export async function createAction(ctx: Ctx, req: RequestInfo, body: Obj): Promise<WriteResult> {
  if (req.subresource === undefined) return answerReview(ctx, req, body);
  if (req.name === undefined) throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
  switch (`${req.resource.plural}/${req.subresource}`) {
    case 'pods/binding':
      return bindPod(ctx, req, body);
    case 'pods/eviction':
      return evictPod(ctx, req, body);
    case 'serviceaccounts/token':
      return requestToken(ctx, req, body);
  }
  throw methodNotAllowed('the server does not allow this method on the requested resource');
}
