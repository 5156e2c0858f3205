import { EntityManager } from 'typeorm';
import { JsonObject } from '../common/json';
import { currentContext } from '../request-context/request-context';
import { caseChanged } from '../statistics/case-statistics-row';
import { lockCase } from './case-lock';
import { CaseTransition } from './case-transition.entity';

export interface TimelineEvent {
  event: string;
  fromState?: string | null;
  toState?: string | null;
  reason?: string | null;
  details?: JsonObject;
}

/**
 * Appends an event to a case's timeline inside the caller's transaction. Other modules (panels,
 * sessions, agreements) call this too, so the case's whole history reads in one place.
 */
export async function appendTimeline(
  manager: EntityManager,
  caseId: string,
  event: TimelineEvent,
  at = new Date(),
): Promise<CaseTransition> {
  const repository = manager.getRepository(CaseTransition);
  // Two writers of one case at once (two sessions cancelled, two attachments) must not both
  // take the next place.
  await lockCase(manager, caseId);
  const last = await repository
    .createQueryBuilder('t')
    .select('MAX(t.ordinal)', 'max')
    .where('t.case_id = :caseId', { caseId })
    .getRawOne<{ max: number | string | null }>();
  const user = currentContext()?.user;
  const entry = repository.create({
    caseId,
    event: event.event,
    fromState: event.fromState ?? null,
    toState: event.toState ?? null,
    actorId: user?.id ?? null,
    actorName: user?.username ?? null,
    at,
    reason: event.reason ?? null,
    details: event.details ?? {},
    ordinal: Number(last?.max ?? 0) + 1,
  });
  // save(), not insert(): insert's deep-partial typing of the JSON details recurses without end.
  await repository.save(entry);
  // Every write the statistics read of a case is recorded in its timeline.
  caseChanged(manager, caseId);
  return entry;
}
