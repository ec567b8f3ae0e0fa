import { Injectable } from '@nestjs/common';
import type { Actor } from '@werkbrug/auth';
import { EmployersService } from '@werkbrug/employers';
import { WerksoortenService } from '@werkbrug/werksoorten';
import type { EmployerLocationOption } from './workplace.form';

/** What several employer pages need: the employer's own record and the active werksoorten. */
@Injectable()
export class EmployerContext {
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

  /** The active werksoorten by name (the service remembers them). */
  async werksoortList(): Promise<{ code: string; name: string }[]> {
    return this.werksoorten.activeByName();
  }
}
