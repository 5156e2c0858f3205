import { EntityManager, In } from 'typeorm';
import { Mediator } from '../mediators/mediator.entity';
import { MediationCase } from '../cases/mediation-case.entity';
import { findConflicts, resourcesOf } from './booking-conflict-detector';
import { MediationSession } from './mediation-session.entity';
import { bookingConflict, ConflictDescription } from './session-errors';
import { SessionBooking } from './session-booking.entity';
import { DEFAULT_TIME_ZONE, localStamp } from './session-time';

/**
 * Books a session's resources inside the caller's transaction, refusing overlaps.
 *
 * Two requests for the same mediator must not both pass the overlap check. On PostgreSQL each
 * resource key is locked with a transaction-scoped advisory lock before the check, in sorted key
 * order (no deadlock between two bookers); the lock is held until commit, so the second booker
 * reads the first one's rows. On SQLite the transaction runner already runs one writer at a time,
 * also across processes on one file (its transactions begin IMMEDIATE).
 */
export async function bookResources(
  manager: EntityManager,
  session: Pick<
    MediationSession,
    'id' | 'stationId' | 'room' | 'startsAt' | 'endsAt' | 'participants'
  >,
): Promise<void> {
  const resources = resourcesOf({
    stationId: session.stationId,
    room: session.room,
    mediatorIds: [...session.participants.panelMemberIds, ...session.participants.interpreterIds],
  });
  if (!resources.length) return;
  if (manager.connection.options.type === 'postgres') {
    for (const resource of resources)
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `session_booking:${resource.key}`,
      ]);
  }
  const keys = resources.map((r) => r.key);
  const existing = await manager
    .getRepository(SessionBooking)
    .createQueryBuilder('b')
    .where('b.resource_key IN (:...keys)', { keys })
    .andWhere('b.starts_at < :endsAt AND b.ends_at > :startsAt', {
      startsAt: session.startsAt,
      endsAt: session.endsAt,
    })
    .getMany();
  const conflicts = findConflicts(
    {
      sessionId: session.id ?? null,
      resourceKeys: keys,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
    },
    existing,
  );
  if (conflicts.length) throw bookingConflict(await describe(manager, conflicts, resources));
  await manager.getRepository(SessionBooking).delete({ sessionId: session.id });
  await manager.getRepository(SessionBooking).insert(
    resources.map((r) => ({
      sessionId: session.id,
      resourceKey: r.key,
      resourceKind: r.kind,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
    })),
  );
}

export async function releaseResources(manager: EntityManager, sessionId: string): Promise<void> {
  await manager.getRepository(SessionBooking).delete({ sessionId });
}

async function describe(
  manager: EntityManager,
  conflicts: ReturnType<typeof findConflicts>,
  resources: ReturnType<typeof resourcesOf>,
): Promise<ConflictDescription[]> {
  const sessionIds = [...new Set(conflicts.map((c) => c.sessionId))];
  const sessions = await manager
    .getRepository(MediationSession)
    .find({ where: { id: In(sessionIds) } });
  const cases = await manager
    .getRepository(MediationCase)
    .find({ where: { id: In(sessions.map((s) => s.caseId)) }, select: ['id', 'caseNumber'] });
  const mediatorIds = resources.filter((r) => r.kind === 'mediator').map((r) => r.label);
  const mediators = mediatorIds.length
    ? await manager.getRepository(Mediator).find({
        where: { id: In(mediatorIds) },
        select: ['id', 'nameOriginal', 'nameZh'],
      })
    : [];
  return conflicts.map((c) => {
    const resource = resources.find((r) => r.key === c.resourceKey)!;
    const session = sessions.find((s) => s.id === c.sessionId);
    const mediator = mediators.find((m) => m.id === resource.label);
    return {
      resourceKind: resource.kind,
      resource: mediator ? mediator.nameOriginal : resource.label,
      resourceId: resource.kind === 'mediator' ? resource.label : null,
      sessionId: c.sessionId,
      caseNumber: cases.find((k) => k.id === session?.caseId)?.caseNumber ?? '',
      startsAt: c.startsAt.toISOString(),
      endsAt: c.endsAt.toISOString(),
      when: wallTime(c.startsAt, c.endsAt, session?.timeZone ?? DEFAULT_TIME_ZONE),
    };
  });
}

function wallTime(startsAt: Date, endsAt: Date, zone: string): string {
  const show = (d: Date) =>
    localStamp(d, zone).replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2}).*$/, '$1-$2-$3 $4:$5');
  const from = show(startsAt);
  const to = show(endsAt);
  return `${from}–${to.slice(0, 10) === from.slice(0, 10) ? to.slice(11) : to} (${zone})`;
}
