// commander loads node:child_process when it loads, for subcommands that are separate programs;
// this CLI has none, and loading it (with net, dgram and streams) cost every run 2 ms. The build
// aliases node:child_process to this (it is required here by its other name, which the alias
// leaves alone): the module is loaded only if a property of it is ever read.
let childProcess;
module.exports = new Proxy({}, { get: (_, name) => (childProcess ??= require('child_process'))[name] });
