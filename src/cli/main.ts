/** The clean-news command: parse the command line, run the pipeline, turn the outcome into an exit status. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { CONFIG_FILE_NAME } from '../config/find.js';
import { isCrawlFile } from './crawl-names.js';
import { reportFormatOf } from './batch-report.js';
import { STDIN_ARGUMENT } from './inputs.js';
import { FORMATS, StdoutSink, type Format } from './output.js';
import { cleanInputs } from './pipeline.js';
import { DEFAULT_MAX_BYTES, describeBytes, parseByteCount, readFileBounded, readStreamBounded } from './read-input.js';
import { Reporter } from './report.js';
import type { LearnCliOptions } from './learn.js';
import { misspeltCommand } from './misspelt.js';
import { visibleText } from './visible.js';
import { formatConfig, loadSettings, type ConfigFlags } from './settings.js';

/** The subcommands, for telling a misspelt one from a path. */
const COMMANDS = ['check', 'rules', 'learn'] as const;

const EXIT_OK = 0;
const EXIT_FAILURES = 1;
const EXIT_USAGE = 2;

// Flags that are not given are absent, not false.
interface CliOptions extends ConfigFlags {
  format: Format;
  printConfig?: true;
  stdout?: true;
  outDir?: string;
  maxRemoved?: number;
  quiet?: true;
  debug?: true;
  explain?: true;
  stats?: true;
  jobs?: number;
  jsonl?: true;
  maxBytes?: number;
  filesFrom?: string;
  /** -0: --files-from names are separated by NUL bytes. */
  null?: true;
  exclude?: string[];
  report?: string;
  /** False under --no-color. */
  color: boolean;
  /** --input-format warc: the inputs (standard input too) are crawl files, whatever their names. */
  inputFormat?: 'page' | 'warc';
  out?: string;
  rejected?: string;
  minConfidence?: number;
  language?: string[];
}

interface CheckCliOptions extends ConfigFlags {
  outDir?: string;
  maxBytes?: number;
  update?: true;
  quiet?: true;
  debug?: true;
  color: boolean;
}

/** What the command line asked for. */
type ParsedCommand =
  | { name: 'clean'; paths: string[]; options: CliOptions; formatGiven: boolean }
  | { name: 'crawl'; paths: string[]; options: CliOptions }
  | { name: 'check'; paths: string[]; options: CheckCliOptions }
  | { name: 'rules'; format: Format; options: ConfigFlags }
  | { name: 'learn'; paths: string[]; options: LearnCliOptions & ConfigFlags };

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
  clean-news --jsonl < in.jsonl > out.jsonl
                                       {"id", "text"} records in, cleaned records out, in order
  clean-news CC-MAIN-*.warc.wet.gz --out clean.jsonl.gz --rejected rejected.jsonl
                                       Common Crawl WET (or WARC) files to JSON Lines, one line per page
  clean-news check fixtures/           compare with the expected outputs (see 'clean-news check --help')
  clean-news rules                     list the rules in force
  clean-news learn pages/ > site.json  propose the chrome that recurs across pages as rules
  clean-news --rules site.json pages/  clean with your own rules too

Exit status: 0 all cleaned, 1 some inputs failed, 2 usage error.`;

const CHECK_HELP = `
For each input NAME.txt with an expected NAME.clean.txt and/or NAME.clean.json beside it (or
under --out-dir), cleans it in memory and compares byte for byte. Differences are printed as
unified diffs on stdout, then one line: N checked, M differ, K without expected output.

