// What a list or watch request selects: its label and field selectors as one predicate.
import type { RequestInfo } from './types';
import { fieldMatcher, parseFieldSelector } from './fields';
import type { Obj } from './json';
import { matchesLabels, parseLabelSelector } from './labels';

export interface Selection {
  /** true when a label or field selector narrows the result (then remainingItemCount is unknown) */
  narrowed: boolean;
  matches(obj: Obj): boolean;
}

export const selectionOf = (req: RequestInfo): Selection => {
  const labels = parseLabelSelector(req.query.get('labelSelector'));
  const fields = parseFieldSelector(req.query.get('fieldSelector'), req.resource);
  const fieldOk = fieldMatcher(fields, req.resource);
  if (labels.length === 0 && fields.length === 0) return { narrowed: false, matches: () => true };
  return { narrowed: true, matches: (o) => matchesLabels(labels, o.metadata?.labels) && fieldOk(o) };
};
