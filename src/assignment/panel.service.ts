import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { adjustActiveCaseCounts } from '../mediators/mediator-workload';
import { AuditTrail } from '../audit/audit-trail.service';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CONCLUDED_STATES } from '../cases/case-lifecycle';
import { CaseLifecycle } from '../cases/case-lifecycle.service';
import { CaseQueries } from '../cases/case-queries.service';
import { appendTimeline } from '../cases/case-timeline';
import { MediationCase } from '../cases/mediation-case.entity';
import { chinaToday } from '../common/calendar/china-day';
import { TransactionRunner } from '../database/transaction-runner';
import { ErrorDetail, invalidField } from '../errors/domain-error';
import {
  mediatorNotEligible,
  notOnPanel,
  panelNotAssignable,
  panelPolicyViolated,
  withdrawalNotOwn,
} from './assignment-errors';
import { AssignmentService, policyOf } from './assignment.service';
import { loadCandidatesById, loadMatchCase } from './candidate-loader';
import { CaseMediatorChoice, ChoiceKind } from './case-mediator-choice.entity';
import { AssignPanelDto, NominationDto, RecusalDto, WithdrawalDto } from './dto/panel.dto';
import { CandidateMediator, MatchCase, PanelRole } from './match-types';
import { hardRuleReasons } from './mediator-matcher';
import { PanelMember, RemovalReason } from './panel-member.entity';
import { proposePanel } from './panel-proposal';
import { panelViolations, violationReason } from './panel-policy';

interface Seat {
  mediatorId: string;
  role: PanelRole;
  field: string;
}

/**
 * Seats and unseats mediators: assigning a panel (which starts mediation), a party's nomination,
 * refusal and recusal, a mediator's withdrawal. Each in one transaction with its timeline entry and
 * audit record.
 */
