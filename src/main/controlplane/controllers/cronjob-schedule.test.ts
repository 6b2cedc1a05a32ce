import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseSchedule } from './cronjob-schedule';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('cron schedules (robfig/cron standard syntax)', () => {
  it('steps, ranges, lists and names', () => {
    assert.equal(iso(parseSchedule('*/15 * * * *').next(at('2026-01-01T10:07:00Z'))), '2026-01-01T10:15:00.000Z');
    assert.equal(iso(parseSchedule('0 9-17/4 * * MON-FRI').next(at('2026-01-02T13:00:00Z'))), '2026-01-02T17:00:00.000Z');
    assert.equal(iso(parseSchedule('30 1 * JAN,feb ?').next(at('2026-02-28T02:00:00Z'))), '2027-01-01T01:30:00.000Z');
    assert.equal(iso(parseSchedule('5/20 * * * *').next(at('2026-01-01T00:26:00Z'))), '2026-01-01T00:45:00.000Z');
  });

  it('day of month and day of week combine by OR unless one is a star', () => {
    // the 13th, or any Friday
    assert.equal(iso(parseSchedule('0 0 13 * 5').next(at('2026-03-01T00:00:00Z'))), '2026-03-06T00:00:00.000Z');
    assert.equal(iso(parseSchedule('0 0 * * 5').next(at('2026-03-01T00:00:00Z'))), '2026-03-06T00:00:00.000Z');
  });

  it('macros and @every', () => {
    assert.equal(iso(parseSchedule('@hourly').next(at('2026-01-01T10:07:00Z'))), '2026-01-01T11:00:00.000Z');
    assert.equal(iso(parseSchedule('@yearly').next(at('2026-05-01T00:00:00Z'))), '2027-01-01T00:00:00.000Z');
    assert.equal(iso(parseSchedule('@weekly').next(at('2026-01-01T00:00:00Z'))), '2026-01-04T00:00:00.000Z');
    assert.equal(iso(parseSchedule('@every 1h30m').next(at('2026-01-01T00:00:00Z'))), '2026-01-01T01:30:00.000Z');
  });

  it('evaluates in the CronJob time zone', () => {
    assert.equal(iso(parseSchedule('0 9 * * *', 'Europe/Berlin').next(at('2026-01-01T00:00:00Z'))), '2026-01-01T08:00:00.000Z');
    assert.equal(iso(parseSchedule('0 9 * * *', 'Europe/Berlin').next(at('2026-07-01T00:00:00Z'))), '2026-07-01T07:00:00.000Z');
    assert.equal(iso(parseSchedule('CRON_TZ=America/New_York 0 0 * * *').next(at('2026-01-01T00:00:00Z'))), '2026-01-01T05:00:00.000Z');
  });

  it('rejects what the parser rejects', () => {
    assert.throws(() => parseSchedule('* * * *'));
    assert.throws(() => parseSchedule('61 * * * *'));
    assert.throws(() => parseSchedule('* * * * 7'));
  });
});
