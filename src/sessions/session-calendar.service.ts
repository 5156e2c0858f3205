import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuthenticatedUser, scopeOf } from '../auth/authenticated-user';
import { CONCLUDED_STATES } from '../cases/case-lifecycle';
import { applyCaseScope } from '../cases/case-scope';
import { MediationCase } from '../cases/mediation-case.entity';
import { I18nService } from '../i18n/i18n.service';
import { Station } from '../stations/station.entity';
import { renderCalendar } from './icalendar';
import { MediationSession } from './mediation-session.entity';
import { calendarNotOwn } from './session-errors';
import { SessionOutcomes } from './session-outcomes.service';
import { DEFAULT_TIME_ZONE, localDate } from './session-time';

const DAY = 86_400_000;

/** Calendars (iCalendar feeds) and the day's reminders of a mediator or a station. */
@Injectable()
export class SessionCalendar {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly i18n: I18nService,
    private readonly outcomes: SessionOutcomes,
  ) {}

  /** Sessions of cases in the caller's scope, optionally only those booking one mediator. */
  private sessionsQuery(user: AuthenticatedUser, mediatorId?: string) {
    const query = this.dataSource
      .getRepository(MediationSession)
      .createQueryBuilder('s')
      .innerJoin(MediationCase, 'c', 'c.id = s.case_id')
      .addSelect('c.case_number', 'case_number');
    if (mediatorId)
      query.andWhere(
        'EXISTS (SELECT 1 FROM session_booking b WHERE b.session_id = s.id AND b.resource_key = :key)',
        { key: `mediator:${mediatorId}` },
      );
    return applyCaseScope(query, scopeOf(user));
  }

  /**
   * A mediator's or interpreter's sessions as an iCalendar feed, from 30 days back. A mediator
   * account may fetch only its own. A cancelled session releases its bookings and so leaves the
   * feed; subscribed calendars drop it at the next refresh.
   */
  async feed(mediatorId: string, user: AuthenticatedUser): Promise<string> {
    if (user.role === 'mediator' && user.mediatorId !== mediatorId) throw calendarNotOwn();
    const { entities, raw } = await this.sessionsQuery(user, mediatorId)
      .andWhere('s.ends_at >= :from', { from: new Date(Date.now() - 30 * DAY) })
      .orderBy('s.starts_at', 'ASC')
      .getRawAndEntities<{ case_number: string; s_id: string }>();
    const stations = await this.stations(entities.map((s) => s.stationId));
    const events = entities.map((s) => {
      const caseNumber = raw.find((r) => r.s_id === s.id)?.case_number ?? '';
      const station = stations.get(s.stationId);
      return {
        uid: `${s.id}@mediation-sessions`,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        timeZone: s.timeZone,
        summary: this.i18n.translate('sessions:calendar.summary', { number: s.number, caseNumber }),
        location: [station?.nameZh, s.room].filter(Boolean).join(' ') || s.videoLink,
        description: [
          this.i18n.translate(`sessions:calendar.${s.publicity}`),
          `${this.i18n.translate('sessions:calendar.languages')}: ${s.languages.join(', ')}`,
          s.videoLink ?? '',
        ]
          .filter(Boolean)
          .join('\n'),
        url: s.videoLink,
        status: s.status === 'cancelled' ? ('CANCELLED' as const) : ('CONFIRMED' as const),
        sequence: s.revision,
        lastModified: s.updatedAt,
      };
    });
    return renderCalendar(this.i18n.translate('sessions:calendar.name'), events);
  }

  /**
   * Today for a mediator (their sessions, their cases) or a clerk (the station's): sessions whose
   * local date is today in their own time zone, open cases due within 7 days, follow-ups due.
   */
  async today(user: AuthenticatedUser, mediatorId?: string, now = new Date()) {
    if (user.role === 'mediator') mediatorId = user.mediatorId ?? undefined;
    const candidates = await this.sessionsQuery(user, mediatorId)
      .andWhere("s.status <> 'cancelled'")
      .andWhere('s.starts_at >= :from AND s.starts_at < :to', {
        from: new Date(now.getTime() - 2 * DAY),
        to: new Date(now.getTime() + 2 * DAY),
      })
      .orderBy('s.starts_at', 'ASC')
      .getRawAndEntities<{ case_number: string; s_id: string }>();
    const sessions = candidates.entities
      .filter((s) => localDate(s.startsAt, s.timeZone) === localDate(now, s.timeZone))
      .map((s) => ({
        sessionId: s.id,
        caseId: s.caseId,
        caseNumber: candidates.raw.find((r) => r.s_id === s.id)?.case_number,
        number: s.number,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        timeZone: s.timeZone,
        room: s.room,
        videoLink: s.videoLink,
        status: s.status,
      }));
    const dueQuery = this.dataSource
      .getRepository(MediationCase)
      .createQueryBuilder('c')
      .where('c.due_at >= :now AND c.due_at <= :soon', {
        now,
        soon: new Date(now.getTime() + 7 * DAY),
      })
      .andWhere('c.state NOT IN (:...concluded)', { concluded: [...CONCLUDED_STATES] });
    applyCaseScope(dueQuery, scopeOf(user));
    if (mediatorId && user.role !== 'mediator')
      applyCaseScope(dueQuery, { kind: 'panel', mediatorId }, 'c');
    const nearLimit = (await dueQuery.orderBy('c.due_at', 'ASC').getMany()).map((c) => ({
      caseId: c.id,
      caseNumber: c.caseNumber,
      state: c.state,
      dueAt: c.dueAt,
      daysLeft: Math.ceil(((c.dueAt?.getTime() ?? 0) - now.getTime()) / DAY),
    }));
    const followUpsDue = await this.outcomes.due(user, localDate(now, DEFAULT_TIME_ZONE));
    return {
      date: localDate(now, DEFAULT_TIME_ZONE),
      sessions,
      casesNearLimit: nearLimit,
      followUpsDue,
    };
  }

  private async stations(ids: string[]) {
    const unique = [...new Set(ids)];
    const rows = unique.length
      ? await this.dataSource.getRepository(Station).find({ where: { id: In(unique) } })
      : [];
    return new Map(rows.map((s) => [s.id, s]));
  }
}
