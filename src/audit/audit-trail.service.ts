import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, MoreThan } from 'typeorm';
import { currentContext } from '../request-context/request-context';
import { findBrokenLink, GENESIS_HASH, hashLink, ChainBreak } from './audit-chain';
import { AuditChainHead, AuditEntry } from './audit-entry.entity';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  /** Field names and non-personal values only. */
  summary?: Record<string, unknown>;
}

export interface ChainVerification {
  valid: boolean;
  entriesChecked: number;
  firstBrokenLink: ChainBreak | null;
}

/** Appends to and verifies the hash-chained audit trail. It has no update or delete path. */
@Injectable()
export class AuditTrail {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Must be called inside the transaction of the write it records. */
  async record(manager: EntityManager, record: AuditRecord): Promise<AuditEntry> {
    const context = currentContext();
    const headQuery = manager
      .getRepository(AuditChainHead)
      .createQueryBuilder('head')
      .where('head.id = 1');
    if (manager.connection.options.type === 'postgres') headQuery.setLock('pessimistic_write');
    const head = await headQuery.getOne();
    const prevHash = head?.lastHash ?? GENESIS_HASH;
    const seq = (head?.lastSeq ?? 0) + 1;
    const occurredAt = new Date();
    const link = {
      seq,
      occurredAt,
      actorId: context?.user?.id ?? null,
      actorUsername: context?.user?.username ?? null,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      summary: JSON.stringify(record.summary ?? {}),
      requestId: context?.requestId ?? null,
      prevHash,
    };
    const entry = manager.getRepository(AuditEntry).create({ ...link, hash: hashLink(link) });
    await manager.getRepository(AuditEntry).insert(entry);
    if (head) {
      await manager
        .getRepository(AuditChainHead)
        .update({ id: 1 }, { lastSeq: seq, lastHash: entry.hash });
    } else {
      await manager
        .getRepository(AuditChainHead)
        .insert({ id: 1, lastSeq: seq, lastHash: entry.hash });
    }
    return entry;
  }

  async list(filter: {
    entityType?: string;
    entityId?: string;
    afterSeq?: number;
    limit: number;
  }): Promise<AuditEntry[]> {
    return this.dataSource.getRepository(AuditEntry).find({
      where: {
        ...(filter.entityType ? { entityType: filter.entityType } : {}),
        ...(filter.entityId ? { entityId: filter.entityId } : {}),
        ...(filter.afterSeq ? { seq: MoreThan(filter.afterSeq) } : {}),
      },
      order: { seq: 'ASC' },
      take: filter.limit,
    });
  }

  /** Recomputes every hash in pages and reports the first broken link. */
  async verify(pageSize = 5000): Promise<ChainVerification> {
    const repository = this.dataSource.getRepository(AuditEntry);
    let prev = GENESIS_HASH;
    let nextSeq = 1;
    let checked = 0;
    for (;;) {
      const page = await repository.find({
        where: { seq: MoreThan(nextSeq - 1) },
        order: { seq: 'ASC' },
        take: pageSize,
      });
      if (page.length === 0) break;
      const result = findBrokenLink(page, prev, nextSeq);
      if (result.broken)
        return {
          valid: false,
          entriesChecked: checked + (result.nextSeq - nextSeq),
          firstBrokenLink: result.broken,
        };
      checked += page.length;
      prev = result.lastHash;
      nextSeq = result.nextSeq;
    }
    const head = await this.dataSource.getRepository(AuditChainHead).findOne({ where: { id: 1 } });
    if (head && (head.lastSeq !== nextSeq - 1 || head.lastHash !== prev)) {
      return {
        valid: false,
        entriesChecked: checked,
        firstBrokenLink: { seq: nextSeq, reason: 'sequence-gap' },
      };
    }
    return { valid: true, entriesChecked: checked, firstBrokenLink: null };
  }
}
