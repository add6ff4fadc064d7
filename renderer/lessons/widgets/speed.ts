/**
 * How fast a lesson's trainer trains: a few epochs a second to watch each step of learning,
 * or full speed. A step's preset picks where it starts (`speed`), the learner may change it.
 */
import type { Speed } from '../../../core/protocol';

/** Epochs a second, or 'full': as fast as the engine goes. */
export type LessonSpeed = 1 | 10 | 60 | 'full';

/** Where a trainer starts when its step does not say: full speed, as lesson trainers always ran. */
export const DEFAULT_LESSON_SPEED: LessonSpeed = 'full';

/** The choices the speed menu offers, slowest first, with their labels. */
export const LESSON_SPEEDS: readonly { speed: LessonSpeed; label: string }[] = [
  { speed: 1, label: '1 epoch a second' },
  { speed: 10, label: '10 epochs a second' },
  { speed: 60, label: '60 epochs a second' },
  { speed: 'full', label: 'Full speed' },
];

/** The engine's speed for a lesson speed. */
export function engineSpeed(speed: LessonSpeed): Speed {
  return speed === 'full' ? { mode: 'max' } : { mode: 'epochsPerSecond', epochs: speed };
}

/** A menu value (the option's text value) back to a lesson speed; unknown text is full speed. */
export function parseLessonSpeed(value: string): LessonSpeed {
  return LESSON_SPEEDS.find((s) => String(s.speed) === value)?.speed ?? 'full';
}
