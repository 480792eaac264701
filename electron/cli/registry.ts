import type { Command } from 'commander';
import type { Engine } from '../engine/service';
import type { SafeOutput } from './output';

export interface CommandContext {
  out: SafeOutput;
  getEngine: () => Engine;
  exit: { code: number };
}

/**
 * Commands beyond the socket table (scan, probe, diagnose, serve, report) register here, each
 * from its own module, so main.ts stays a list of wiring.
 */
const registrars: Array<(program: Command, ctx: CommandContext) => void> = [];

export function registerExtraCommands(program: Command, ctx: CommandContext): void {
  for (const register of registrars) register(program, ctx);
}

export function addCommandRegistrar(register: (program: Command, ctx: CommandContext) => void): void {
  registrars.push(register);
}
