import { Injectable, OnModuleInit } from '@nestjs/common';
import { WerksoortenService } from '@werkbrug/werksoorten';
import { VacanciesService } from './vacancies.service';

/** A werksoort merge moves the workplaces through VacanciesService (this lib owns vacancies). */
@Injectable()
export class VacancyWerksoortHolder implements OnModuleInit {
  constructor(
    private readonly werksoorten: WerksoortenService,
    private readonly vacancies: VacanciesService,
  ) {}

  onModuleInit() {
    this.werksoorten.registerHolder('vacancies', {
      moveWerksoort: (em, from, into) => this.vacancies.renameWerksoort(em, from.id, into.id),
    });
  }
}
