import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import type { CliContext } from '../../platform/module.js';
import { detectLanguage } from './language.js';

/** `shoreline detect-language`: one text per line on stdin, one ISO 639-1 code (or `und`) per line out. */
export function routingCli(program: Command, _cli: CliContext): void {
  program
    .command('detect-language')
    .description(
      'Read one text per line on stdin; write its language (ISO 639-1, "und" when unsure) per line',
    )
    .action(async () => {
      const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
      for await (const line of lines) process.stdout.write(`${detectLanguage(line)}\n`);
    });
}
