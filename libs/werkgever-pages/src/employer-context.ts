import { Injectable } from '@nestjs/common';
import type { Actor } from '@werkbrug/auth';
import { EmployersService } from '@werkbrug/employers';
import { WerksoortenService } from '@werkbrug/werksoorten';
import { listAll } from '@werkbrug/http';
import type { EmployerLocationOption } from './workplace.form';

/** What several employer pages need: the employer's own record and the active werksoorten. */
@Injectable()
export class EmployerContext {
  private werksoortCache: { at: number; list: { code: string; name: string }[] } | null = null;

  constructor(
    private readonly employers: EmployersService,
    private readonly werksoorten: WerksoortenService,
  ) {}

  /** The signed-in employer, through the same scoping as GET /api/employers/:id. */
  employer(actor: Actor) {
    return this.employers.get(actor, actor.employerId as string);
  }

  async locations(actor: Actor): Promise<EmployerLocationOption[]> {
    return (await this.employer(actor)).locations;
  }

  /** Active werksoorten by name; reference data, remembered for a minute. */
  async werksoortList(): Promise<{ code: string; name: string }[]> {
    if (this.werksoortCache && Date.now() - this.werksoortCache.at < 60_000)
      return this.werksoortCache.list;
    const all = await listAll((q) => this.werksoorten.list({ ...q, active: 'true' }));
    const list = all
      .map((w) => ({ code: w.code, name: w.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    this.werksoortCache = { at: Date.now(), list };
    return list;
  }
}
