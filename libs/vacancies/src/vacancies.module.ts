import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WerksoortenModule } from '@werkbrug/werksoorten';
import { Vacancy } from './vacancy.entity';
import { VacanciesController } from './vacancies.controller';
import { VacanciesService } from './vacancies.service';
import { VacancyWerksoortHolder } from './vacancy-werksoort-holder';

@Module({
  imports: [TypeOrmModule.forFeature([Vacancy]), WerksoortenModule],
  controllers: [VacanciesController],
  providers: [VacanciesService, VacancyWerksoortHolder],
  exports: [VacanciesService],
})
export class VacanciesModule {}
