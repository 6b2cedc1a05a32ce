// resourceFieldRef for env and downwardAPI volumes, as upstream's ExtractContainerResourceValue: a
// container's limits (defaulted to the node's allocatable when unset) or requests, divided by the
// divisor and rounded up.
import { parseQuantity, quantityMilliValue, quantityValue } from '../../../../shared/k8s/quantity';
import type { ApiClient, Obj } from '../../client';

const RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];

/** the node's status.allocatable (capacity when allocatable is missing); {} when the node cannot be read */
export async function nodeAllocatable(client: ApiClient, nodeName: string | undefined): Promise<Record<string, string>> {
  if (!nodeName) return {};
  try {
    const node = await client.get('v1', 'Node', undefined, nodeName);
    return node.status?.allocatable ?? node.status?.capacity ?? {};
  } catch {
    return {};
  }
}

const ceilDiv = (n: number, d: number): number => Math.ceil(n / d);

/**
 * The value for `resource` (e.g. limits.memory) of the named container, or an error message.
 * `allocatable` fills unset limits, as kubelet's MergeContainerResourceLimits does.
 */
export function resourceRefValue(pod: Obj, containerName: string, ref: Obj, allocatable: Record<string, string>): { value: string } | { error: string } {
  const containers: Obj[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  const container = containers.find((c) => c.name === containerName);
  if (!container) return { error: `container ${containerName} not found` };
  const [kind, name] = String(ref.resource ?? '').split('.', 2) as [string, string];
  const hugepage = name?.startsWith('hugepages-');
  if ((kind !== 'limits' && kind !== 'requests') || (!RESOURCES.includes(name) && !hugepage)) {
    return { error: `unsupported container resource : ${ref.resource}` };
  }
  const declared: string | undefined = container.resources?.[kind]?.[name];
  const quantity = declared ?? (kind === 'limits' ? allocatable[name] : undefined) ?? '0';
  const divisor = ref.divisor === undefined || ref.divisor === null ? '1' : String(ref.divisor);
  try {
    if (parseQuantity(divisor).numerator === 0n) return { error: `invalid divisor ${divisor}` };
    if (name === 'cpu') return { value: String(ceilDiv(quantityMilliValue(quantity), quantityMilliValue(divisor))) };
    return { value: String(ceilDiv(quantityValue(quantity), quantityValue(divisor))) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}
