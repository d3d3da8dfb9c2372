import { z } from 'zod';
import { IdParam, LocalDateString, PageInput, trimmedString } from '../shared/common-schemas.js';
import { leaveLimits } from './leave.js';
import { daysIn } from './leave-dates.js';

/**
 * A doctor's leave: local dates `from`…`to` (both included, `from <= to`, at most 366
 * dates), and the reason told to the patients whose appointments it cancels.
 * @category Schemas
 */
export const TakeLeaveInput = z
  .strictObject({
    from: LocalDateString,
    to: LocalDateString,
    reason: trimmedString(0, leaveLimits.maxReasonLength).default(''),
  })
  .superRefine((input, ctx) => {
    // Refinements run even when a field failed: compare only two real dates.
    const real = [input.from, input.to].every((d) => LocalDateString.safeParse(d).success);
    if (!real) return;
    if (input.to < input.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: '`to` must not be before `from`.' });
    else if (daysIn(input) > leaveLimits.maxDays)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `A leave spans at most ${leaveLimits.maxDays} days.`,
      });
  });
/** The input `TakeLeaveInput` accepts as a caller writes it, before parsing and defaults. @category Schemas */
export type TakeLeaveInput = z.input<typeof TakeLeaveInput>;

/** A page of the caller's leaves. @category Schemas */
export const ListLeavesInput = PageInput;
/** The input `ListLeavesInput` accepts as a caller writes it, before parsing and defaults. @category Schemas */
export type ListLeavesInput = z.input<typeof ListLeavesInput>;

/** The leave named by the path parameter `{id}`. @category Schemas */
export const LeaveIdInput = IdParam;
/** The input `LeaveIdInput` accepts as a caller writes it, before parsing and defaults. @category Schemas */
export type LeaveIdInput = z.input<typeof LeaveIdInput>;
