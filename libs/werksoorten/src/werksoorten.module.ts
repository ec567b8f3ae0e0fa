import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Werksoort } from './werksoort.entity';
import { WerksoortenController } from './werksoorten.controller';
import { WerksoortenService } from './werksoorten.service';

@Module({
  imports: [TypeOrmModule.forFeature([Werksoort])],
  controllers: [WerksoortenController],
  providers: [WerksoortenService],
  exports: [WerksoortenService],
})
export class WerksoortenModule {}
