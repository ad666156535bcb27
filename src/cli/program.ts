import { Command, CommanderError } from 'commander';
import { verifyCommand } from './commands/verify-command.js';
import { benchCommand } from './commands/bench-command.js';
import { demoCommand } from './commands/demo-command.js';
import { initCommand } from './commands/init-command.js';
import { peerCommand } from './commands/peer-command.js';
import { nodeCommand } from './commands/node-command.js';
import { exportCommand } from './commands/export-command.js';
import { EXIT, type CommandResult } from './commands/exit-codes.js';

/** Builds the `parley` command; each subcommand has its own --help. Returns the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  let result: CommandResult = EXIT.ok;
  const done = (r: CommandResult): void => {
    result = r;
  };
  const program = new Command('parley')
    .description('Parley: direct lines between two militaries, on a record neither side can quietly rewrite.')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  program.addCommand(demoCommand(done));
  program.addCommand(initCommand(done));
  program.addCommand(peerCommand(done));
  program.addCommand(nodeCommand(done));
  program.addCommand(exportCommand(done));
  program.addCommand(verifyCommand(done));
  program.addCommand(benchCommand(done));
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return result;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with exit code 0; anything else is a usage error.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    throw err;
  }
}
