// Event printer (core/v1 and events.k8s.io/v1): LAST SEEN, TYPE, REASON, OBJECT, MESSAGE.
import { col, nameColumn, type KindPrinter, type Obj } from './columns';
import { since } from './duration';

/** events.k8s.io/v1 names the same fields differently; upstream converts to the core shape before printing. */
function asCoreEvent(ev: Obj): Obj {
  if (!ev.regarding && ev.note === undefined && !ev.deprecatedSource) return ev;
  return {
    ...ev,
    involvedObject: ev.regarding ?? {},
    message: ev.note ?? '',
    firstTimestamp: ev.deprecatedFirstTimestamp,
    lastTimestamp: ev.deprecatedLastTimestamp,
    count: ev.deprecatedCount,
    source: ev.deprecatedSource ?? {},
  };
}

function eventSource(ev: Obj): string {
  const component = ev.source?.component || ev.reportingController || ev.reportingComponent || '';
  const instance = ev.source?.host || ev.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

export const eventPrinter: KindPrinter = {
  columns: [
    col('Last Seen', 'string', 'The time at which the most recent occurrence of this event was recorded.'),
    col('Type', 'string', 'Type of this event (Normal, Warning), new types could be added in the future'),
    col('Reason', 'string', 'This should be a short, machine understandable string that gives the reason for the transition into the object\'s current status.'),
    col('Object', 'string', 'The object that this event is about.'),
    col('Subobject', 'string', 'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2].', 1),
    col('Source', 'string', 'The component reporting this event. Should be a short machine understandable string.', 1),
    col('Message', 'string', 'A human-readable description of the status of this operation.'),
    col('First Seen', 'string', 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)', 1),
    col('Count', 'string', 'The number of times this event has occurred.', 1),
    nameColumn(1),
  ],
  cells: (raw, now) => {
    const ev = asCoreEvent(raw);
    const first = ev.firstTimestamp ? since(ev.firstTimestamp, now) : since(ev.eventTime, now);
    let last = ev.lastTimestamp ? since(ev.lastTimestamp, now) : first;
    let count = ev.count ?? 0;
    if (ev.series) {
      last = since(ev.series.lastObservedTime, now);
      count = ev.series.count ?? 0;
    } else if (!count) {
      count = 1;
    }
    const io = ev.involvedObject ?? {};
    const target = io.name ? `${String(io.kind ?? '').toLowerCase()}/${io.name}` : String(io.kind ?? '').toLowerCase();
    return [last, ev.type ?? '', ev.reason ?? '', target, io.fieldPath ?? '', eventSource(ev), String(ev.message ?? '').trim(), first, count, ev.metadata?.name ?? ''];
  },
};
