import { Command } from 'commander';

/** Builds the `parley` command; each subcommand registers itself with its own --help. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const program = new Command('parley').description('Parley: a bilateral record neither side can quietly rewrite.');
  program.exitOverride();
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return 0;
  } catch (err) {
    const code = (err as { exitCode?: number }).exitCode;
    return typeof code === 'number' ? (code === 0 ? 0 : 2) : 1;
  }
}
