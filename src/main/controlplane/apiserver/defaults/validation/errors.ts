// Field errors worded as upstream's field.Error.ErrorBody(), so kubectl prints the same
// "<field>: Invalid value: <v>: <why>" lines a real API server returns.
import type { StatusCause } from '../../../../../shared/k8s/status';

/** A value already rendered the way Go's %#v would show it (e.g. map[string]string{"app":"x"}). */
export class GoRepr {
  constructor(readonly text: string) {}
}

export const goMap = (m: Record<string, unknown> | undefined | null): GoRepr => {
  const entries = Object.keys(m ?? {}).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(String(m![k]))}`);
  return new GoRepr(`map[string]string{${entries.join(', ')}}`);
};

function goSelectorRequirements(exprs: unknown): string {
  if (!Array.isArray(exprs)) return '[]v1.LabelSelectorRequirement(nil)';
  const items = exprs.map((e: any) => {
    const values = Array.isArray(e?.values) ? `[]string{${e.values.map((v: unknown) => JSON.stringify(String(v))).join(', ')}}` : '[]string(nil)';
    return `v1.LabelSelectorRequirement{Key:${JSON.stringify(String(e?.key ?? ''))}, Operator:${JSON.stringify(String(e?.operator ?? ''))}, Values:${values}}`;
  });
  return `[]v1.LabelSelectorRequirement{${items.join(', ')}}`;
}

export const goSelector = (s: any): GoRepr => {
  if (s === undefined || s === null) return new GoRepr('null');
  const labels = s.matchLabels ? goMap(s.matchLabels).text : 'map[string]string(nil)';
  return new GoRepr(`v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${goSelectorRequirements(s.matchExpressions)}}`);
};

export function formatValue(v: unknown): string {
  if (v instanceof GoRepr) return v.text;
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

export const required = (field: string, detail = ''): StatusCause => ({
  reason: 'FieldValueRequired',
  field,
  message: detail ? `Required value: ${detail}` : 'Required value',
});

export const invalid = (field: string, value: unknown, detail: string): StatusCause => ({
  reason: 'FieldValueInvalid',
  field,
  message: `Invalid value: ${formatValue(value)}${detail ? `: ${detail}` : ''}`,
});

export const notSupported = (field: string, value: unknown, supported: string[]): StatusCause => ({
  reason: 'FieldValueNotSupported',
  field,
  message: `Unsupported value: ${formatValue(value)}${supported.length ? `: supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}` : ''}`,
});

export const duplicate = (field: string, value: unknown): StatusCause => ({
  reason: 'FieldValueDuplicate',
  field,
  message: `Duplicate value: ${formatValue(value)}`,
});

export const forbidden = (field: string, detail: string): StatusCause => ({ reason: 'FieldValueForbidden', field, message: `Forbidden: ${detail}` });

export const notFound = (field: string, value: unknown): StatusCause => ({ reason: 'FieldValueNotFound', field, message: `Not found: ${formatValue(value)}` });

export const tooLong = (field: string, max: number): StatusCause => ({
  reason: 'FieldValueTooLong',
  field,
  message: `Too long: must have at most ${max} bytes`,
});

export const immutable = (field: string, value: unknown): StatusCause => invalid(field, value, 'field is immutable');

/** upstream ValidateNonnegativeField */
export function nonNegative(field: string, value: unknown): StatusCause[] {
  return typeof value === 'number' && value < 0 ? [invalid(field, value, 'must be greater than or equal to 0')] : [];
}

export function enumOf(field: string, value: unknown, supported: string[], requiredWhenEmpty = false): StatusCause[] {
  if (value === undefined || value === null || value === '') return requiredWhenEmpty ? [required(field)] : [];
  return supported.includes(String(value)) ? [] : [notSupported(field, value, supported)];
}
