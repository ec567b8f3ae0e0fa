import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxController } from './outbox.controller';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxService } from './outbox.service';

/** Global so every domain service can write outbox rows inside its own transaction. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage])],
  controllers: [OutboxController],
  providers: [OutboxService],
  exports: [OutboxService],
})
export class OutboxModule {}
