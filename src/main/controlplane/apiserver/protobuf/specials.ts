// The gogo encodings of apimachinery's hand-written types, decoded to their JSON forms:
// Time/MicroTime → RFC 3339, Duration → Go duration string, IntOrString, Quantity, raw JSON.
import { readFields, readString, WireError, WireType, type WireField } from './wire';

const fieldsOf = (bytes: Uint8Array): Map<number, WireField> => new Map(readFields(bytes).map((f) => [f.number, f]));

const varintOf = (fields: Map<number, WireField>, n: number): bigint => {
  const f = fields.get(n);
  if (!f) return 0n;
  if (f.wireType !== WireType.Varint) throw new WireError(`field ${n} should be a varint`);
  return f.varint!;
};

const stringOf = (fields: Map<number, WireField>, n: number): string => {
  const f = fields.get(n);
  if (!f) return '';
  if (f.wireType !== WireType.Bytes) throw new WireError(`field ${n} should be a string`);
  return readString(f.bytes!);
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** metav1.Time {seconds=1, nanos=2}: RFC 3339 to the second; the zero time is null, as in Go's JSON. */
export const decodeTime = (bytes: Uint8Array, micro: boolean): string | null => {
  const f = fieldsOf(bytes);
  const seconds = varintOf(f, 1);
  const nanos = Number(varintOf(f, 2));
  if (seconds === 0n && nanos === 0) return null;
  const d = new Date(Number(seconds) * 1000);
  if (Number.isNaN(d.getTime())) throw new WireError(`time out of range: ${seconds}s`);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${date}T${time}${micro ? `.${pad(Math.floor(nanos / 1000), 6)}` : ''}Z`;
};

const UNITS: [bigint, string][] = [
  [1_000_000n, 'ms'],
  [1_000n, 'µs'],
  [1n, 'ns'],
];

/** value / unit with Go's trimmed fraction: 1500000ns in ms → "1.5" */
const fraction = (value: bigint, unit: bigint): string => {
  const whole = value / unit;
  const rest = value % unit;
  if (rest === 0n) return String(whole);
  const digits = String(unit).length - 1;
  return `${whole}.${String(rest).padStart(digits, '0').replace(/0+$/, '')}`;
};

/** Go's time.Duration.String(): 1h2m3.5s, 1.5ms, 0s. */
export const formatDuration = (ns: bigint): string => {
  if (ns === 0n) return '0s';
  const sign = ns < 0n ? '-' : '';
  const abs = ns < 0n ? -ns : ns;
  if (abs < 1_000_000_000n) {
    const [unit, name] = UNITS.find(([u]) => abs >= u)!;
    return `${sign}${fraction(abs, unit)}${name}`;
  }
  const hours = abs / 3_600_000_000_000n;
  const minutes = (abs / 60_000_000_000n) % 60n;
  const seconds = fraction(abs % 60_000_000_000n, 1_000_000_000n);
  if (hours > 0n) return `${sign}${hours}h${minutes}m${seconds}s`;
  if (minutes > 0n) return `${sign}${minutes}m${seconds}s`;
  return `${sign}${seconds}s`;
};

/** metav1.Duration {duration=1 (ns)} */
export const decodeDuration = (bytes: Uint8Array): string => formatDuration(varintOf(fieldsOf(bytes), 1));

/** intstr.IntOrString {type=1 (0 int, 1 string), intVal=2, strVal=3} */
export const decodeIntOrString = (bytes: Uint8Array): number | string => {
  const f = fieldsOf(bytes);
  return varintOf(f, 1) === 1n ? stringOf(f, 3) : Number(BigInt.asIntN(32, varintOf(f, 2)));
};

/** resource.Quantity {string=1} */
export const decodeQuantity = (bytes: Uint8Array): string => stringOf(fieldsOf(bytes), 1);

/** runtime.RawExtension {raw=1} and metav1.FieldsV1 {Raw=1}: JSON bytes. */
export const decodeRawJson = (bytes: Uint8Array): unknown => {
  const f = fieldsOf(bytes).get(1);
  if (!f || f.bytes!.length === 0) return null;
  const text = readString(f.bytes!);
  try {
    return JSON.parse(text);
  } catch {
    throw new WireError('an embedded raw object is not JSON (nested protobuf objects are not supported)');
  }
};

/** A named string slice (ExtraValue, Verbs): {items=1 repeated} */
export const decodeItems = (bytes: Uint8Array): string[] =>
  readFields(bytes)
    .filter((f) => f.number === 1 && f.wireType === WireType.Bytes)
    .map((f) => readString(f.bytes!));
