import { ChainLink, findBrokenLink, GENESIS_HASH, hashLink } from './audit-chain';

function chain(n: number): (ChainLink & { hash: string })[] {
  const out: (ChainLink & { hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const link: ChainLink = {
      seq,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)),
      actorId: 'u1',
      actorUsername: 'clerk',
      action: 'case.registered',
      entityType: 'case',
      entityId: `c${seq}`,
      summary: '{}',
      requestId: `r${seq}`,
      prevHash: prev,
    };
    const hash = hashLink(link);
    out.push({ ...link, hash });
    prev = hash;
  }
  return out;
}

describe('audit chain', () => {
  it('accepts an intact chain', () => {
    expect(findBrokenLink(chain(5)).broken).toBeNull();
  });
  it('finds an edited entry', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2], summary: '{"forged":true}' };
    expect(findBrokenLink(entries).broken).toEqual({ seq: 3, reason: 'hash-mismatch' });
  });
  it('finds a removed entry', () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(findBrokenLink(entries).broken).toEqual({ seq: 2, reason: 'sequence-gap' });
  });
  it('finds a re-hashed entry whose successor still points at the old hash', () => {
    const entries = chain(4);
    const forged = { ...entries[1], action: 'case.deleted' };
    entries[1] = { ...forged, hash: hashLink(forged) };
    expect(findBrokenLink(entries).broken).toEqual({ seq: 3, reason: 'previous-hash-mismatch' });
  });
});