Exit status: 0 all match (or all updated), 1 some differ or failed, 2 usage error.`;

/**
 * Runs the command; never exits the process itself, so piped output is never cut short.
 * Modules that only some runs need (subcommands, --jsonl) are loaded when used: start-up counts
 * when a shell loop cleans one page at a time.
 */
export async function main(argv: string[]): Promise<number> {
  let command: ParsedCommand;
  try {
    command = parseCommand(argv);
  } catch (err) {
    // --help and --version end parsing with status 0; everything else commander stops at is a usage error.
    if (err instanceof CommanderError) return err.exitCode === 0 ? await flushed(helpOutput) : EXIT_USAGE;
    new Reporter({}).crash(err);
    return EXIT_FAILURES;
  }
  try {
    process.cwd();
  } catch (err) {
    new Reporter({}).error('working directory', `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}): was it deleted?`);
    return EXIT_FAILURES;
  }
  try {
    return await run(command);
  } catch (err) {
    new Reporter(command.name === 'clean' || command.name === 'check' ? command.options : {}).crash(err);
    return EXIT_FAILURES;
  }
}

/** What --help and --version print: through a sink, so that a full disk is an error and a reader that left is not. */
const helpOutput = new StdoutSink();

async function run(command: ParsedCommand): Promise<number> {
  // Configuration and rule files are read before any input: a bad one stops the run, nothing written.
  const reporter = new Reporter(command.name === 'rules' || command.name === 'learn' ? {} : command.options);
  const settings = await loadSettings(command.options, reporter);
  if (settings === null) return EXIT_USAGE;
  const { config, cleaner } = settings;
  if (command.name === 'learn') {
    const { learnInputs } = await import('./learn.js');
    return (await learnInputs(command.paths, { ...command.options, clean: cleaner }, reporter)) === 0 ? EXIT_OK : EXIT_FAILURES;
  }
  if (command.name === 'rules') {
    const { formatRuleJson, formatRuleTable, ruleRows } = await import('./rules.js');
    return await printText(command.format === 'json' ? formatRuleJson(ruleRows(config.rules)) : formatRuleTable(ruleRows(config.rules)));
  }
  if ((command.name === 'clean' || command.name === 'crawl') && command.options.jobs !== undefined) command.options.jobs = await capJobs(command.options.jobs, reporter);
  if (command.name === 'crawl') {
    const { cleanCrawl } = await import('./crawl.js');
    const { language, ...options } = command.options;
    const maxRemoved = options.maxRemoved ?? config.options.maxRemoved;
    const crawlOptions = { ...options, ...(maxRemoved === undefined ? {} : { maxRemoved }), ...(language === undefined ? {} : { languages: language }), cleaner };
    return (await cleanCrawl(command.paths, crawlOptions, reporter)) === 0 ? EXIT_OK : EXIT_FAILURES;
  }
  try {
    if (command.name === 'check') {
      const { checkInputs } = await import('./check.js');
      const counts = await checkInputs(command.paths, { ...command.options, cleaner, ...outDirOf(command.options.outDir, config.options.outDir) }, reporter);
      return counts.failed > 0 || (counts.differ > 0 && !command.options.update) ? EXIT_FAILURES : EXIT_OK;
    }
    if (command.options.printConfig) return await printText(formatConfig(config));
    const { maxRemoved } = config.options;
    if (command.options.jsonl) {
      const { cleanJsonl } = await import('./jsonl.js');
      const jsonlOptions = { ...command.options, ...(command.options.maxRemoved === undefined && maxRemoved !== undefined ? { maxRemoved } : {}), cleaner };
      return (await cleanJsonl(jsonlOptions, reporter)) === 0 ? EXIT_OK : EXIT_FAILURES;
    }
    const { report: reportFile, ...flags } = command.options;
    const options = {
      ...flags,
      // Options given on the command line win over the configuration's defaults.
      format: command.formatGiven ? command.options.format : (config.options.format ?? command.options.format),
      // A configured out dir applies to written outputs, not to printing.
      ...(command.options.stdout || command.options.explain ? {} : outDirOf(command.options.outDir, config.options.outDir)),
      ...(command.options.maxRemoved === undefined && maxRemoved !== undefined ? { maxRemoved } : {}),
      cleaner,
      ruleIds: config.rules.map((rule) => rule.id),
      ...(config.file === null ? {} : { configFile: path.relative(process.cwd(), config.file) || config.file }),
    };
    const listed = command.options.filesFrom === undefined ? undefined : await readFileList(command.options.filesFrom, command.options.null === true, command.options.maxBytes, reporter);
    if (listed === null) return EXIT_USAGE;
    const excluded = command.options.exclude === undefined ? undefined : await (await import('./inputs.js')).excludeMatcher(command.options.exclude);
    const format = reportFile === undefined ? null : reportFormatOf(reportFile);
    const report = reportFile === undefined || format === null ? {} : { report: { file: reportFile, format } };
    return (await cleanInputs(command.paths, { ...options, ...(listed === undefined ? {} : { listed }), ...(excluded === undefined ? {} : { excluded }), ...report }, reporter)) === 0 ? EXIT_OK : EXIT_FAILURES;
  } catch (err) {
    reporter.crash(err);
    return EXIT_FAILURES;
  }
}

/** The names --files-from gives, one per line or NUL-separated; null (after saying why) when the list cannot be read. */
async function readFileList(file: string, nul: boolean, maxBytes: number | undefined, reporter: Reporter): Promise<string[] | null> {
  try {
    const limit = maxBytes ?? DEFAULT_MAX_BYTES;
    const bytes = file === STDIN_ARGUMENT ? await readStreamBounded(process.stdin, limit) : readFileBounded(file, limit).bytes;
    const names = bytes.toString('utf8').split(nul ? '\0' : /\r?\n/);
    return names.filter((name) => name !== '');
  } catch (err) {
    reporter.failure(`--files-from ${file === STDIN_ARGUMENT ? 'standard input' : file}`, err);
    return null;
  }
}

/** --jobs past 4 per core, with a warning: thousands of threads would only exhaust the memory. */
async function capJobs(jobs: number, reporter: Reporter): Promise<number> {
  const { maxJobs } = await import('./workers.js');
  const cap = maxJobs();
  if (jobs <= cap) return jobs;
  reporter.warning('--jobs', `${jobs} is more than 4 per core: using ${cap}`);
  return cap;
}

/** The command line's --out-dir, else the configuration's, else none. */
function outDirOf(given: string | undefined, configured: string | undefined): { outDir?: string } {
  const outDir = given ?? configured;
  return outDir === undefined ? {} : { outDir };
}

async function printText(text: string): Promise<number> {
  const stdout = new StdoutSink();
  await stdout.write(text);
  return await flushed(stdout);
}

/** Waits for what a sink was given to reach the OS; a write error is one line and status 1. */
async function flushed(stdout: StdoutSink): Promise<number> {
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
  const program = new Command('clean-news');
  program
    .description('Turn scraped news pages (plain .txt) into clean article text.')
    .usage('[options] [paths...]')
    .argument('[paths...]', `files, directories (their *.txt files, recursively) or globs; ${STDIN_ARGUMENT} for stdin`)
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('text'))
    .option('--stdout', 'print results instead of writing files')
    .addOption(new Option('--out-dir <dir>', 'write outputs under DIR, keeping relative paths').conflicts(['stdout', 'explain']))
    .addOption(new Option('--max-removed <ratio>', 'fail a page, writing nothing, if cleaning removes over RATIO (0-1) of its text').argParser(parseRatio))
    .option('--explain', 'print each page with every removal marked with its rule (with --format json: the removals); writes no files')
    .option('--stats', 'after the run, print on stderr how much each rule removed and the rules that never fired')
    .addOption(new Option('--jobs <n>', 'clean in N threads (default: one per core for a batch of 400 files or more, else 1)').argParser(parseCount))
    .addOption(
      new Option('--jsonl', 'read pages as JSON Lines on stdin ({"id": ..., "text": ...}) and print a JSON record for each, in order').conflicts([
        'stdout',
        'outDir',
        'explain',
        'format',
        'stats',
        'report',
      ]),
    )
    .addOption(maxBytesOption())
    .addOption(favorOption())
    .addOption(new Option('--input-format <format>', 'read the inputs as pages, or as WARC/WET crawl files (default: crawl files by name: .warc, .wet, .warc.wet, and .gz)').choices(['page', 'warc']))
    .option('--out <file>', 'crawl files: write the JSON Lines to FILE (.jsonl, or .jsonl.gz compressed) instead of stdout')
    .option('--rejected <file>', 'crawl files: write a JSON line for each page not written, with its reason, to FILE')
    .addOption(new Option('--min-confidence <x>', 'crawl files: reject pages cleaned with a confidence under X (0-1)').argParser(parseRatio))
    .addOption(new Option('--language <codes>', 'crawl files: keep only pages in these languages (ISO 639-1, comma-separated: de,fr)').argParser(parseLanguages));
  withRuleOptions(program)
    .option('--files-from <file>', `also clean the files named in FILE, one per line (${STDIN_ARGUMENT}: standard input)`)
    .option('-0, --null', 'with --files-from: names are separated by NUL bytes (find -print0)')
    .option('--exclude <glob>', 'leave out files matching GLOB (repeatable; without a slash, matched against the file name)', collect)
    .option('--report <file>', 'write a report of the run to FILE: .json for programs, .html for a page to review in a browser')
    .option('--print-config', 'print the effective configuration and the order of the rules, then stop')
    .option('--no-color', 'no colors (also NO_COLOR=1; FORCE_COLOR=1 forces them)')
    .option('-q, --quiet', 'do not print warnings, the batch summary or the progress bar (errors are still printed)')
    .option('--debug', 'print stack traces of unexpected errors')
    .version(packageVersion(), '-V, --version')
    .addHelpText('after', EXAMPLES)
    .exitOverride()
    .showHelpAfterError(`Try 'clean-news --help'.`)
    .configureOutput({
      writeOut: (text) => void helpOutput.write(text),
      writeErr: (text) => process.stderr.write(text),
      // Commander says `error: MESSAGE`; every message of this tool says `clean-news: MESSAGE`.
      outputError: (text, write) => write(`clean-news: ${visibleText(text.replace(/^error: /, ''))}`),
    })
    // Options before a subcommand's name are the main command's; those after it, the subcommand's.
    .enablePositionalOptions()
    .helpCommand(false)
    .action((args: string[], options: CliOptions) => {
      let paths = args;
      // `clean-news chek pages/` must not clean pages/ (overwriting reviewed expected files) after one error line.
      const misspelt = args[0] === undefined ? null : misspeltCommand(args[0], COMMANDS);
      if (misspelt !== null) program.error(`unknown command '${args[0]}' (did you mean ${misspelt}?)`);
      const formatGiven = program.getOptionValueSource('format') === 'cli';
      if (options.printConfig) return onParsed({ name: 'clean', paths, options, formatGiven });
      const crawl = options.inputFormat === 'warc' || (options.inputFormat === undefined && paths.some(isCrawlFile));
      const crawlOnly = (['out', 'rejected', 'minConfidence', 'language'] as const).filter((name) => options[name] !== undefined);
      if (crawl) {
        const pages = options.inputFormat === undefined ? paths.filter((file) => !isCrawlFile(file) && file !== STDIN_ARGUMENT) : [];
        if (pages.length > 0) program.error(`crawl files and pages cannot be cleaned in one run: ${pages[0]} is not named as a crawl file (see --input-format)`);
        const pageOnly = (['stdout', 'outDir', 'explain', 'stats', 'jsonl', 'report', 'filesFrom', 'exclude'] as const).filter((name) => options[name] !== undefined);
        if (formatGiven || pageOnly.length > 0) program.error(`${formatGiven ? '--format' : optionName(pageOnly[0]!)} is for pages: crawl files give JSON Lines (see --out)`);
        if (paths.length === 0) {
          if (process.stdin.isTTY) program.error('no input files');
          paths = [STDIN_ARGUMENT];
        }
        return onParsed({ name: 'crawl', paths, options });
      }
      if (crawlOnly.length > 0) program.error(`${optionName(crawlOnly[0]!)} is for crawl files (WET, WARC): name them, or give --input-format warc`);
      if (options.jsonl) {
        if (paths.length > 0) program.error('--jsonl reads standard input: give no paths');
        return onParsed({ name: 'clean', paths, options, formatGiven });
      }
      if (options.report !== undefined && reportFormatOf(options.report) === null) program.error(`--report ${options.report}: name a .json or an .html file`);
      if (options.null && options.filesFrom === undefined) program.error('-0 is for --files-from: give the file of names too');
      if (options.filesFrom === STDIN_ARGUMENT && paths.includes(STDIN_ARGUMENT)) program.error('standard input cannot be both a page and the list of --files-from');
      if (paths.length === 0 && options.filesFrom === undefined) {
        // Waiting on a terminal for a page nobody will type looks like a hang: ask for inputs instead.
        if (process.stdin.isTTY) program.error('no input files');
        paths = [STDIN_ARGUMENT];
      }
      // Standard input is always printed: an out dir for it would be silently ignored.
      if (options.outDir !== undefined && paths.includes(STDIN_ARGUMENT)) program.error('--out-dir writes files, and standard input is printed: name files, or leave --out-dir out');
      onParsed({ name: 'clean', paths, options, formatGiven });
    });

  // Subcommands made with .command() inherit the settings above: exitOverride, output, help after errors.
  const check = program
    .command('check')
    .description('compare what cleaning gives with the expected NAME.clean.txt / NAME.clean.json files')
    .argument('<paths...>', 'files, directories (their *.txt files, recursively) or globs')
    .option('--out-dir <dir>', 'the expected files are under DIR, as the main command writes them')
    .option('--update', 'rewrite the expected files that differ instead of failing')
    .addOption(maxBytesOption())
    .addOption(favorOption());
  withRuleOptions(check)
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
          ...configFlags(global, options),
          color: options.color && global.color,
          ...(global.quiet ? { quiet: true } : {}),
          ...(global.debug ? { debug: true } : {}),
        },
      });
    });

  withRuleOptions(
    program
      .command('rules')
      .description('list the rules in force, built-in and your own: id, pack, kind, description')
      .addOption(new Option('--format <format>', 'a table, or a JSON array').choices(FORMATS).default('text')),
  )
    .showHelpAfterError(`Try 'clean-news rules --help'.`)
    .action((options: { format: Format } & ConfigFlags) =>
      onParsed({ name: 'rules', format: options.format, options: configFlags(program.opts<CliOptions>(), options) }),
    );

  withRuleOptions(
    program
      .command('learn')
      .description('propose the chrome that recurs across a batch of pages and that the rules in force keep, as a rule file on stdout; changes nothing')
      .argument('<paths...>', 'files, directories (their *.txt files, recursively) or globs')
      .option('--min-pages <n>', 'propose what occurs in at least N pages (default: 5% of the pages, at least 3)', parseCount)
      .addOption(maxBytesOption())
      .addOption(favorOption()),
  )
    .showHelpAfterError(`Try 'clean-news learn --help'.`)
    .action((paths: string[], options: { minPages?: number; maxBytes?: number } & ConfigFlags) => {
      const { minPages, maxBytes } = options;
      onParsed({ name: 'learn', paths, options: { ...(minPages === undefined ? {} : { minPages }), ...(maxBytes === undefined ? {} : { maxBytes }), ...configFlags(program.opts<CliOptions>(), options) } });
    });

  return program;
}

// The options several commands share, declared once (commander wants a new Option for each command).
const maxBytesOption = () =>
  new Option('--max-bytes <size>', `skip inputs (and --jsonl records) larger than SIZE bytes, or K, M, G (default: ${describeBytes(DEFAULT_MAX_BYTES)})`).argParser(parseSize);

const favorOption = () =>
  new Option('--favor <side>', 'on lines the model doubts, lean towards precision (less chrome) or recall (no lost text); default: the fitted balance').choices(['precision', 'recall']);

/** The options that settle the rules in force, on every command that cleans. */
function withRuleOptions(command: Command): Command {
  return command
    .option('--config <file>', `use this configuration instead of the nearest ${CONFIG_FILE_NAME}`)
    .option('--no-config', `use no configuration file: do not look for ${CONFIG_FILE_NAME}`)
    .option('--rules <file>', 'load a rule file too (repeatable)', collect)
    .option('--rule-off <id>', 'switch a rule off (repeatable)', collect)
    .option('--pack-off <name>', 'switch a pack of rules off (repeatable)', collect);
}

/** Repeatable options collect their values in order. */
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** --config and --rules given before or after a subcommand's name both count. */
function configFlags(global: ConfigFlags, own: ConfigFlags): ConfigFlags {
  const config = own.config ?? global.config;
  const both = (name: 'rules' | 'ruleOff' | 'packOff') => {
    const values = [...(global[name] ?? []), ...(own[name] ?? [])];
    return values.length === 0 ? {} : { [name]: values };
  };
  const favor = own.favor ?? global.favor;
  return { ...(config === undefined ? {} : { config }), ...both('rules'), ...both('ruleOff'), ...both('packOff'), ...(favor === undefined ? {} : { favor }) };
}

/** `--min-confidence` from `minConfidence`: how an option is named in messages. */
function optionName(key: string): string {
  return `--${key.replace(/[A-Z]/g, (upper) => `-${upper.toLowerCase()}`)}`;
}

/** ISO 639-1 codes, comma-separated: `de,fr`. */
function parseLanguages(value: string): string[] {
  const codes = value.split(',').map((code) => code.trim().toLowerCase());
  if (codes.some((code) => !/^[a-z]{2}$/.test(code))) throw new InvalidArgumentError('Expected ISO 639-1 codes, comma-separated (such as de,fr).');
  return codes;
}

/** A whole number of at least 1. */
function parseCount(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('Expected a whole number of at least 1.');
  return Number(value);
}

/** A size in bytes: `1000000`, `64K`, `256M`, `1G`. */
function parseSize(value: string): number {
  const bytes = parseByteCount(value);
  if (bytes === null) throw new InvalidArgumentError('Expected a whole number of bytes, or of K, M or G (such as 256M).');
  return bytes;
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
