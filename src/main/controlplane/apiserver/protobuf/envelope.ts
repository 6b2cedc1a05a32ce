// Kubernetes' protobuf envelope: the magic "k8s\0", then a runtime.Unknown message
// {typeMeta=1 {apiVersion=1, kind=2}, raw=2, contentEncoding=3, contentType=4}.
import { readFields, readString, WireError, WireType } from './wire';

export const MAGIC = Uint8Array.of(0x6b, 0x38, 0x73, 0x00);

export interface Envelope {
  apiVersion: string;
  kind: string;
  /** the object's own encoding (the message of its kind) */
  raw: Uint8Array;
  contentEncoding: string;
}

const hasMagic = (buf: Uint8Array): boolean => buf.length >= MAGIC.length && MAGIC.every((b, i) => buf[i] === b);

const stringField = (bytes: Uint8Array | undefined): string => (bytes ? readString(bytes) : '');

export const readEnvelope = (buf: Uint8Array): Envelope => {
  if (!hasMagic(buf)) throw new WireError('the body does not start with the Kubernetes protobuf prefix "k8s\\x00"');
  const env: Envelope = { apiVersion: '', kind: '', raw: new Uint8Array(0), contentEncoding: '' };
  for (const f of readFields(buf.subarray(MAGIC.length))) {
    if (f.wireType !== WireType.Bytes) continue;
    if (f.number === 1) {
      for (const t of readFields(f.bytes!)) {
        if (t.wireType !== WireType.Bytes) continue;
        if (t.number === 1) env.apiVersion = stringField(t.bytes);
        else if (t.number === 2) env.kind = stringField(t.bytes);
      }
    } else if (f.number === 2) env.raw = f.bytes!;
    else if (f.number === 3) env.contentEncoding = stringField(f.bytes);
  }
  return env;
};
