/** The clean-news command: parse the command line, run the pipeline, turn the outcome into an exit status. */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { builtinRules } from '../rules/index.js';
import { checkInputs } from './check.js';
import { STDIN_ARGUMENT } from './inputs.js';
import { FORMATS, StdoutSink, type Format } from './output.js';
import { cleanInputs } from './pipeline.js';
import { Reporter } from './report.js';
import { formatRuleJson, formatRuleTable, ruleRows } from './rules.js';

const EXIT_OK = 0;
const EXIT_FAILURES = 1;
const EXIT_USAGE = 2;

// Flags that are not given are absent, not false.
interface CliOptions {
  format: Format;
  stdout?: true;
  outDir?: string;
  maxRemoved?: number;
  quiet?: true;
  debug?: true;
  explain?: true;
  stats?: true;
  /** False under --no-color. */
  color: boolean;
}

interface CheckCliOptions {
  outDir?: string;
  update?: true;
  quiet?: true;
  debug?: true;
  color: boolean;
}

/** What the command line asked for. */
type ParsedCommand =
  | { name: 'clean'; paths: string[]; options: CliOptions }
  | { name: 'check'; paths: string[]; options: CheckCliOptions }
  | { name: 'rules'; format: Format };

const EXAMPLES = `
Each NAME.txt is cleaned into NAME.clean.txt (or NAME.clean.json) beside it.
Outputs (*.clean.txt, *.clean.json) are never taken as inputs.

Examples:
  clean-news pages/                    every .txt file under pages/
  clean-news 'pages/**/*.txt' --out-dir clean
  clean-news --stdout --format json page.txt
  curl -s URL | clean-news             stdin to stdout
  clean-news --max-removed 0.5 pages/  in CI: fail any page that would lose over half its text
  clean-news --explain page.txt        show what each rule removed
  clean-news check fixtures/           compare with the expected outputs (see 'clean-news check --help')
  clean-news rules                     list the built-in rules

Exit status: 0 all cleaned, 1 some inputs failed, 2 usage error.`;

const CHECK_HELP = `
For each input NAME.txt with an expected NAME.clean.txt and/or NAME.clean.json beside it (or
under --out-dir), cleans it in memory and compares byte for byte. Differences are printed as
unified diffs on stdout, then one line: N checked, M differ, K without expected output.

Exit status: 0 all match (or all updated), 1 some differ or failed, 2 usage error.`;

/** Runs the command; never exits the process itself, so piped output is never cut short. */
export async function main(argv: string[]): Promise<number> {
  let command: ParsedCommand;
  try {
    command = parseCommand(argv);
  } catch (err) {
    // --help and --version end parsing with status 0; everything else commander stops at is a usage error.
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    new Reporter({}).crash(err);
    return EXIT_FAILURES;
  }
  if (command.name === 'rules') return await printRules(command.format);
  const reporter = new Reporter(command.options);
  try {
    if (command.name === 'check') {
      const counts = await checkInputs(command.paths, command.options, reporter);
      return counts.failed > 0 || (counts.differ > 0 && !command.options.update) ? EXIT_FAILURES : EXIT_OK;
    }
    return (await cleanInputs(command.paths, command.options, reporter)) === 0 ? EXIT_OK : EXIT_FAILURES;
  } catch (err) {
    reporter.crash(err);
    return EXIT_FAILURES;
  }
}

async function printRules(format: Format): Promise<number> {
  const stdout = new StdoutSink();
  const rows = ruleRows(builtinRules);
  await stdout.write(format === 'json' ? formatRuleJson(rows) : formatRuleTable(rows));
  await stdout.flush();
  if (stdout.error === undefined) return EXIT_OK;
  new Reporter({}).failure('standard output', stdout.error);
  return EXIT_FAILURES;
}

/** Throws a CommanderError (already reported on stderr) for usage errors, --help and --version. */
function parseCommand(argv: string[]): ParsedCommand {
  let parsed: ParsedCommand | undefined;
  const program = buildProgram((command) => (parsed = command));
  program.parse(argv, { from: 'user' });
  // Every way through commander either calls an action or throws.
  if (parsed === undefined) throw new Error('no command was parsed');
  return parsed;
}

