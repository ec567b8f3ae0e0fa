/**
 * The question `npm start`'s watchdog sends a supervised child over its IPC channel, and the answer:
 * an answer proves the child's event loop still turns (not stopped, not stuck in a loop).
 */
export const WATCHDOG_PING = 'werkbrug-watchdog-ping';
export const WATCHDOG_PONG = 'werkbrug-watchdog-pong';

export interface WatchdogMessage {
  type: typeof WATCHDOG_PING | typeof WATCHDOG_PONG;
  id: number;
}

const isPing = (message: unknown): message is WatchdogMessage =>
  (message as Partial<WatchdogMessage> | null)?.type === WATCHDOG_PING;

/**
 * In a child started with an IPC channel: answers each ping. The channel does not keep the process
 * alive (the child stops on its own terms, see apps/*\/main.ts).
 */
export function answerWatchdog(): void {
  if (!process.send) return;
  process.on('message', (message) => {
    if (!isPing(message) || !process.connected) return;
    process.send?.(
      { type: WATCHDOG_PONG, id: message.id } satisfies WatchdogMessage,
      undefined,
      {},
      () => undefined,
    );
  });
  process.channel?.unref();
}
