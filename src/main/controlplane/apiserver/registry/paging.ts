// Continue tokens, shaped like upstream's: base64 of {"v":"meta.k8s.io/v1","rv":<revision>,"start":"<key>\u0000"},
// where start is the next key to read relative to the listed prefix.
import { badRequest } from '../../../../shared/k8s/status';

export interface ContinueToken {
  revision: number;
  /** the last key returned; the next page starts strictly after it */
  lastKey: string;
}

export const encodeContinue = (prefix: string, token: ContinueToken): string =>
  Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: token.revision, start: `${token.lastKey.slice(prefix.length)}\u0000` })).toString('base64');

export const decodeContinue = (prefix: string, text: string): ContinueToken => {
  let parsed: { v?: string; rv?: number; start?: string };
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
  } catch {
    throw badRequest('continue key is not valid: illegal base64 data at input byte 0');
  }
  if (parsed.v !== 'meta.k8s.io/v1') throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  if (typeof parsed.rv !== 'number' || typeof parsed.start !== 'string' || !parsed.start.endsWith('\u0000')) {
    throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  }
  const start = parsed.start.slice(0, -1);
  if (start.includes('..') || start.startsWith('/')) throw badRequest('continue key is not valid: key path is not allowed');
  return { revision: parsed.rv, lastKey: prefix + start };
};

export const CONTINUE_TOO_OLD =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';
