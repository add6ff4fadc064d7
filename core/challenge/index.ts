/** A teacher's challenge: its rules (the format is core/project/challenge.ts). */
export * from './rules';
