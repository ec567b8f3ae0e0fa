import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@werkbrug/auth';
import type { Shareable } from './proposal-status';

export interface SharedPartContext {
  candidateId: string;
  vacancyId: string;
  /** Who the part is worked out for (an audited read of protected facts names them). */
  actor?: Actor | null;
}

/** Works out one shareable part (such as the financieel CV) for a proposal; null when unavailable. */
export type SharedPart = (em: EntityManager, ctx: SharedPartContext) => Promise<unknown>;

/**
 * Share options that another bounded part computes (the instruments part registers the "financieel CV").
 * The proposal views ask for them here, so proposals need not know how they are made: the employer
 * gets a part only while the candidate's consent covers it; the candidate sees it in the share preview.
 */
@Injectable()
export class SharedParts {
  private readonly parts = new Map<Shareable, SharedPart>();

  register(field: Shareable, part: SharedPart) {
    this.parts.set(field, part);
  }

  /** Every registered part: computed when `fields` includes it, else null. */
  async resolve(
    em: EntityManager,
    fields: readonly string[],
    ctx: SharedPartContext,
  ): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const [field, part] of this.parts)
      out[field] = fields.includes(field) ? await part(em, ctx) : null;
    return out;
  }

  get fields(): Shareable[] {
    return [...this.parts.keys()];
  }
}
