import type { StoredSignup } from '../../../cloudfunctions/api/src/domain/activity-view';

export const bySeq = (a: StoredSignup, b: StoredSignup) => a.seq - b.seq;

/**
 * First come, first served by number: in number order, sign-ups are confirmed while their seats
 * fit; the first that does not fit and everyone after it wait. Numbers are 1..n with no gaps.
 */
export function expectArrivalOrder(signups: StoredSignup[], capacity: number): void {
  const inOrder = [...signups].sort(bySeq);
  expect(inOrder.map((s) => s.seq)).toEqual(inOrder.map((_, i) => i + 1));
  let seats = 0;
  let full = false;
  const expected = inOrder.map((s) => {
    full ||= seats + s.seats > capacity;
    if (full) return `${s.seq}:waitlisted`;
    seats += s.seats;
    return `${s.seq}:confirmed`;
  });
  expect(inOrder.map((s) => `${s.seq}:${s.status}`)).toEqual(expected);
}
