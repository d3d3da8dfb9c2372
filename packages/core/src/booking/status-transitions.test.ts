import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appointmentStatuses } from './appointment.js';
import { appointmentTransitions, canTransition, isTerminalStatus } from './status-transitions.js';

describe('canTransition', () => {
  it('follows the table of DESIGN.md exactly', () => {
    const allowed = new Set([
      'booked→cancelled',
      'booked→checked_in',
      'booked→completed',
      'booked→no_show',
      'booked→in_consultation',
      'checked_in→completed',
      'checked_in→no_show',
      'checked_in→cancelled',
      'checked_in→in_consultation',
      'in_consultation→completed',
    ]);
    for (const from of appointmentStatuses) {
      for (const to of appointmentStatuses)
        expect(canTransition(from, to), `${from}→${to}`).toBe(allowed.has(`${from}→${to}`));
    }
  });

  it('makes cancelled, completed and no_show terminal and never allows staying put', () => {
    expect(appointmentStatuses.filter(isTerminalStatus)).toEqual([
      'cancelled',
      'completed',
      'no_show',
    ]);
    for (const status of appointmentStatuses) expect(canTransition(status, status)).toBe(false);
  });

  it('never returns to booked: any walk of allowed steps is at most three long', () => {
    const status = fc.constantFrom(...appointmentStatuses);
    fc.assert(
      fc.property(fc.array(status, { maxLength: 8 }), (wanted) => {
        let current: (typeof appointmentStatuses)[number] = 'booked';
        let steps = 0;
        for (const to of wanted) {
          if (!canTransition(current, to)) continue;
          expect(appointmentTransitions[current]).toContain(to);
          expect(to).not.toBe('booked');
          current = to;
          steps++;
        }
        expect(steps).toBeLessThanOrEqual(3);
      }),
      { numRuns: 1000 },
    );
  });

  it('once called in, a patient can only be completed: not a no-show, not cancelled', () => {
    expect(appointmentTransitions.in_consultation).toEqual(['completed']);
    for (const from of ['booked', 'checked_in'] as const)
      expect(canTransition(from, 'in_consultation'), from).toBe(true);
    for (const from of ['cancelled', 'completed', 'no_show', 'in_consultation'] as const)
      expect(canTransition(from, 'in_consultation'), from).toBe(false);
  });
});
