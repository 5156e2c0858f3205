import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as bcrypt from 'bcryptjs';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.service';
import { BCRYPT_ROUNDS } from '../auth/auth.service';
import { User } from '../auth/user.entity';
import { TransactionRunner } from '../database/transaction-runner';
import { DEFAULT_PANEL_POLICY, Station } from '../stations/station.entity';
import { CaseIntake } from '../cases/case-intake.service';
import { CaseLifecycle } from '../cases/case-lifecycle.service';
import { CaseParty } from '../cases/case-party.entity';
import { MediationCase } from '../cases/mediation-case.entity';
import { PanelService } from '../assignment/panel.service';
import { DEMO_STATIONS, DEMO_USERS } from './demo-data';
import { seedDemoCases } from './demo-cases';
import { seedDemoMediators } from './demo-mediators';

/**
 * Demo data for a newcomer: Yiwu's Jincheng immigration service station and foreign-dispute
 * committee, Haining Xishan's committee and one user of each role. Runs only on an empty database.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('Demo');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditTrail,
    private readonly intake: CaseIntake,
    private readonly lifecycle: CaseLifecycle,
    private readonly panels: PanelService,
  ) {}

  async seedIfEmpty(): Promise<boolean> {
    if ((await this.dataSource.getRepository(Station).count()) > 0) return false;
    await this.transactions.run((manager) => this.seed(manager));
    this.logger.log('Demo data seeded (see README for the demo accounts)');
    return true;
  }

  private async seed(manager: EntityManager): Promise<void> {
    const stationIds = new Map<string, string>();
    for (const demo of DEMO_STATIONS) {
      const station = manager.getRepository(Station).create({
        ...demo,
        parentId: demo.parentCode ? stationIds.get(demo.parentCode)! : null,
        panelPolicy: DEFAULT_PANEL_POLICY,
      });
      await manager.getRepository(Station).insert(station);
      stationIds.set(demo.code, station.id);
      await this.audit.record(manager, {
        action: 'station.created',
        entityType: 'station',
        entityId: station.id,
        summary: { code: demo.code, demo: true },
      });
    }
    for (const demo of DEMO_USERS) {
      const user = manager.getRepository(User).create({
        username: demo.username,
        displayName: demo.displayName,
        passwordHash: await bcrypt.hash(demo.password, BCRYPT_ROUNDS),
        role: demo.role,
        stationId: demo.stationCode ? stationIds.get(demo.stationCode)! : null,
        mediatorId: null,
        countyCode: demo.countyCode ?? null,
        preferredLanguage: demo.preferredLanguage,
      });
      await manager.getRepository(User).insert(user);
      await this.audit.record(manager, {
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        summary: { role: demo.role, demo: true },
      });
    }
    const mediatorIds = await seedDemoMediators(manager, stationIds, this.audit);
    await seedDemoCases(
      manager,
      stationIds,
      (m, dto) => this.intake.registerWithin(m, dto, null),
      async (m, caseId, step, demo) => {
        if (step === 'panel') {
          await this.seatPanel(m, caseId, demo.panel!, mediatorIds);
        } else if (step === 'notice') {
          // Each party received the notice of rights and duties in their first language.
          const parties = await m
            .getRepository(CaseParty)
            .find({ where: { caseId }, relations: { person: true } });
          for (const party of parties) {
            const language = party.person?.preferredLanguages[0] ?? 'zh-CN';
            await m
              .getRepository(CaseParty)
              .update(
                { id: party.id },
                { rightsNoticeAt: new Date(), rightsNoticeLanguage: language },
              );
          }
        } else if (step === 'withdrawn') {
          await this.lifecycle.transition(
            m,
            caseId,
            'withdrawn',
            'manual',
            '房东已退还押金，申请人撤回申请',
          );
        } else {
          await this.lifecycle.transition(m, caseId, step, 'manual');
        }
      },
    );
  }

  /** Seats a demo panel through the assignment module's own rules and writes. */
  private async seatPanel(
    manager: EntityManager,
    caseId: string,
    panel: { lead: string; coMediators: string[] },
    mediatorIds: Map<string, string>,
  ): Promise<void> {
    const found = await manager.getRepository(MediationCase).findOneOrFail({
      where: { id: caseId },
      relations: { station: true, parties: { person: true, organisation: true } },
    });
    await this.panels.assignWithin(
      manager,
      found,
      {
        leadId: mediatorIds.get(panel.lead)!,
        coMediatorIds: panel.coMediators.map((name) => mediatorIds.get(name)!),
      },
      null,
    );
  }
}
