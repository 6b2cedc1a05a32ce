// grpc probes: one call of grpc.health.v1.Health/Check over cleartext HTTP/2 (what upstream's
// insecure gRPC client does), with the request and response protobufs encoded by hand: each is one
// field. Messages are upstream's (pkg/probe/grpc).
import { connect, constants } from 'node:http2';
import type { ProbeOutcome } from './types';
import { hostPort } from './words';

const STATUS_NAMES = ['UNKNOWN', 'SERVING', 'NOT_SERVING', 'SERVICE_UNKNOWN'];
const UNIMPLEMENTED = 12;
const goDuration = (ms: number): string => (ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`);

/** HealthCheckRequest{service} as a length-prefixed gRPC message */
function requestFrame(service: string): Buffer {
  const name = Buffer.from(service, 'utf8');
  const msg = name.length ? Buffer.concat([Buffer.from([0x0a]), varint(name.length), name]) : Buffer.alloc(0);
  const head = Buffer.alloc(5);
  head.writeUInt32BE(msg.length, 1);
  return Buffer.concat([head, msg]);
}

function varint(n: number): Buffer {
  const out: number[] = [];
  do {
    out.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
    n >>>= 7;
  } while (n > 0);
  return Buffer.from(out);
}

/** HealthCheckResponse.status (field 1, varint) from the first message of the body; 0 when absent */
function statusOf(body: Buffer): number {
  if (body.length < 5) return 0;
  const msg = body.subarray(5, 5 + body.readUInt32BE(1));
  return msg[0] === 0x08 && msg.length > 1 ? msg[1] & 0x7f : 0;
}

interface CallResult {
  grpcStatus: number;
  grpcMessage: string;
  body: Buffer;
}

export function grpcProbe(host: string, port: number, service: string, timeoutMs: number): Promise<ProbeOutcome> {
  const addr = hostPort(host, port);
  return new Promise((resolve) => {
    let connected = false;
    const session = connect(`http://${addr}`);
    const finish = (outcome: ProbeOutcome) => {
      clearTimeout(timer);
      session.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(
      () => finish({ result: 'failure', message: connected ? `timeout: health rpc did not complete within ${goDuration(timeoutMs)}` : `timeout: failed to connect service "${addr}" within ${goDuration(timeoutMs)}` }),
      timeoutMs,
    );
    session.on('error', (err) => finish({ result: 'failure', message: `error: failed to connect service at "${addr}": ${err.message}` }));
    session.once('connect', () => {
      connected = true;
      call(session, service).then(
        (r) => finish(verdict(r)),
        (err: Error) => finish({ result: 'failure', message: `error: health rpc probe failed: ${err.message}` }),
      );
    });
  });
}

function call(session: ReturnType<typeof connect>, service: string): Promise<CallResult> {
  return new Promise((resolve, reject) => {
    const stream = session.request({
      [constants.HTTP2_HEADER_METHOD]: 'POST',
      [constants.HTTP2_HEADER_PATH]: '/grpc.health.v1.Health/Check',
      'content-type': 'application/grpc',
      te: 'trailers',
    });
    const chunks: Buffer[] = [];
    let status: number | undefined;
    let message = '';
    const take = (h: Record<string, unknown>) => {
      if (h['grpc-status'] !== undefined) status = Number(h['grpc-status']);
      if (h['grpc-message'] !== undefined) message = decodeURIComponent(String(h['grpc-message']));
    };
    stream.on('response', take);
    stream.on('trailers', take);
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve({ grpcStatus: status ?? 2, grpcMessage: message, body: Buffer.concat(chunks) }));
    stream.on('error', reject);
    stream.end(requestFrame(service));
  });
}

function verdict(r: CallResult): ProbeOutcome {
  if (r.grpcStatus === UNIMPLEMENTED) return { result: 'failure', message: `error: this server does not implement the grpc health protocol (grpc.health.v1.Health): ${r.grpcMessage}` };
  if (r.grpcStatus !== 0) return { result: 'failure', message: `error: health rpc probe failed: rpc error: code = ${r.grpcStatus} desc = ${r.grpcMessage}` };
  const status = statusOf(r.body);
  if (status !== 1) return { result: 'failure', message: `service unhealthy (responseCode: "${STATUS_NAMES[status] ?? status}")` };
  return { result: 'success', message: 'service is healthy' };
}
