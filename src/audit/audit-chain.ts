import { createHash } from 'crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainLink {
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  requestId: string | null;
  prevHash: string;
}

/** Hash of an entry's content and its predecessor's hash; field order is fixed so it is stable. */
export function hashLink(link: ChainLink): string {
  const canonical = JSON.stringify([
    link.seq,
    link.occurredAt.toISOString(),
    link.actorId,
    link.actorUsername,
    link.action,
    link.entityType,
    link.entityId,
    link.summary,
    link.requestId,
    link.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export type ChainBreak = {
  seq: number;
  reason: 'sequence-gap' | 'previous-hash-mismatch' | 'hash-mismatch';
};

/**
 * Walks entries in sequence order and returns the first broken link, if any. `expectedPrev` and
 * `expectedSeq` let the caller verify the chain page by page.
 */
export function findBrokenLink(
  entries: (ChainLink & { hash: string })[],
  expectedPrev = GENESIS_HASH,
  expectedSeq = 1,
): { broken: ChainBreak | null; lastHash: string; nextSeq: number } {
  let prev = expectedPrev;
  let seq = expectedSeq;
  for (const entry of entries) {
    if (entry.seq !== seq)
      return { broken: { seq, reason: 'sequence-gap' }, lastHash: prev, nextSeq: seq };
    if (entry.prevHash !== prev) {
      return {
        broken: { seq: entry.seq, reason: 'previous-hash-mismatch' },
        lastHash: prev,
        nextSeq: seq,
      };
    }
    if (hashLink(entry) !== entry.hash) {
      return { broken: { seq: entry.seq, reason: 'hash-mismatch' }, lastHash: prev, nextSeq: seq };
    }
    prev = entry.hash;
    seq += 1;
  }
  return { broken: null, lastHash: prev, nextSeq: seq };
}
