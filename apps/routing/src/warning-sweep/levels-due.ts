/** The levels a sweep raises at `now` from the stored times, yellow first; a red never comes without its yellow. */
export function levelsDue(
  times: { yellowAt: Date; dueAt: Date; yellowRaised: boolean; redRaised: boolean },
  now: Date,
): ('YELLOW' | 'RED')[] {
  const red = !times.redRaised && now.getTime() > times.dueAt.getTime();
  const yellow = !times.yellowRaised && (red || now.getTime() >= times.yellowAt.getTime());
  return [...(yellow ? (['YELLOW'] as const) : []), ...(red ? (['RED'] as const) : [])];
}