function buildProgram(onParsed: (command: ParsedCommand) => void): Command {
  const program = new Command('clean-news')
    .description('Turn scraped news pages (plain .txt) into clean article text.')
    .usage('[options] [paths...]')
    .argument('[paths...]', `files, directories (their *.txt files, recursively) or globs; ${STDIN_ARGUMENT} for stdin`)
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('text'))
    .option('--stdout', 'print results instead of writing files')
    .addOption(new Option('--out-dir <dir>', 'write outputs under DIR, keeping relative paths').conflicts(['stdout', 'explain']))
    .addOption(new Option('--max-removed <ratio>', 'fail a page, writing nothing, if cleaning removes over RATIO (0-1) of its text').argParser(parseRatio))
    .option('--explain', 'print each page with every removal marked with its rule (with --format json: the removals); writes no files')
    .option('--stats', 'after the run, print on stderr how much each rule removed and the rules that never fired')
    .option('--no-color', 'no colors (also NO_COLOR=1; FORCE_COLOR=1 forces them)')
    .option('-q, --quiet', 'do not print warnings, the batch summary or the progress bar (errors are still printed)')
    .option('--debug', 'print stack traces of unexpected errors')
    .version(packageVersion(), '-V, --version')
    .addHelpText('after', EXAMPLES)
    .exitOverride()
    .showHelpAfterError(`Try 'clean-news --help'.`)
    .configureOutput({
      writeOut: (text) => process.stdout.write(text),
      writeErr: (text) => process.stderr.write(text),
      // Commander says `error: MESSAGE`; every message of this tool says `clean-news: MESSAGE`.
      outputError: (text, write) => write(`clean-news: ${text.replace(/^error: /, '')}`),
    })
    // Options before a subcommand's name are the main command's; those after it, the subcommand's.
    .enablePositionalOptions()
    .helpCommand(false)
    .action((args: string[], options: CliOptions) => {
      let paths = args;
      if (paths.length === 0) {
        // Waiting on a terminal for a page nobody will type looks like a hang: ask for inputs instead.
        if (process.stdin.isTTY) program.error('no input files');
        paths = [STDIN_ARGUMENT];
      }
      onParsed({ name: 'clean', paths, options });
    });

  // Subcommands made with .command() inherit the settings above: exitOverride, output, help after errors.
  const check = program
    .command('check')
    .description('compare what cleaning gives with the expected NAME.clean.txt / NAME.clean.json files')
    .argument('<paths...>', 'files, directories (their *.txt files, recursively) or globs')
    .option('--out-dir <dir>', 'the expected files are under DIR, as the main command writes them')
    .option('--update', 'rewrite the expected files that differ instead of failing')
    .option('--no-color', 'no colors in the diffs')
    .option('-q, --quiet', 'do not print warnings (errors are still printed)')
    .option('--debug', 'print stack traces of unexpected errors')
    .showHelpAfterError(`Try 'clean-news check --help'.`)
    .addHelpText('after', CHECK_HELP)
    .action((paths: string[], options: CheckCliOptions) => {
      if (paths.includes(STDIN_ARGUMENT)) check.error('standard input has no expected output: name files');
      // The main command's flags before `check` count too: `clean-news --no-color check ...`.
      const global = program.opts<CliOptions>();
      onParsed({
        name: 'check',
        paths,
        options: {
          ...options,
          color: options.color && global.color,
          ...(global.quiet ? { quiet: true } : {}),
          ...(global.debug ? { debug: true } : {}),
        },
      });
    });

  program
    .command('rules')
    .description('list the built-in rules: id, pack, kind, description')
    .addOption(new Option('--format <format>', 'a table, or a JSON array').choices(FORMATS).default('text'))
    .showHelpAfterError(`Try 'clean-news rules --help'.`)
    .action((options: { format: Format }) => onParsed({ name: 'rules', format: options.format }));

  return program;
}

/** A number from 0 to 1, written plainly (`0.5`, `.5`, `1`); anything else is a usage error. */
function parseRatio(value: string): number {
  const ratio = Number(value);
  if (!/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(value) || ratio > 1) throw new InvalidArgumentError('Expected a number from 0 to 1.');
  return ratio;
}

// Relative to this module, so it holds from dist/cli/ and src/cli/ alike.
function packageVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  if (typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string') return pkg.version;
  throw new Error('package.json has no version');
}
