import { remembered } from '../common/remembered';
import { onLeave } from '../mediators/mediator-rules';
import { divisionPath } from '../reference/administrative-divisions';
import { primaryLanguage } from '../reference/languages-of-the-world';
import {
  CandidateMediator,
  Exclusion,
  MatchCase,
  MatchParty,
  Reason,
  ScorePart,
  Suggestion,
} from './match-types';

/**
 * Ranks a station's mediators for a case (以外调外, 乡音娘舅: DOMAIN.md). Hard rules first — a
 * mediator who breaks one is excluded, with every reason why — then a score of named parts, each
 * with the sentence that explains it. Pure: no database, no clock, no NestJS.
 */
export const POINTS = {
  nomination: 50,
  language: { native: 30, fluent: 22, working: 12 },
  /** A party's second and later languages count for half: they are understood, not preferred. */
  laterLanguageFactor: 0.5,
  nationality: 20,
  homeRegion: { county: 30, prefecture: 20, province: 10 },
  dialect: 12,
  specialty: 10,
  /** Full points with no active case, none at capacity. */
  workload: 10,
} as const;

export interface MatchResult {
  mediators: Suggestion[];
  interpreters: Suggestion[];
  excluded: Exclusion[];
}

export function matchMediators(
  match: MatchCase,
  candidates: CandidateMediator[],
  rotationSeed: string = match.caseId,
): MatchResult {
  const mediators: Suggestion[] = [];
  const interpreters: Suggestion[] = [];
  const excluded: Exclusion[] = [];
  for (const candidate of candidates) {
    const reasons = hardRuleReasons(match, candidate);
    if (reasons.length) {
      excluded.push({ mediatorId: candidate.id, displayName: candidate.displayName, reasons });
      continue;
    }
    if (candidate.roles.includes('mediator')) mediators.push(score(match, candidate, 'mediator'));
    if (candidate.roles.includes('interpreter'))
      interpreters.push(score(match, candidate, 'interpreter'));
  }
  const order = rotationOrder(rotationSeed);
  return { mediators: order(mediators), interpreters: order(interpreters), excluded };
}

/** Why a mediator may not sit on this case (empty when they may): for exclusions and nominations. */
export function hardRuleReasons(
  match: MatchCase,
  candidate: CandidateMediator,
  as?: 'mediator' | 'interpreter',
): Reason[] {
  const reasons: Reason[] = [];
  const key = (name: string, params: Reason['params'] = {}) =>
    reasons.push({ key: `mediators:exclusion.${name}`, params });
  if (as === 'mediator' && !candidate.roles.includes('mediator')) key('notMediator');
  if (as === 'interpreter' && !candidate.roles.includes('interpreter')) key('notInterpreter');
  if (match.currentPanel.some((m) => m.mediatorId === candidate.id)) key('onPanel');
  for (const exclusion of match.excluded.filter((e) => e.mediatorId === candidate.id)) {
    const party = match.parties.find((p) => p.partyId === exclusion.partyId);
    key(exclusion.kind, party ? partyParams(party) : {});
  }
  if (candidate.status !== 'active') key('inactive');
  const leave = candidate.leavePeriods.find((p) => onLeave([p], match.date));
  if (leave) key('onLeave', { until: leave.endsOn });
  if (!candidate.stationIds.includes(match.stationId)) key('otherStation');
  const alreadyOnPanel = match.currentPanel.some((m) => m.mediatorId === candidate.id);
  if (!alreadyOnPanel && candidate.activeCaseCount >= candidate.capacity)
    key('atCapacity', { active: candidate.activeCaseCount, capacity: candidate.capacity });
  for (const party of match.parties) {
    if (isTheParty(candidate, party)) key('isParty', { role: party.role });
    const conflict = candidate.conflicts.find((c) => conflictsWith(c, party));
    if (conflict) key('declaredConflict', partyParams(party, { relation: conflict.relation }));
  }
  return reasons;
}

function score(
  match: MatchCase,
  candidate: CandidateMediator,
  as: 'mediator' | 'interpreter',
): Suggestion {
  const parts: Record<ScorePart, number> = {
    nomination: 0,
    language: 0,
    nationality: 0,
    homeRegion: 0,
    dialect: 0,
    specialty: 0,
    workload: 0,
  };
  const reasons: Suggestion['reasons'] = [];
  const add = (part: ScorePart, points: number, key: string, params: Reason['params']) => {
    parts[part] += points;
    reasons.push({ part, key: `mediators:reason.${key}`, params });
  };

  for (const nomination of match.nominations ?? []) {
    const party = match.parties.find((p) => p.partyId === nomination.partyId);
    if (nomination.mediatorId === candidate.id && party && as === 'mediator')
      add('nomination', POINTS.nomination, 'nominated', partyParams(party));
  }
  for (const party of match.parties) {
    const best = bestLanguage(party, candidate);
    if (best)
      add(
        'language',
        best.points,
        'language',
        partyParams(party, { language: best.tag, level: best.level }),
      );
  }
  // An interpreter is chosen for languages alone: origin and specialty make a mediator trusted,
  // not an interpreter.
  if (as === 'mediator') {
    const compatriot = match.parties.find(
      (p) => p.nationality && p.nationality !== 'CN' && p.nationality === candidate.nationality,
    );
    if (compatriot)
      add(
        'nationality',
        POINTS.nationality,
        'nationality',
        partyParams(compatriot, { country: candidate.nationality }),
      );
    const region = bestRegion(match.parties, candidate);
    if (region) add('homeRegion', region.points, 'homeRegion', region.params);
    const fellow = match.parties.find((p) =>
      p.dialects.some((d) => candidate.dialects.includes(d)),
    );
    if (fellow)
      add(
        'dialect',
        POINTS.dialect,
        'dialect',
        partyParams(fellow, {
          dialect: fellow.dialects.find((d) => candidate.dialects.includes(d))!,
        }),
      );
    if (candidate.specialties.includes(match.disputeType))
      add('specialty', POINTS.specialty, 'specialty', { disputeType: match.disputeType });
  }
  const free = Math.max(0, 1 - candidate.activeCaseCount / Math.max(1, candidate.capacity));
  add('workload', Math.round(POINTS.workload * free), 'workload', {
    active: candidate.activeCaseCount,
    capacity: candidate.capacity,
  });
  const total =
    parts.nomination +
    parts.language +
    parts.nationality +
    parts.homeRegion +
    parts.dialect +
    parts.specialty +
    parts.workload;
  return {
    mediatorId: candidate.id,
    displayName: candidate.displayName,
    kind: candidate.kind,
    roles: candidate.roles,
    total,
    parts,
    reasons,
  };
}