@Injectable()
export class PanelService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditTrail,
    private readonly queries: CaseQueries,
    private readonly lifecycle: CaseLifecycle,
    private readonly assignment: AssignmentService,
  ) {}

  async assign(caseId: string, dto: AssignPanelDto, user: AuthenticatedUser) {
    const wanted = seatsOf(dto);
    await this.transactions.run(async (manager) => {
      const found = await this.queries.load(caseId, user, manager);
      await this.seat(manager, found, wanted, dto, user.id);
    });
    return this.assignment.panel(caseId, user);
  }

  /**
   * Seats a panel on a loaded case inside the caller's transaction, after the same hard rules and
   * station policy as assign (the demo seeder uses it). Moves an accepted case to mediating.
   */
  async assignWithin(
    manager: EntityManager,
    found: MediationCase,
    dto: AssignPanelDto,
    assignedBy: string | null,
  ): Promise<void> {
    await this.seat(manager, found, seatsOf(dto), dto, assignedBy);
  }

  private async seat(
    manager: EntityManager,
    found: MediationCase,
    wanted: Seat[],
    dto: AssignPanelDto,
    assignedBy: string | null,
  ): Promise<void> {
    const caseId = found.id;
    if (found.state !== 'accepted' && found.state !== 'mediating')
      throw panelNotAssignable(found.state);
    const { match, panel } = await loadMatchCase(manager, found, chinaToday());
    const candidates = await this.candidates(manager, wanted, match.date);
    for (const s of wanted) {
      const staying = panel.some((p) => p.mediatorId === s.mediatorId);
      this.checkEligible({ ...match, currentPanel: [] }, candidates.get(s.mediatorId)!, s, staying);
    }
    const violations = panelViolations(
      match.parties,
      wanted.map((s) => ({ mediator: candidates.get(s.mediatorId)!, role: s.role })),
      policyOf(found),
    );
    if (violations.length) {
      const sentences = violations.map((v) =>
        this.assignment.sentence(violationReason(v, match.parties)),
      );
      throw panelPolicyViolated(
        sentences.join(this.assignment.sentence({ key: 'mediators:list.separator', params: {} })),
        violations.map((v, i) => ({
          field: 'panel',
          key: `mediators:policy.${v.code}`,
          message: sentences[i],
        })),
      );
    }
    await this.reseat(manager, caseId, panel, wanted, assignedBy, 'replaced');
    await appendTimeline(manager, caseId, {
      event: 'panel_assigned',
      details: {
        leadId: dto.leadId,
        coMediatorIds: dto.coMediatorIds ?? [],
        interpreterIds: dto.interpreterIds ?? [],
      },
    });
    await this.audit.record(manager, {
      action: 'panel.assigned',
      entityType: 'case',
      entityId: caseId,
      summary: {
        leadId: dto.leadId,
        coMediatorIds: dto.coMediatorIds ?? [],
        interpreterIds: dto.interpreterIds ?? [],
      },
    });
    if (found.state === 'accepted')
      await this.lifecycle.transition(manager, caseId, 'mediating', 'panel', null, {
        leadId: dto.leadId,
      });
  }

  /** A party asks a member to step aside; a mediator not on the panel is refused for the case. */
  async recuse(caseId: string, dto: RecusalDto, user: AuthenticatedUser) {
    await this.transactions.run(async (manager) => {
      const found = await this.openCase(manager, caseId, user);
      if (!found.parties?.some((p) => p.id === dto.partyId))
        throw invalidField('partyId', 'cases:validation.unknownParty');
      const { panel } = await loadMatchCase(manager, found, chinaToday());
      const member = panel.find((p) => p.mediatorId === dto.mediatorId);
      await this.remember(
        manager,
        caseId,
        dto.mediatorId,
        member ? 'recused' : 'refused',
        dto.partyId,
        dto.reason,
        user,
      );
      const replacementId = member
        ? await this.leaveAndReplace(
            manager,
            found,
            member,
            'recused',
            dto.reason,
            dto.replacementId,
            user,
          )
        : null;
      await appendTimeline(manager, caseId, {
        event: member ? 'mediator_recused' : 'mediator_refused',
        reason: dto.reason,
        details: { partyId: dto.partyId, mediatorId: dto.mediatorId, replacementId },
      });
      await this.audit.record(manager, {
        action: member ? 'panel.recused' : 'panel.refused',
        entityType: 'case',
        entityId: caseId,
        summary: { partyId: dto.partyId, mediatorId: dto.mediatorId, replacementId },
      });
    });
    return this.assignment.panel(caseId, user);
  }

  /**
   * A mediator declares a conflict of interest and leaves the panel; a mediator account withdraws
   * only itself. Answers with who left and who replaced them: a mediator who withdrew can no
   * longer see the case.
   */
  async withdraw(caseId: string, dto: WithdrawalDto, user: AuthenticatedUser) {
    let mediatorId = dto.mediatorId;
    if (user.role === 'mediator') {
      if (mediatorId && mediatorId !== user.mediatorId) throw withdrawalNotOwn();
      mediatorId = user.mediatorId ?? undefined;
    }
    if (!mediatorId) throw invalidField('mediatorId', 'validation:isDefined');
    const replacementId = await this.transactions.run(async (manager) => {
      const found = await this.openCase(manager, caseId, user);
      const { panel } = await loadMatchCase(manager, found, chinaToday());
      const member = panel.find((p) => p.mediatorId === mediatorId);
      if (!member) throw notOnPanel(mediatorId!);
      await this.remember(manager, caseId, mediatorId!, 'withdrew', null, dto.reason, user);
      const replacementId = await this.leaveAndReplace(
        manager,
        found,
        member,
        'withdrew',
        dto.reason,
        dto.replacementId,
        user,
      );
      await appendTimeline(manager, caseId, {
        event: 'mediator_withdrew',
        reason: dto.reason,
        details: { mediatorId, replacementId },
      });
      await this.audit.record(manager, {
        action: 'panel.withdrew',
        entityType: 'case',
        entityId: caseId,
        summary: { mediatorId, replacementId },
      });
      return replacementId;
    });
    return { caseId, mediatorId, replacementId };
  }

  /** A party's choice of mediator (Art. 19): honoured when the hard rules allow, else 422 saying why. */
  async nominate(caseId: string, dto: NominationDto, user: AuthenticatedUser) {
    await this.transactions.run(async (manager) => {
      const found = await this.openCase(manager, caseId, user);
      if (!found.parties?.some((p) => p.id === dto.partyId))
        throw invalidField('partyId', 'cases:validation.unknownParty');
      const { match } = await loadMatchCase(manager, found, chinaToday());
      const candidates = await this.candidates(
        manager,
        [seat(dto.mediatorId, 'lead', 'mediatorId')],
        match.date,
      );
      this.checkEligible(
        match,
        candidates.get(dto.mediatorId)!,
        seat(dto.mediatorId, 'lead', 'mediatorId'),
        false,
      );
      await this.remember(manager, caseId, dto.mediatorId, 'nominated', dto.partyId, null, user);
      await appendTimeline(manager, caseId, {
        event: 'mediator_nominated',
        details: { partyId: dto.partyId, mediatorId: dto.mediatorId, seat: dto.seat ?? 'lead' },
      });
      await this.audit.record(manager, {
        action: 'panel.nominated',
        entityType: 'case',
        entityId: caseId,
        summary: { partyId: dto.partyId, mediatorId: dto.mediatorId },
      });
    });
    return { honoured: true, ...(await this.assignment.suggestions(caseId, user, 3)) };
  }

  private async openCase(manager: EntityManager, caseId: string, user: AuthenticatedUser) {
    const found = await this.queries.load(caseId, user, manager);
    if (CONCLUDED_STATES.has(found.state)) throw panelNotAssignable(found.state);
    return found;
  }

  private async candidates(manager: EntityManager, seats: Seat[], date: string) {
    const found = await loadCandidatesById(
      manager,
      seats.map((s) => s.mediatorId),
      date,
    );
    const byId = new Map(found.map((c) => [c.id, c]));
    const unknown = seats.find((s) => !byId.has(s.mediatorId));
    if (unknown) throw invalidField(unknown.field, 'mediators:validation.unknownMediator');
    return byId;
  }

  /** Throws 422 naming every hard rule the mediator breaks for this seat. */
  private checkEligible(match: MatchCase, candidate: CandidateMediator, s: Seat, staying: boolean) {
    const reasons = hardRuleReasons(
      match,
      candidate,
      s.role === 'interpreter' ? 'interpreter' : 'mediator',
    )
      // A member who keeps their seat already counts this case in their workload.
      .filter((r) => !(staying && r.key === 'mediators:exclusion.atCapacity'));
    if (!reasons.length) return;
    const sentences = reasons.map((r) => this.assignment.sentence(r));
    const separator = this.assignment.sentence({ key: 'mediators:list.separator', params: {} });
    const details: ErrorDetail[] = sentences.map((message, i) => ({
      field: s.field,
      key: reasons[i].key,
      message,
    }));
    throw mediatorNotEligible(candidate.displayName, sentences.join(separator), details);
  }

  private async remember(
    manager: EntityManager,
    caseId: string,
    mediatorId: string,
    kind: ChoiceKind,
    partyId: string | null,
    reason: string | null,
    user: AuthenticatedUser,
  ) {
    await manager.getRepository(CaseMediatorChoice).insert({
      caseId,
      mediatorId,
      partyId,
      kind,
      reason,
      at: new Date(),
      recordedBy: user.id,
    });
  }

  /** Unseats the member and seats a replacement in the same role: the one named, or the best suggested. */
  private async leaveAndReplace(
    manager: EntityManager,
    found: MediationCase,
    member: PanelMember,
    why: RemovalReason,
    note: string,
    replacementId: string | undefined,
    user: AuthenticatedUser,
  ): Promise<string | null> {
    await manager
      .getRepository(PanelMember)
      .update({ id: member.id }, { removedAt: new Date(), removalReason: why, removalNote: note });
    await adjustActiveCaseCounts(manager, [member.mediatorId], -1);
    const field = 'replacementId';
    const role = member.role;
    let chosen: string | null = null;
    if (replacementId) {
      const { match } = await loadMatchCase(manager, found, chinaToday());
      const candidates = await this.candidates(
        manager,
        [seat(replacementId, role, field)],
        match.date,
      );
      this.checkEligible(
        match,
        candidates.get(replacementId)!,
        seat(replacementId, role, field),
        false,
      );
      chosen = replacementId;
    } else {
      const { match, candidates, result } = await this.assignment.rank(manager, found);
      const byId = new Map(candidates.map((c) => [c.id, c]));
      const remaining = await loadCandidatesById(
        manager,
        match.currentPanel.map((p) => p.mediatorId),
        match.date,
      );
      for (const c of remaining) byId.set(c.id, c);
      if (role === 'interpreter') {
        // Whoever covers a language the remaining panel no longer speaks.
        const proposal = proposePanel(match.parties, { ...result, mediators: [] }, byId, {
          ...policyOf(found),
          staffMediatorForForeignParty: false,
        });
        chosen =
          proposal.seats.find(
            (s) =>
              s.role === 'interpreter' &&
              !match.currentPanel.some((p) => p.mediatorId === s.mediatorId),
          )?.mediatorId ?? null;
      } else {
        const staffLeft = match.currentPanel.some(
          (p) => p.role !== 'interpreter' && byId.get(p.mediatorId)?.kind === 'staff',
        );
        const needStaff =
          byId.get(member.mediatorId)?.kind === 'staff' ||
          (!staffLeft && policyOf(found).staffMediatorForForeignParty);
        chosen =
          (needStaff ? result.mediators.find((s) => s.kind === 'staff') : undefined)?.mediatorId ??
          result.mediators[0]?.mediatorId ??
          null;
      }
    }
    if (chosen) {
      await manager.getRepository(PanelMember).insert({
        caseId: found.id,
        mediatorId: chosen,
        role,
        assignedAt: new Date(),
        assignedBy: user.id,
      });
      await adjustActiveCaseCounts(manager, [chosen], 1);
    }
    return chosen;
  }

  private async reseat(
    manager: EntityManager,
    caseId: string,
    current: PanelMember[],
    wanted: Seat[],
    assignedBy: string | null,
    why: RemovalReason,
  ) {
    const now = new Date();
    const left = current.filter(
      (member) => !wanted.some((w) => w.mediatorId === member.mediatorId && w.role === member.role),
    );
    const joined = wanted.filter(
      (w) => !current.some((m) => m.mediatorId === w.mediatorId && m.role === w.role),
    );
    for (const member of left)
      await manager
        .getRepository(PanelMember)
        .update({ id: member.id }, { removedAt: now, removalReason: why });
    for (const w of joined)
      await manager.getRepository(PanelMember).insert({
        caseId,
        mediatorId: w.mediatorId,
        role: w.role,
        assignedAt: now,
        assignedBy,
      });
    // Panels change only on open cases (openCase), so every seat here counts.
    await adjustActiveCaseCounts(
      manager,
      left.map((m) => m.mediatorId),
      -1,
    );
    await adjustActiveCaseCounts(
      manager,
      joined.map((w) => w.mediatorId),
      1,
    );
  }
}

/** The seats a panel request asks for; a mediator named twice is refused. */
function seatsOf(dto: AssignPanelDto): Seat[] {
  const wanted: Seat[] = [
    { mediatorId: dto.leadId, role: 'lead', field: 'leadId' },
    ...(dto.coMediatorIds ?? []).map((id) => seat(id, 'co_mediator', 'coMediatorIds')),
    ...(dto.interpreterIds ?? []).map((id) => seat(id, 'interpreter', 'interpreterIds')),
  ];
  const twice = wanted.find((s, i) => wanted.findIndex((w) => w.mediatorId === s.mediatorId) < i);
  if (twice) throw invalidField(twice.field, 'mediators:validation.mediatorTwice');
  return wanted;
}

const seat = (mediatorId: string, role: PanelRole, field: string): Seat => ({
  mediatorId,
  role,
  field,
});
