import { Logger } from '@nestjs/common';

// Nest's own logger prints warnings that tests provoke on purpose; TEST_LOG_LEVEL=debug shows them.
if (!process.env.TEST_LOG_LEVEL) Logger.overrideLogger(false);
