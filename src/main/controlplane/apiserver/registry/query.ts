// Reading the query parameters every verb shares, with upstream's 400 messages for bad values.
import { badRequest } from '../../../../shared/k8s/status';
import type { FieldValidation } from '../schema/types';
import type { RequestInfo } from './types';

/** resourceVersion as a revision; undefined when unset, 0 for "0" (any) */
export const revisionParam = (query: URLSearchParams, name = 'resourceVersion'): number | undefined => {
  const text = query.get(name);
  if (text === null || text === '') return undefined;
  if (!/^\d+$/.test(text)) throw badRequest(`invalid resource version: ${text}`);
  return Number(text);
};

export const intParam = (query: URLSearchParams, name: string): number | undefined => {
  const text = query.get(name);
  if (text === null || text === '') return undefined;
  if (!/^-?\d+$/.test(text)) throw badRequest(`invalid value for ${name}: ${text}`);
  return Number(text);
};

export const boolParam = (query: URLSearchParams, name: string): boolean | undefined => {
  const text = query.get(name);
  if (text === null || text === '') return undefined;
  return text === 'true' || text === '1';
};

export const isDryRun = (query: URLSearchParams, options?: Record<string, any>): boolean => {
  const values = [...query.getAll('dryRun'), ...((options?.dryRun as string[] | undefined) ?? [])];
  for (const v of values) if (v !== 'All') throw badRequest(`Invalid dry run value: ${v}: supported values: "All"`);
  return values.length > 0;
};

export const fieldValidationOf = (query: URLSearchParams): FieldValidation => {
  const v = query.get('fieldValidation');
  if (v === null || v === '') return 'Warn';
  if (v === 'Strict' || v === 'Warn' || v === 'Ignore') return v;
  throw badRequest(`fieldValidation: Unsupported value: "${v}": supported values: "Ignore", "Strict", "Warn"`);
};

/** ?fieldManager, else what upstream derives from the User-Agent: the part before the first '/' */
export const fieldManagerOf = (req: RequestInfo): string => {
  const explicit = req.query.get('fieldManager');
  if (explicit) return explicit;
  const derived = (req.userAgent ?? '').split('/')[0];
  return (derived || 'unknown').slice(0, 128);
};
