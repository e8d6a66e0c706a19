#!/usr/bin/env node
// CommonJS, like the bundle it loads (see load-cli.cjs): Node's ES module loader would add to every run's start-up.
const { loadCli } = require('./load-cli.cjs');

loadCli()
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
