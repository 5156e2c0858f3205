import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuthenticatedUser, scopeOf } from '../auth/authenticated-user';
import { caseNotFound } from '../cases/case-errors';
import { CaseQueries } from '../cases/case-queries.service';
import { MediationCase } from '../cases/mediation-case.entity';
import { chinaToday } from '../common/calendar/china-day';
import { I18nService } from '../i18n/i18n.service';
import { Mediator } from '../mediators/mediator.entity';
import { DEFAULT_PANEL_POLICY, PanelPolicy } from '../stations/station.entity';
import { CaseMediatorChoice } from './case-mediator-choice.entity';
import { loadCandidatesById, loadMatchCase } from './candidate-loader';
import { CandidateMediator, MatchCase, Reason, Suggestion } from './match-types';
import { matchMediators, MatchResult } from './mediator-matcher';
import { PanelMember } from './panel-member.entity';
import { proposePanel } from './panel-proposal';
import { panelViolations, violationReason } from './panel-policy';
import { loadRankingInputs, loadSuggestionCase } from './ranking-loader';
import { renderReason } from './reason-renderer';
import { StationRosters } from './station-rosters';

/** Suggestions and the panel as read; sentences are rendered here, in the caller's language. */
@Injectable()
export class AssignmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queries: CaseQueries,
    private readonly i18n: I18nService,
    private readonly rosters: StationRosters,
  ) {}

  /** The ranked mediators and interpreters for a case, the panel they add up to, and who is out and why. */
  async suggestions(caseId: string, user: AuthenticatedUser, limit = 10) {
    const manager = this.dataSource.manager;
    const date = chinaToday();
    const found = await loadSuggestionCase(manager, caseId, scopeOf(user), date);
    if (!found) throw caseNotFound(caseId);
    const { match } = found;
    const candidates = await this.rosters.candidates(
      manager,
      match.stationId,
      date,
      found.rosterVersion,
    );
    const result = matchMediators(match, candidates);
    const byId = new Map(candidates.map((c) => [c.id, c]));
    const proposal = proposePanel(
      match.parties,
      result,
      byId,
      found.panelPolicy ?? DEFAULT_PANEL_POLICY,
    );
    return {
      caseId,
      date: match.date,
      mediators: result.mediators.slice(0, limit).map((s) => this.suggestionView(s)),
      interpreters: result.interpreters.slice(0, limit).map((s) => this.suggestionView(s)),
      proposal: {
        seats: proposal.seats.map((s) => ({ ...s, name: byId.get(s.mediatorId)!.displayName })),
        missing: proposal.violations.map((v) => this.sentence(violationReason(v, match.parties))),
      },
      excludedCount: result.excluded.length,
      excluded: result.excluded.slice(0, 50).map((e) => ({
        mediatorId: e.mediatorId,
        name: e.displayName,
        reasons: e.reasons.map((r) => this.sentence(r)),
      })),
    };
  }

  /** Ranks the station's mediators for the case, inside the caller's transaction when given. */
  async rank(
    manager: EntityManager,
    mediationCase: MediationCase,
  ): Promise<{ match: MatchCase; candidates: CandidateMediator[]; result: MatchResult }> {
    const { match, candidates } = await loadRankingInputs(manager, mediationCase, chinaToday());
    return { match, candidates, result: matchMediators(match, candidates) };
  }

  async panel(caseId: string, user: AuthenticatedUser) {
    const manager = this.dataSource.manager;
    const mediationCase = await this.queries.load(caseId, user, manager);
    const { match } = await loadMatchCase(manager, mediationCase, chinaToday());
    const rows = await manager
      .getRepository(PanelMember)
      .find({ where: { caseId }, order: { assignedAt: 'ASC' } });
    const mediators = new Map(
      (rows.length
        ? await manager
            .getRepository(Mediator)
            .find({ where: { id: In([...new Set(rows.map((r) => r.mediatorId))]) } })
        : []
      ).map((m) => [m.id, m]),
    );
    const seatOrder = { lead: 0, co_mediator: 1, interpreter: 2 };
    const current = rows
      .filter((r) => !r.removedAt)
      .sort((a, b) => seatOrder[a.role] - seatOrder[b.role]);
    const seats = await loadCandidatesById(
      manager,
      current.map((r) => r.mediatorId),
      match.date,
    );
    const byId = new Map(seats.map((s) => [s.id, s]));
    const violations = current.length
      ? panelViolations(
          match.parties,
          current.map((r) => ({ mediator: byId.get(r.mediatorId)!, role: r.role })),
          policyOf(mediationCase),
        )
      : [];
    const choices = await manager
      .getRepository(CaseMediatorChoice)
      .find({ where: { caseId }, order: { at: 'ASC' } });
    const member = (r: PanelMember) => ({
      id: r.id,
      mediatorId: r.mediatorId,
      role: r.role,
      name: mediators.get(r.mediatorId)?.nameOriginal ?? null,
      nameLatin: mediators.get(r.mediatorId)?.nameLatin ?? null,
      kind: mediators.get(r.mediatorId)?.kind ?? null,
      assignedAt: r.assignedAt,
      assignedBy: r.assignedBy,
    });
    return {
      caseId,
      state: mediationCase.state,
      members: current.map(member),
      former: rows
        .filter((r) => r.removedAt)
        .map((r) => ({
          ...member(r),
          removedAt: r.removedAt,
          removalReason: r.removalReason,
          removalNote: r.removalNote,
        })),
      choices: choices.map((c) => ({
        kind: c.kind,
        mediatorId: c.mediatorId,
        partyId: c.partyId,
        reason: c.reason,
        at: c.at,
      })),
      missing: violations.map((v) => this.sentence(violationReason(v, match.parties))),
    };
  }

  sentence(reason: Reason): string {
    return renderReason(reason, this.i18n.currentLanguage(), (key, params, language) =>
      this.i18n.translatePlain(key, params, language),
    );
  }

  private suggestionView(s: Suggestion) {
    return {
      mediatorId: s.mediatorId,
      name: s.displayName,
      kind: s.kind,
      roles: s.roles,
      total: s.total,
      parts: s.parts,
      reasons: s.reasons.map((r) => ({ part: r.part, key: r.key, text: this.sentence(r) })),
    };
  }
}

export const policyOf = (mediationCase: MediationCase): PanelPolicy =>
  mediationCase.station?.panelPolicy ?? DEFAULT_PANEL_POLICY;
