import { Command, CommanderError } from 'commander';
import { verifyCommand } from './commands/verify-command.js';
import { benchCommand } from './commands/bench-command.js';
import { demoCommand } from './commands/demo-command.js';
import { initCommand } from './commands/init-command.js';
import { peerCommand } from './commands/peer-command.js';
import { nodeCommand } from './commands/node-command.js';
import { exportCommand } from './commands/export-command.js';
import { EXIT, type CommandResult } from './commands/exit-codes.js';
import { speakChosenLanguage } from './commander-language.js';
import { chooseLanguage, inEveryLanguage, t, useLanguage } from './i18n.js';

/**
 * Builds the `parley` command; each subcommand has its own --help. Returns the exit code.
 * The language is settled from argv and the environment first: help texts are written as the
 * commands are built.
 */
export async function runCli(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const choice = chooseLanguage(argv, env);
  if ('refused' in choice) {
    // Which language the person reads is what is in question, so the refusal is in both.
    process.stderr.write(inEveryLanguage('cli.unknownLanguage', { value: choice.refused, from: choice.from }) + '\n');
    return EXIT.usage;
  }
  useLanguage(choice.language);
  let result: CommandResult = EXIT.ok;
  const done = (r: CommandResult): void => {
    result = r;
  };
  const program = new Command('parley')
    .description(t('cli.description'))
    // Read before the program is built (chooseLanguage); declared so that help lists it and parsing accepts it anywhere.
    .option('--lang <language>', t('cli.langOption'))
    .exitOverride();
  program.addCommand(demoCommand(done));
  program.addCommand(initCommand(done));
  program.addCommand(peerCommand(done));
  program.addCommand(nodeCommand(done));
  program.addCommand(exportCommand(done));
  program.addCommand(verifyCommand(done));
  program.addCommand(benchCommand(done));
  speakChosenLanguage(program);
  // Every usage error, however deep the subcommand (`parley peer add`), reaches the catch below as a CommanderError: exit 2.
  const everyCommand = (command: Command): Command[] => [command, ...command.commands.flatMap(everyCommand)];
  for (const command of everyCommand(program)) command.exitOverride();
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
