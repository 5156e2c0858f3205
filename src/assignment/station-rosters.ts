import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CandidateMediator } from './match-types';
import { loadStationRoster, StationRoster } from './ranking-loader';

/** Stations whose rosters are kept; more are read again (a county has a few dozen). */
const KEPT_STATIONS = 500;

/**
 * Each station's roster of candidates for suggestions, kept in memory while the roster version
 * (1765000000000-mediator-roster-version) stays what it was when the roster was read. The
 * version is read with the case, in the same statement, so a kept roster is used only when the
 * database says nothing in the registry has changed since, by this process or another.
 * Assignment inside a transaction never reads from here (ranking-loader's loadRankingInputs).
 */
@Injectable()
export class StationRosters {
  private readonly kept = new Map<string, StationRoster>();

  async candidates(
    manager: EntityManager,
    stationId: string,
    date: string,
    version: string,
  ): Promise<CandidateMediator[]> {
    const kept = this.kept.get(stationId);
    if (kept && kept.version === version && kept.date === date) return kept.candidates;
    const roster = await loadStationRoster(manager, stationId, date);
    if (this.kept.size >= KEPT_STATIONS) this.kept.clear();
    this.kept.set(stationId, roster);
    return roster.candidates;
  }
}
