// PriorityClass printer, as upstream's printPriorityClass.
import { ageColumn, col, int, nameColumn, type KindPrinter } from './columns';
import { since } from './duration';

export const priorityClassPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    col('Value', 'integer', 'value is the integer value of this priority class. This is the actual priority that pods receive when they have the name of this class in their pod spec.'),
    col('Global-Default', 'boolean', 'globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class. Only one PriorityClass can be marked as `globalDefault`.'),
    ageColumn(),
    col('PreemptionPolicy', 'string', 'preemptionPolicy is the Policy for preempting pods with lower priority.'),
  ],
  cells: (pc, now) => [pc.metadata?.name ?? '', int(pc.value), pc.globalDefault === true, since(pc.metadata?.creationTimestamp, now), pc.preemptionPolicy ?? ''],
};
