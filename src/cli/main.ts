/** The clean-news command: parse the command line, run the pipeline, turn the outcome into an exit status. */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { STDIN_ARGUMENT } from './inputs.js';
import { FORMATS, type Format } from './output.js';
import { cleanInputs } from './pipeline.js';
import { Reporter } from './report.js';

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
}

const EXAMPLES = `
Each NAME.txt is cleaned into NAME.clean.txt (or NAME.clean.json) beside it.
Outputs (*.clean.txt, *.clean.json) are never taken as inputs.

Examples:
  clean-news pages/                    every .txt file under pages/
  clean-news 'pages/**/*.txt' --out-dir clean
  clean-news --stdout --format json page.txt
  curl -s URL | clean-news             stdin to stdout
  clean-news --max-removed 0.5 pages/  in CI: fail any page that would lose over half its text

Exit status: 0 all cleaned, 1 some inputs failed, 2 usage error.`;

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
  const reporter = new Reporter(command.options);
  try {
    return (await cleanInputs(command.paths, command.options, reporter)) === 0 ? EXIT_OK : EXIT_FAILURES;
  } catch (err) {
    reporter.crash(err);
    return EXIT_FAILURES;
  }
}

interface ParsedCommand {
  options: CliOptions;
  paths: string[];
}

/** Throws a CommanderError (already reported on stderr) for usage errors, --help and --version. */
function parseCommand(argv: string[]): ParsedCommand {
  const program = buildProgram().parse(argv, { from: 'user' });
  let paths = program.args;
  if (paths.length === 0) {
    // Waiting on a terminal for a page nobody will type looks like a hang: ask for inputs instead.
    if (process.stdin.isTTY) program.error('no input files');
    paths = [STDIN_ARGUMENT];
  }
  return { options: program.opts<CliOptions>(), paths };
}

function buildProgram(): Command {
  return new Command('clean-news')
    .description('Turn scraped news pages (plain .txt) into clean article text.')
    .argument('[paths...]', `files, directories (their *.txt files, recursively) or globs; ${STDIN_ARGUMENT} for stdin`)
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('text'))
    .option('--stdout', 'print results instead of writing files')
    .addOption(new Option('--out-dir <dir>', 'write outputs under DIR, keeping relative paths').conflicts('stdout'))
    .addOption(new Option('--max-removed <ratio>', 'fail a page, writing nothing, if cleaning removes over RATIO (0-1) of its text').argParser(parseRatio))
    .option('-q, --quiet', 'do not print warnings (errors are still printed)')
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
    });
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
