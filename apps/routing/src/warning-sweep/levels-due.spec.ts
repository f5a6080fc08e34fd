import { fromShanghai } from '#libs/calendar';
import { levelsDue } from './levels-due.js';

const at = (date: string, time = '10:00:00') => fromShanghai(date, time);

describe('levels a sweep raises', () => {
  const times = { yellowAt: at('2026-11-27', '02:00:00'), dueAt: at('2026-11-27', '23:59:59'), yellowRaised: false, redRaised: false };

  it('raises yellow once its time came, and red (with its yellow if that was missed) once overdue', () => {
    expect(levelsDue(times, at('2026-11-27', '01:00:00'))).toEqual([]);
    expect(levelsDue(times, at('2026-11-27', '03:00:00'))).toEqual(['YELLOW']);
    expect(levelsDue(times, at('2026-11-28'))).toEqual(['YELLOW', 'RED']);
    expect(levelsDue({ ...times, yellowRaised: true }, at('2026-11-28'))).toEqual(['RED']);
  });

  it('never raises a level twice', () => {
    expect(levelsDue({ ...times, yellowRaised: true }, at('2026-11-27', '03:00:00'))).toEqual([]);
    expect(levelsDue({ ...times, yellowRaised: true, redRaised: true }, at('2026-12-28'))).toEqual([]);
  });
});
