import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { chinaToday } from '../common/calendar/china-day';
import { CandidateMediator } from './match-types';
import { loadStationRoster, StationRoster } from './ranking-loader';

/** Stations whose rosters are kept; more are read again (a county has a few dozen). */
const KEPT_STATIONS = 500;

/** How long after the start the rosters are read ahead, once the service answers. */
const READ_AHEAD_DELAY_MS = 1000;

/**
 * Each station's roster of candidates for suggestions, kept in memory while the roster version
 * (1765000000000-mediator-roster-version) stays what it was when the roster was read. The
 * version is read with the case, in the same statement, so a kept roster is used only when the
 * database says nothing in the registry has changed since, by this process or another.
 * Assignment inside a transaction never reads from here (ranking-loader's loadRankingInputs).
 *
 * Shortly after the start every active station's roster is read ahead, so that the first
 * suggestions of each station do not wait for it.
 */
@Injectable()
export class StationRosters implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(StationRosters.name);
  private readonly kept = new Map<string, StationRoster>();
  private readAhead: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopping = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async candidates(
    manager: EntityManager,
    stationId: string,
    date: string,
    version: string,
  ): Promise<CandidateMediator[]> {
    const kept = this.kept.get(stationId);
    if (kept && kept.version === version && kept.date === date) return kept.candidates;
    const roster = await loadStationRoster(manager, stationId, date);
    this.keep(roster);
    return roster.candidates;
  }

  onApplicationBootstrap(): void {
    this.timer = setTimeout(() => {
      this.readAhead = this.readAllAhead().catch((error: unknown) =>
        this.logger.warn(`rosters not read ahead: ${String(error)}`),
      );
    }, READ_AHEAD_DELAY_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    await this.readAhead;
  }

  private async readAllAhead(): Promise<void> {
    const stations: { id: string }[] = await this.dataSource
      .createQueryBuilder()
      .select('st.id', 'id')
      .from('station', 'st')
      .where('st.active = :active', { active: true })
      .getRawMany();
    const date = chinaToday();
    for (const { id } of stations) {
      if (this.stopping) return;
      if (this.kept.has(id)) continue;
      const roster = await loadStationRoster(this.dataSource.manager, id, date);
      // A request may have kept a newer one meanwhile.
      if (!this.kept.has(id)) this.keep(roster);
    }
  }

  private keep(roster: StationRoster): void {
    if (this.kept.size >= KEPT_STATIONS) this.kept.clear();
    this.kept.set(roster.stationId, roster);
  }
}