/** The best language the candidate shares with a party: native > fluent > working, first choice first. */
export function bestLanguage(
  party: Pick<MatchParty, 'languages'>,
  candidate: Pick<CandidateMediator, 'languages'>,
): { tag: string; level: 'native' | 'fluent' | 'working'; points: number } | null {
  let best: { tag: string; level: 'native' | 'fluent' | 'working'; points: number } | null = null;
  party.languages.forEach((tag, index) => {
    const primary = primaryOf(tag);
    const spoken = candidate.languages.find((l) => primaryOf(l.tag) === primary);
    if (!spoken) return;
    const factor = index === 0 ? 1 : POINTS.laterLanguageFactor;
    const points = Math.round(POINTS.language[spoken.level] * factor);
    if (!best || points > best.points) best = { tag, level: spoken.level, points };
  });
  return best;
}

function bestRegion(
  parties: MatchParty[],
  candidate: CandidateMediator,
): { points: number; params: Reason['params'] } | null {
  if (!candidate.homeRegionCode) return null;
  const own = pathOf(candidate.homeRegionCode);
  let best: { points: number; params: Reason['params'] } | null = null;
  for (const party of parties) {
    if (!party.homeRegionCode) continue;
    const theirs = pathOf(party.homeRegionCode);
    const shared = (['county', 'prefecture', 'province'] as const).find(
      (level) => own[level] && theirs[level] && own[level]!.code === theirs[level]!.code,
    );
    if (!shared) continue;
    const points = POINTS.homeRegion[shared];
    if (!best || points > best.points)
      best = { points, params: partyParams(party, { region: own[shared]!.code }) };
  }
  return best;
}

// Asked for the same few hundred names, tags and region codes by every candidate of every request.
const primaryOf = remembered(primaryLanguage);
/** Shared between callers: read, never changed. */
const pathOf = remembered(divisionPath);
const normaliseText = remembered((name) =>
  name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim(),
);
const normalise = (name: string | null | undefined) => normaliseText(name ?? '');

/** The mediator is themself this party: same full name and nationality. */
function isTheParty(candidate: CandidateMediator, party: MatchParty): boolean {
  if (party.kind !== 'person') return false;
  if (party.nationality && party.nationality !== candidate.nationality) return false;
  const own = [candidate.displayName, candidate.nameLatin, candidate.nameZh].map(normalise);
  const theirs = [party.displayName, party.nameLatin, party.nameZh].map(normalise);
  return own.some((n) => n !== '' && theirs.includes(n));
}

function conflictsWith(conflict: CandidateMediator['conflicts'][number], party: MatchParty) {
  if (conflict.kind === 'organisation') {
    if (party.kind !== 'organisation') return false;
    return (
      (!!conflict.organisationId && conflict.organisationId === party.organisationId) ||
      (!!conflict.creditCode && conflict.creditCode === party.creditCode) ||
      (!!conflict.name &&
        [party.organisationName, party.displayName, party.nameZh, party.nameLatin]
          .map(normalise)
          .includes(normalise(conflict.name)))
    );
  }
  if (conflict.personId) {
    if (conflict.personId === party.personId) return true;
    if (party.relatedPersonIds?.includes(conflict.personId)) return true;
  }
  return (
    party.kind === 'person' &&
    !!conflict.name &&
    [party.displayName, party.nameZh, party.nameLatin]
      .map(normalise)
      .includes(normalise(conflict.name))
  );
}

/**
 * Parameters naming a party in a sentence; the renderer picks the name for the reader's script.
 * `more` follows, in its own order. Built by assignment rather than spread: spreading objects of
 * varying shape was most of the scoring time.
 */
export function partyParams(party: MatchParty, more?: Reason['params']): Reason['params'] {
  const params: Reason['params'] = { role: party.role, party: party.displayName };
  if (party.nameLatin) params.partyLatin = party.nameLatin;
  if (party.nameZh) params.partyZh = party.nameZh;
  if (more) for (const name of Object.keys(more)) params[name] = more[name];
  return params;
}

/**
 * Highest score first; equal scores in an order drawn from (seed, mediator id), so the same
 * mediator is not always first among equals and yet one case always ranks the same way.
 */
export function rotationOrder(seed: string) {
  return (suggestions: Suggestion[]): Suggestion[] => {
    const keyed = suggestions.map((s) => ({ s, key: tieBreaker(seed, s.mediatorId) }));
    keyed.sort((a, b) => b.s.total - a.s.total || a.key - b.key);
    return keyed.map((k) => k.s);
  };
}

/** FNV-1a (32 bit) of seed and id, then a final avalanche: cheap enough for thousands of candidates. */
export function tieBreaker(seed: string, mediatorId: string): number {
  const text = `${seed}:${mediatorId}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash >>> 0;
}
