import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@werkbrug/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@werkbrug/audit';
import { type Actor, TokenService } from '@werkbrug/auth';
import { queryRows } from '@werkbrug/database';
import { OutboxService } from '@werkbrug/outbox';
import { ANONYMISE_CANDIDATE, DEACTIVATE_CANDIDATE_ACCOUNTS } from './anonymisation.sql';
import { appendErasure, readErasureLog } from './erasure-log';

/** Why a file is erased; kept in the audit line instead of any personal detail. */
export type ErasureReason = 'request' | 'self' | 'retention' | 'replay';

/**
 * Finds and row-locks the candidate inside the erasure transaction, applying the caller's scope.
 * Resolves false when the candidate is not there for this caller (404).
 */
export type CandidateLock = (em: EntityManager, candidateId: string) => Promise<boolean>;

/**
 * A part that keeps its own data about candidates (proposals, contact moments…) registers a step
 * that removes or blanks it; steps run inside the erasure transaction, before the audit line.
 */
export type ErasureStep = (em: EntityManager, candidateId: string) => Promise<void>;

/**
 * Every part that keeps data about candidates outside the candidate file, by step name. Erasure and
 * retention refuse to run while one of these has not registered its step: a process that forgot to
 * import the proposals or placements module fails loudly instead of leaving motivations, consents
 * and contact notes behind. A new part with candidate data adds its name here and registers it.
 */
export const REQUIRED_ERASURE_STEPS = [
  'proposals',
  'checkins',
  'interest_signals',
  'match_alerts',
  'instrument_calculations',
  'trajectories',
] as const;
export type ErasureStepName = (typeof REQUIRED_ERASURE_STEPS)[number];

export class ErasureIncompleteError extends Error {
  constructor(public readonly missing: string[]) {
    super(
      `Erasure is incomplete in this process: no step registered for ${missing.join(', ')}. ` +
        'Import the module that owns that data (ProposalsModule, PlacementsModule, InterestsErasureModule, ' +
        'AlertsErasureModule, InstrumentsModule, TrajectoriesModule) wherever erasure or retention runs.',
    );
  }
}

export interface ErasureResult {
  candidateId: string;
  accountsDeactivated: number;
}

const lockLiveCandidate: CandidateLock = async (em, id) =>
  (
    await queryRows<{ id: string }>(
      em,
      `SELECT id FROM candidates WHERE id = $1 AND erased_at IS NULL FOR UPDATE`,
      [id],
    )
  ).length > 0;

/**
 * The one erasure routine, for a werkmakelaar's request, the candidate's own request and the
 * retention job. Everything happens in one transaction, including the outbox row that makes the
 * worker delete the search document, so the index never keeps a file PostgreSQL has erased.
 */
@Injectable()
export class ErasureService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'erasureLogFile'>,
  ) {}

  private readonly steps = new Map<string, ErasureStep>();

  /** Call from the registering module's onModuleInit; the name keeps registration idempotent. */
  registerStep(name: ErasureStepName, step: ErasureStep) {
    this.steps.set(name, step);
  }

  /** Throws when a known part has not registered its step in this process. */
  assertComplete(): void {
    const missing = REQUIRED_ERASURE_STEPS.filter((name) => !this.steps.has(name));
    if (missing.length) throw new ErasureIncompleteError(missing);
  }

  /** Null when the lock did not find the candidate (unknown, not visible, or already erased). */
  erase(
    actor: Actor | null,
    candidateId: string,
    reason: ErasureReason,
    lock: CandidateLock = lockLiveCandidate,
  ): Promise<ErasureResult | null> {
    this.assertComplete();
    return this.db.transaction(async (em) => {
      if (!(await lock(em, candidateId))) return null;
      return this.eraseLocked(em, actor, candidateId, reason);
    });
  }

  private async eraseLocked(
    em: EntityManager,
    actor: Actor | null,
    candidateId: string,
    reason: ErasureReason,
  ): Promise<ErasureResult> {
    await queryRows(em, `DELETE FROM candidate_protected WHERE candidate_id = $1`, [candidateId]);
    await queryRows(em, ANONYMISE_CANDIDATE, [candidateId]);
    const accounts = await queryRows<{ id: string }>(em, DEACTIVATE_CANDIDATE_ACCOUNTS, [
      candidateId,
    ]);
    for (const account of accounts) await this.tokens.revokeAllFor(account.id, em);
    for (const step of this.steps.values()) await step(em, candidateId);
    await this.audit.record(em, actor, {
      action: 'candidate.erase',
      candidateId,
      details: { reason, accountsDeactivated: accounts.length },
    });
    await this.outbox.enqueue(em, {
      topic: 'search.candidate',
      aggregateType: 'candidate',
      aggregateId: candidateId,
    });
    // Last, just before the commit: the id (nothing else) outlives a restore of an older backup.
    await appendErasure(this.config.erasureLogFile, candidateId);
    return { candidateId, accountsDeactivated: accounts.length };
  }

  /**
   * Repeats every logged erasure that the database does not show (it was restored from a backup
   * taken before them). Idempotent: erased files are skipped. Returns how many were erased again.
   */
  async replayLog(): Promise<number> {
    const ids = readErasureLog(this.config.erasureLogFile).map((e) => e.candidateId);
    if (!ids.length) return 0;
    const live = await queryRows<{ id: string }>(
      this.db,
      `SELECT id FROM candidates WHERE id = ANY($1::uuid[]) AND erased_at IS NULL`,
      [ids],
    );
    let erased = 0;
    for (const { id } of live) if (await this.erase(null, id, 'replay')) erased++;
    return erased;
  }
}
