import { z } from '../zod.js';

const instant = z.string().openapi({ format: 'date-time', example: '2026-11-30T10:30:00.000Z' });
const localDate = z.string().openapi({ format: 'date', example: '2026-11-30' });
const id = z.number().int().openapi({ example: 1 });

const leaveFields = {
  id,
  doctor_id: id,
  from: localDate,
  to: localDate,
  reason: z.string(),
  status: z.enum(['active', 'reopened']),
  created_at: instant,
  reopened_at: instant.nullable(),
  cancelled_sittings: z.number().int(),
  cancelled_appointments: z.number().int(),
};

/** The schema of core's `LeaveView`: the `Leave` component of the OpenAPI document. @category Views */
export const LeaveViewSchema = z.object(leaveFields).openapi('Leave');

/** The schema of core's `ReopenedLeaveView`: the `ReopenedLeave` component of the OpenAPI document. @category Views */
export const ReopenedLeaveViewSchema = z
  .object({ ...leaveFields, reopened_sittings: z.number().int() })
  .openapi('ReopenedLeave');
