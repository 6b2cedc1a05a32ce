import { formatAge } from '../../components/format';
import { useNow } from '../../components/useNow';

interface EventLike {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  lastTimestamp?: string;
  eventTime?: string;
  metadata?: { uid?: string; creationTimestamp?: string };
  source?: { component?: string };
  reportingController?: string;
}

export function EventsTab({ events }: { events: Record<string, unknown>[] }) {
  const now = useNow();
  if (!events.length) return <p className="muted">No events.</p>;
  const whenOf = (e: EventLike) => e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp ?? '';
  // newest first, as a person reads a history of what just happened
  const list = [...(events as EventLike[])].sort((a, b) => whenOf(b).localeCompare(whenOf(a)));
  return (
    <table className="events">
      <thead>
        <tr>
          <th>Type</th>
          <th>Reason</th>
          <th>Message</th>
          <th>From</th>
          <th>Count</th>
          <th>Age</th>
        </tr>
      </thead>
      <tbody>
        {list.map((e, i) => {
          const when = whenOf(e);
          return (
            <tr key={e.metadata?.uid ?? i} className={e.type === 'Warning' ? 'health-warning' : ''}>
              <td>{e.type}</td>
              <td>{e.reason}</td>
              <td className="wrap">{e.message}</td>
              <td>{e.source?.component ?? e.reportingController}</td>
              <td>{e.count ?? 1}</td>
              <td>{when ? formatAge(when, now) : ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
