/**
 * The sessions of the cases on my panels, with their case number and booked mediators: what the
 * calendar shows and what the scheduling form checks a new slot against. The API has no
 * "sessions of a mediator" list in JSON (the .ics feed is for calendar apps), so this reads the
 * sessions of each of my cases, four at a time.
 */
import { mediatorApi, Session } from './mediator-api';
import type { KnownBooking } from './session-times';

export type MySession = Session & KnownBooking;

export async function sessionsOfMyCases(): Promise<MySession[]> {
  const cases = (await mediatorApi.cases({ limit: 200, sort: 'receivedOn', order: 'desc' })).items;
  const out: MySession[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++];
      const sessions = await mediatorApi.sessions(c.id);
      for (const s of sessions)
        out.push({
          ...s,
          caseNumber: c.caseNumber,
          stationId: c.stationId,
          mediatorIds: [...s.participants.panelMemberIds, ...s.participants.interpreterIds],
        });
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return out.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}
