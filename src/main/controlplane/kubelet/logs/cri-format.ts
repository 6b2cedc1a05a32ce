// Container log files in the CRI format kubelet reads (one line per write of a line):
//   2016-10-06T00:17:09.669794202Z stdout F the line
// "F" is a full line, "P" a partial one that the next record continues. The runtime writes it; the
// kubelet server turns it back into what `kubectl logs` shows (with --timestamps: "<time> <line>").
export type LogStream = 'stdout' | 'stderr';

export interface LogRecord {
  time: string;
  stream: LogStream;
  partial: boolean;
  content: string;
}

/** one record; `content` has no trailing newline */
export const formatLogRecord = (time: Date | string, stream: LogStream, content: string, partial = false): string =>
  `${typeof time === 'string' ? time : time.toISOString()} ${stream} ${partial ? 'P' : 'F'} ${content}\n`;

/** one line of a log file (without its newline); undefined when it is not a CRI record */
export function parseLogRecord(line: string): LogRecord | undefined {
  const a = line.indexOf(' ');
  const b = line.indexOf(' ', a + 1);
  const c = line.indexOf(' ', b + 1);
  if (a < 0 || b < 0 || c < 0) return undefined;
  const stream = line.slice(a + 1, b);
  const tag = line.slice(b + 1, c);
  if ((stream !== 'stdout' && stream !== 'stderr') || (tag !== 'F' && tag !== 'P')) return undefined;
  return { time: line.slice(0, a), stream, partial: tag === 'P', content: line.slice(c + 1) };
}
