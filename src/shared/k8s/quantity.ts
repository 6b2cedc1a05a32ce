// Kubernetes resource quantities ("100m", "1.5", "128Mi", "1G", "2Ki", "1e3") turned into integers.
// Exact arithmetic on BigInt so that "0.1" cpu is 100 milli-cpu, not 99.99999; rounding goes up,
// as resource.Quantity.MilliValue() and Value() do, so a request never shrinks when parsed.

const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const FORM = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/;

/** A quantity as an exact fraction numerator/denominator (denominator > 0). */
export interface Fraction {
  numerator: bigint;
  denominator: bigint;
}

export class QuantityError extends Error {
  constructor(text: string) {
    super(`quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': ${JSON.stringify(text)}`);
  }
}

/** Parses a quantity into an exact fraction; throws QuantityError when it is not one. */
export function parseQuantity(text: string | number): Fraction {
  if (typeof text === 'number') text = String(text);
  const m = FORM.exec(text.trim());
  if (!m) throw new QuantityError(text);
  const [, sign, digits, exponent, suffix] = m;
  const [whole, frac = ''] = digits.split('.');
  let numerator = BigInt((whole || '0') + frac) * (sign === '-' ? -1n : 1n);
  let denominator = 10n ** BigInt(frac.length);
  const apply = (pow10: number, pow2 = 0) => {
    if (pow10 >= 0) numerator *= 10n ** BigInt(pow10);
    else denominator *= 10n ** BigInt(-pow10);
    numerator *= 2n ** BigInt(pow2);
  };
  if (exponent) apply(Number(exponent.slice(1)));
  else if (suffix && suffix in BINARY) apply(0, BINARY[suffix]);
  else apply(DECIMAL[suffix ?? '']);
  return { numerator, denominator };
}

function ceilDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && n > 0n ? q + 1n : q;
}

/** The quantity in whole units, rounded up (memory in bytes, pods, extended resources). */
export function quantityValue(text: string | number): number {
  const { numerator, denominator } = parseQuantity(text);
  return Number(ceilDiv(numerator, denominator));
}

/** The quantity in thousandths, rounded up (cpu in milli-cpu). */
export function quantityMilliValue(text: string | number): number {
  const { numerator, denominator } = parseQuantity(text);
  return Number(ceilDiv(numerator * 1000n, denominator));
}

/** Like quantityValue but answers `fallback` for text that is not a quantity, for tolerant readers. */
export function quantityValueOr(text: string | number | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  try {
    return quantityValue(text);
  } catch {
    return fallback;
  }
}

/** Like quantityMilliValue but answers `fallback` for text that is not a quantity. */
export function quantityMilliValueOr(text: string | number | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  try {
    return quantityMilliValue(text);
  } catch {
    return fallback;
  }
}
