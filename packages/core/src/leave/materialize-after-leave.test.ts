import { describe, expect, it } from 'vitest';
import { LeaveWorld } from './leave-world.fixture.js';

describe('the worker after a leave', () => {
  it('never creates nor re-opens a sitting on leave, and creates the others', async () => {
    const world = new LeaveWorld();
    const uc = world.leaveUseCases();
    const dr = await world.doctor('Dr W');
    const slot = await world.slot(dr.doctor.id);
    // Horizon four weeks: Mondays 5 Jan … 2 Feb. On leave 12–19 Jan and beyond the horizon.
    await uc.takeLeave.execute(dr.actor, { from: '2026-01-12', to: '2026-01-19' });
    await uc.takeLeave.execute(dr.actor, { from: '2026-02-09', to: '2026-02-09' });
    const first = await uc.materialize.execute(world.clock.now());
    expect(first.created).toBe(3);
    expect(await world.sittingsOf(slot.id)).toEqual([
      '2026-01-05:scheduled',
      '2026-01-12:cancelled',
      '2026-01-19:cancelled',
      '2026-01-26:scheduled',
      '2026-02-02:scheduled',
      '2026-02-09:cancelled',
    ]);
    // A week later the horizon reaches 9 Feb: still cancelled, nothing new on it.
    world.clock.set('2026-01-12T09:00:00.000Z');
    const later = await uc.materialize.execute(world.clock.now());
    expect(later.created).toBe(0);
    expect(await world.sittingsOf(slot.id)).toContain('2026-02-09:cancelled');
  });
});
