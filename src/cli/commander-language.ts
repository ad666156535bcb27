import { Help, type Command } from 'commander';
import { t } from './i18n.js';
import { columns, wrap } from './terminal-text.js';

/*
 * Commander writes some text of its own: the help's headings, the help option and command, and
 * its usage errors. Its headings and errors are fixed English strings, so they are mapped to the
 * locale here: headings by name, errors by the shape of commander's sentence. A sentence of
 * a later commander that matches none of these is shown as commander wrote it.
 */

const TITLES: Readonly<Record<string, string>> = {
  'Usage:': 'help.usage',
  'Arguments:': 'help.arguments',
  'Options:': 'help.options',
  'Global Options:': 'help.globalOptions',
  'Commands:': 'help.commands',
};

const ERRORS: readonly (readonly [RegExp, string])[] = [
  [/^error: unknown option '(?<flag>.*?)'/, 'usage.unknownOption'],
  [/^error: unknown command '(?<name>.*?)'/, 'usage.unknownCommand'],
  [/^error: missing required argument '(?<name>.*?)'/, 'usage.missingArgument'],
  [/^error: option '(?<flags>.*?)' argument missing/, 'usage.optionArgumentMissing'],
  [/^error: required option '(?<flags>.*?)' not specified/, 'usage.requiredOption'],
  [/^error: option '(?<flags>.*?)' argument '(?<value>.*?)' is invalid\. (?<reason>.*?)\n?$/s, 'usage.invalidOptionValue'],
  [/^error: command-argument value '(?<value>.*?)' is invalid for argument '(?<name>.*?)'\. (?<reason>.*?)\n?$/s, 'usage.invalidArgumentValue'],
  [/^error: too many arguments(?: for '(?<name>.*?)')?\. Expected (?<expected>\d+) arguments? but got (?<got>\d+)\./, 'usage.tooManyArguments'],
];
const SUGGESTION = /\n\(Did you mean (?:one of )?(?<similar>.*)\?\)/;

/** A usage error of commander's, in the chosen language. */
export function usageErrorText(text: string): string {
  for (const [pattern, key] of ERRORS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const { expected, ...values } = Object.fromEntries(Object.entries(match.groups ?? {}).filter(([, value]) => value !== undefined));
    const sentence = t(key, { name: 'parley', ...values, ...(expected !== undefined && { count: Number(expected) }) });
    const suggestion = SUGGESTION.exec(text)?.groups?.similar;
    return sentence + (suggestion ? '\n' + t('usage.didYouMean', { similar: suggestion }) : '') + '\n';
  }
  return text;
}

const help = new Help();

/** Help laid out in the chosen language: headings translated, widths counted in terminal columns, Chinese wrapped between characters. */
const helpConfiguration: Partial<Help> = {
  // --lang is the program's, and each subcommand's help says so.
  showGlobalOptions: true,
  styleTitle: (title: string) => (TITLES[title] ? t(TITLES[title]) : title),
  displayWidth: (text: string) => columns(text),
  boxWrap: (text: string, width: number) => (width < help.minWidthToWrap ? text : wrap(text, width)),
  optionDescription(option) {
    return help.optionDescription(option).replace(/\(default: (.*)\)$/, (_, value: string) => t('help.default', { value }));
  },
};

/**
 * Gives `command` and every subcommand the chosen language's help texts and usage errors.
 * Applied once the tree is built: commands made with `new Command` and added with addCommand
 * do not inherit their parent's settings.
 */
export function speakChosenLanguage(command: Command): void {
  command
    .helpOption('-h, --help', t('help.helpOption'))
    .configureHelp(helpConfiguration)
    .configureOutput({ outputError: (text, write) => write(usageErrorText(text)) })
    .showHelpAfterError(t('usage.addHelp'));
  if (command.commands.length > 0) command.helpCommand('help [command]', t('help.helpCommand'));
  for (const sub of command.commands) speakChosenLanguage(sub);
}
