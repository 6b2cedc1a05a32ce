// /openapi/v2 and /openapi/v3[/<gv>] from the SchemaService, with ETags so clients can revalidate
// cheaply. Serialising a whole spec is costly, so the text is kept per document object.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StatusError } from '../../../../shared/k8s/status';
import type { SchemaService } from '../schema/types';
import type { MediaRange } from './accept';
import { notFoundPath } from './respond';

interface Rendered {
  body: string;
  etag: string;
}

const rendered = new WeakMap<object, Rendered>();

const render = (doc: object): Rendered => {
  let r = rendered.get(doc);
  if (!r) {
    const body = JSON.stringify(doc);
    r = { body, etag: `"${createHash('sha512').update(body).digest('hex').slice(0, 64).toUpperCase()}"` };
    rendered.set(doc, r);
  }
  return r;
};

const acceptsJson = (accept: MediaRange[]): boolean =>
  accept.length === 0 || accept.some((r) => r.type === 'application/json' || r.type === '*/*' || r.type === 'application/*');

const send = (req: IncomingMessage, res: ServerResponse, doc: object, cacheControl: string): void => {
  const r = render(doc);
  const headers = { ETag: r.etag, 'Cache-Control': cacheControl, Vary: 'Accept' };
  if (req.headers['if-none-match'] === r.etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(r.body) });
  res.end(req.method === 'HEAD' ? undefined : r.body);
};

const notAcceptable = (): StatusError =>
  new StatusError(406, 'NotAcceptable', 'only the following media types are accepted: application/json');

export const OPENAPI_V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';

/**
 * kubectl 1.27/1.28 ask for /openapi/v2 only as gnostic protobuf and fail apply outright when it is
 * missing. The schema service encodes the whole spec; a service that cannot gets a valid document that
 * describes no kinds (field 1, swagger = "2.0"), and kubectl then uses its built-in knowledge of each kind.
 */
const MINIMAL_V2_PROTOBUF = Buffer.from([0x0a, 0x03, ...Buffer.from('2.0')]);

// Answered with a '.' where the request had '@': Go's mime parser (in kubectl) rejects the '@'.
const OPENAPI_V2_PROTOBUF_RESPONSE = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

const sendV2Protobuf = (res: ServerResponse, schema: SchemaService): void => {
  const body = schema.openapiV2Protobuf ? Buffer.from(schema.openapiV2Protobuf()) : MINIMAL_V2_PROTOBUF;
  res.writeHead(200, { 'Content-Type': OPENAPI_V2_PROTOBUF_RESPONSE, 'Content-Length': body.length, 'Cache-Control': 'no-cache, private' });
  res.end(body);
};

/** segs: ['openapi', 'v2'] | ['openapi', 'v3', ...gvPath] */
export const serveOpenApi = (req: IncomingMessage, res: ServerResponse, segs: string[], query: URLSearchParams, accept: MediaRange[], schema: SchemaService): void => {
  if (!acceptsJson(accept)) {
    if (segs[1] === 'v2' && segs.length === 2 && accept.some((r) => r.type === OPENAPI_V2_PROTOBUF)) return sendV2Protobuf(res, schema);
    throw notAcceptable();
  }
  if (segs[1] === 'v2' && segs.length === 2) return send(req, res, schema.openapiV2(), 'no-cache, private');
  if (segs[1] !== 'v3') throw notFoundPath();
  if (segs.length === 2) return send(req, res, schema.openapiV3Index(), 'no-cache, private');
  const doc = schema.openapiV3(segs.slice(2).join('/'));
  if (!doc) throw notFoundPath();
  // A URL carrying the document's hash never changes meaning; upstream lets clients keep it a year.
  const immutable = query.has('hash') ? 'public, immutable, max-age=31536000' : 'no-cache, private';
  send(req, res, doc, immutable);
};
