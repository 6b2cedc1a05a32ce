// CronJob schedules as the controller's parser (robfig/cron ParseStandard) reads them: five fields with
// names, ranges, steps and '?', the @yearly.. @hourly macros and @every, evaluated in an IANA time zone.
// The API server validates the syntax; this evaluates it (the controller cannot import the API server).

export interface Schedule {
  /** the first activation strictly after `after` (ms since epoch) */
  next(after: number): number | undefined;
}

interface Field {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTHS = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAYS = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const FIELDS: Field[] = [{ min: 0, max: 59 }, { min: 0, max: 23 }, { min: 1, max: 31 }, { min: 1, max: 12, names: MONTHS }, { min: 0, max: 6, names: DAYS }];
const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};
const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

interface FieldSet {
  values: Set<number>;
  /** robfig's star bit: '*' or '?' without a step, which makes day-of-month and day-of-week combine by AND */
  star: boolean;
}

function parseValue(s: string, f: Field): number {
  const named = f.names?.[s.toLowerCase() as keyof typeof f.names];
  if (named !== undefined) return named;
  if (!/^\d+$/.test(s)) throw new Error(`failed to parse int from ${s}`);
  return Number(s);
}

function parseField(expr: string, f: Field): FieldSet {
  const out: FieldSet = { values: new Set(), star: false };
  for (const part of expr.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : parseValue(stepText, { min: 1, max: Infinity });
    let [start, end] = [f.min, f.max];
    if (range === '*' || range === '?') out.star ||= step === 1;
    else {
      const [a, b] = range.split('-');
      start = parseValue(a, f);
      end = b !== undefined ? parseValue(b, f) : stepText !== undefined ? f.max : start;
    }
    if (step < 1 || start < f.min || end > f.max || start > end) throw new Error(`invalid range: ${part}`);
    for (let v = start; v <= end; v += step) out.values.add(v);
  }
  return out;
}

function parseDuration(text: string): number {
  let ms = 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while ((m = re.exec(text))) {
    ms += Number(m[1]) * UNITS[m[2]];
    at = re.lastIndex;
  }
  if (at !== text.length || ms <= 0) throw new Error(`failed to parse duration ${text}`);
  return ms;
}

/** wall-clock time in `tz` of an instant, as ms of a UTC date with the same fields */
function wallClock(tz: string): (instant: number) => number {
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  return (instant) => {
    const p = Object.fromEntries(fmt.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) + (instant % 1000 + 1000) % 1000;
  };
}

export function parseSchedule(spec: string, timeZone = 'UTC'): Schedule {
  let text = spec.trim();
  const tzPrefix = /^(?:CRON_TZ|TZ)=(\S+)\s+/.exec(text);
  if (tzPrefix) {
    timeZone = tzPrefix[1];
    text = text.slice(tzPrefix[0].length);
  }
  if (text.startsWith('@every ')) {
    const every = Math.max(1000, Math.round(parseDuration(text.slice(7).trim()) / 1000) * 1000);
    return { next: (after) => Math.floor(after / 1000) * 1000 + every };
  }
  const fields = (MACROS[text] ?? text).split(/\s+/);
  if (fields.length !== 5) throw new Error(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  const [minute, hour, dom, month, dow] = fields.map((f, i) => parseField(f, FIELDS[i]));
  const toWall = wallClock(timeZone);
  const dayMatches = (d: Date): boolean => {
    const a = dom.values.has(d.getUTCDate());
    const b = dow.values.has(d.getUTCDay());
    return dom.star || dow.star ? a && b : a || b;
  };
  const toInstant = (wall: number): number => {
    let instant = wall - (toWall(wall) - wall);
    instant = wall - (toWall(instant) - instant);
    return instant;
  };
  return {
    next(after) {
      let wall = Math.floor(toWall(after) / 60_000) * 60_000 + 60_000;
      for (let guard = 0; guard < 100_000; guard++) {
        const d = new Date(wall);
        const [y, mo, day, h] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours()];
        if (!month.values.has(mo + 1)) wall = Date.UTC(y, mo + 1, 1);
        else if (!dayMatches(d)) wall = Date.UTC(y, mo, day + 1);
        else if (!hour.values.has(h)) wall = Date.UTC(y, mo, day, h + 1);
        else if (!minute.values.has(d.getUTCMinutes())) wall += 60_000;
        else {
          const instant = toInstant(wall);
          if (instant > after) return instant;
          wall += 60_000;
        }
      }
      return undefined;
    },
  };
}
