/** Checks the page's messages before the engine host relays them to the worker. */
import { parseCommand, type Command, type EngineEvent } from '../../core/protocol';

/** Ids of the host's own commands count down from here; the page may not use this range. */
export const INTERNAL_ID_BASE = -1_000_000_000;

/** The page's message as a command, or the error event that answers it instead. */
export function parsePageCommand(message: unknown): Command | Extract<EngineEvent, { type: 'error' }> {
  const command = parseCommand(message);
  if (typeof command === 'string') {
    const id = typeof message === 'object' && message !== null ? (message as { id?: unknown }).id : null;
    return { type: 'error', replyTo: Number.isInteger(id) ? (id as number) : null, message: command };
  }
  if (command.id <= INTERNAL_ID_BASE) return { type: 'error', replyTo: command.id, message: 'That command id is reserved.' };
  return command;
}

/**
 * Whether a command changes what training does, so the host follows it with a state request
 * (the heartbeat that lets a restarted worker resume); play, pause, a trace and the page's
 * frame signal change nothing to keep.
 */
export function changesTraining(command: Command): boolean {
  const keeps =
    command.type === 'get-state' ||
    command.type === 'play' ||
    command.type === 'pause' ||
    command.type === 'drawn' ||
    command.type === 'trace-example';
  return !keeps;
}

/** The ids of the host's own commands, counting down from INTERNAL_ID_BASE, until each is answered. */
export class InternalIds {
  private next = INTERNAL_ID_BASE;
  private readonly open = new Set<number>();

  /** A fresh id for one of the host's own commands. */
  take(): number {
    const id = this.next--;
    this.open.add(id);
    return id;
  }

  /** Whether `replyTo` answers one of the host's own commands (which then counts as answered). */
  claim(replyTo: number): boolean {
    return this.open.delete(replyTo);
  }
}
