import { answerWatchdog } from '@werkbrug/embedded';

// Imported first by main.ts: the supervisor's watchdog gets its answers from the earliest moment on.
answerWatchdog();
