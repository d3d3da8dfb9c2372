import type { LiveQueueEntry, LiveSittingState, Sitting } from '@doctorly/core';
import { sittingColumns } from './columns.js';

type JsonEntry = Omit<LiveQueueEntry, 'calledAt' | 'completedAt'> & {
  calledAt: string | null;
  completedAt: string | null;
};

/** A row of {@link liveStatesStatement}. */
export type LiveStateRow = Sitting & { doctorName: string; appointments: JsonEntry[] };

/**
 * The live state of the sittings `$1` (an array of ids), in the order of the ids: each
 * sitting, its doctor's name and all its appointments by queue number, aggregated per sitting
 * (one statement for a page of any number of sittings; appointments_sitting_queue_idx).
 */
export const liveStatesStatement = `SELECT ${sittingColumns('s')}, d.name AS "doctorName",
    coalesce((SELECT json_agg(json_build_object('id', a.id, 'queueNumber', a.queue_number, 'status', a.status,
                'calledAt', a.called_at, 'completedAt', a.completed_at) ORDER BY a.queue_number, a.id)
              FROM appointments a WHERE a.sitting_id = s.id), '[]'::json) AS appointments
  FROM unnest($1::integer[]) WITH ORDINALITY AS q(id, n)
  JOIN sittings s ON s.id = q.id
  JOIN doctors d ON d.id = s.doctor_id
  ORDER BY q.n`;

const atOrNull = (iso: string | null) => (iso === null ? null : new Date(iso));

/** The row as core's model, its JSON timestamps Dates again. */
export function toLiveSittingState(row: LiveStateRow): LiveSittingState {
  const { doctorName, appointments, ...sitting } = row;
  return {
    sitting,
    doctorName,
    appointments: appointments.map((a) => ({
      ...a,
      calledAt: atOrNull(a.calledAt),
      completedAt: atOrNull(a.completedAt),
    })),
  };
}
