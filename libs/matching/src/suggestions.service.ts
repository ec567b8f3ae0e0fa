import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '@werkbrug/auth';
import { matchReaderOf } from './engine/codes';
import { MatchingService, type MatchQuery } from './matching.service';
import { TtlCache } from './ttl-cache';

type MatchResult = Awaited<ReturnType<MatchingService['matchCandidate']>>;

/** A candidate reloads their suggestions often; the answer for the same profile and query is kept this long. */
const TTL_MS = 20_000;

/**
 * Match lists for the pages (the candidate's suggestions, the matches in a candidate file). The
 * matching service's own rules decide who may see whose matches, and which workplaces (inReachOf).
 * Results are cached per exact profile document and query, so a changed wish is never served stale.
 */
@Injectable()
export class SuggestionsService {
  private readonly cache = new TtlCache<MatchResult>(TTL_MS, 2000);

  constructor(private readonly matching: MatchingService) {}

  async forCandidate(actor: Actor, candidateId: string, query: MatchQuery): Promise<MatchResult> {
    const profile = await this.matching.candidateProfile(actor, candidateId);
    // The texts speak to the candidate or about them (the werkmakelaar): one answer per reader.
    const reader = matchReaderOf(actor.role);
    const key = createHash('sha256')
      .update(JSON.stringify([profile, query, reader]))
      .digest('base64url');
    // A candidate's reach is their own organisation's, which the profile in the key names: the
    // answer is kept already checked (one PostgreSQL check per answer, not per page view). For a
    // werkmakelaar what they may see of it is decided every time.
    const own = actor.role === 'kandidaat';
    const result = await this.cache.get(key, async () => {
      const found = await this.matching.matchCandidate(profile, query, reader);
      return own ? this.matching.inReachOf(actor, found) : found;
    });
    return own ? result : this.matching.inReachOf(actor, result);
  }
}
