// Reading and decoding request bodies: bounded in size, JSON or YAML by Content-Type, with the
// decoder's position in the error so a user can find the mistake in their manifest.
import type { IncomingMessage } from 'node:http';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { badRequest, StatusError, tooLarge, unsupportedMediaType } from '../../../../shared/k8s/status';
import { PROTOBUF_MEDIA_TYPE, type ProtobufDecoder } from '../protobuf/decoder';
import type { PatchType } from '../registry/types';

/** Upstream's limit for a request body (3 MiB). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

export const readBody = (req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      req.resume();
      reject(tooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        // Keep draining without keeping anything, so the client still reads our 413.
        over = true;
        chunks.length = 0;
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });

export const mediaTypeOf = (req: IncomingMessage): string => (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();

const PATCH_TYPES: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
};

export const patchTypeOf = (mediaType: string): PatchType => {
  const t = PATCH_TYPES[mediaType];
  if (!t) throw unsupportedMediaType(mediaType);
  return t;
};

const lineColumn = (text: string, pos: number): { line: number; column: number } => {
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  return { line, column: pos - before.lastIndexOf('\n') };
};

// A prefix of a document is "still fine" if parsing it only fails for running out of text.
const failsOnlyAtEnd = (prefix: string): boolean => {
  try {
    JSON.parse(prefix);
    return true;
  } catch (err) {
    const m = /position (\d+)/.exec((err as Error).message);
    return /end of JSON input|Unterminated string/.test((err as Error).message) || (m !== null && Number(m[1]) >= prefix.length);
  }
};

/** V8 does not always say where JSON broke; find the first offending character by bisection. */
const errorOffset = (text: string, message: string): number => {
  const m = /position (\d+)/.exec(message);
  if (m) return Number(m[1]);
  let [lo, hi] = [0, text.length];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (failsOnlyAtEnd(text.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return lo;
};

const decodeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch (err) {
    const raw = (err as Error).message;
    // Drop V8's quote of the input: it can be a whole manifest.
    const message = raw.replace(/, ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
    const where = lineColumn(text, errorOffset(text, raw));
    throw badRequest(`error decoding JSON: ${message} at line ${where.line}, column ${where.column}`);
  }
};

const decodeYaml = (text: string): unknown => {
  try {
    return parseYaml(text, { prettyErrors: true, uniqueKeys: true });
  } catch (err) {
    if (err instanceof YAMLParseError) {
      const where = err.linePos?.[0];
      const first = err.message.split('\n')[0];
      throw badRequest(`error converting YAML to JSON: yaml: ${where ? `line ${where.line}, column ${where.col}: ` : ''}${first}`);
    }
    throw badRequest(`error converting YAML to JSON: ${(err as Error).message}`);
  }
};

/** Decoders beyond JSON and YAML; `warnings` collects what a decoder skipped (for the Warning header). */
export interface BodyDecoding {
  protobuf?: ProtobufDecoder;
  warnings?: string[];
}

/** Decodes by media type; JSON patch types are JSON, apply patches are YAML (a superset of JSON). */
export const decodeBody = (buf: Buffer, mediaType: string, decoding: BodyDecoding = {}): unknown => {
  if (mediaType === PROTOBUF_MEDIA_TYPE && decoding.protobuf) {
    // client-go's typed clients (kubectl 1.32+ create, run, expose, drain…) send protobuf and never retry as JSON.
    const { object, warnings } = decoding.protobuf(buf);
    decoding.warnings?.push(...warnings);
    return object;
  }
  const text = buf.toString('utf8');
  if (mediaType === 'application/yaml' || mediaType === 'application/apply-patch+yaml' || mediaType === 'text/yaml') {
    // Cheap path: kubectl sends JSON even where YAML is allowed.
    return /^\s*[[{]/.test(text) ? decodeJsonOrYaml(text) : decodeYaml(text);
  }
  if (mediaType === '' || mediaType === 'application/json' || mediaType.endsWith('+json')) return decodeJson(text);
  throw unsupportedMediaType(mediaType);
};

const decodeJsonOrYaml = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return decodeYaml(text);
  }
};

/** The body of create/update must be one object. */
export const asObject = (value: unknown): Record<string, any> => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest('the body of the request must be a single JSON or YAML object');
  }
  return value as Record<string, any>;
};

export const isStatusError = (err: unknown): err is StatusError => err instanceof StatusError;
