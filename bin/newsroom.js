#!/usr/bin/env node
// `newsroom <command> [options]`: the kit's command line, for a publication that depends on the kit
// as a package (and for the kit's own npm scripts). Each command is a script of the kit run with
// tsx, resolved from the kit itself, in the current folder: paths in options are read from there.
import { spawn } from "node:child_process";
import { totalmem } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const COMMANDS = {
  init: ["init.ts", "DIR: write a starter publication into a new folder"],
  build: ["build.ts", "check the publication and build the site into _site/"],
  check: ["validate.ts", "check the publication against the content model"],
  new: ["new.ts", '"Headline": write a draft article, its front matter filled in'],
  start: ["start.ts", "build, serve on localhost and rebuild on every change"],
  audit: ["audit.ts", "check the built site before deploying it"],
  import: ["import.ts", "wordpress FILE.xml | markdown DIR: import an existing site"],
  bench: ["bench.ts", "build a generated publication and measure it"],
};

const kit = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [command, ...args] = process.argv.slice(2);

if (!command || command === "help" || command === "--help" || command === "-h" || !Object.hasOwn(COMMANDS, command)) {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, [, what]]) => `  ${name.padEnd(width)}  ${what}`);
  const known = !command || command === "help" || command === "--help" || command === "-h";
  (known ? console.log : console.error)([...(known ? [] : [`unknown command "${command}"`]), "usage: newsroom <command> [options]", "", ...lines, "", "Each command's options are in the kit's README.md (npm run <command> takes the same)."].join("\n"));
  process.exit(known ? 0 : 1);
}

// tsx as the kit resolves it: a publication's own node_modules may hold none, or another version.
const tsx = import.meta.resolve("tsx");
// The command runs in a child process; a signal to this one (Ctrl-C, `kill`, npm stopping its
// script) is passed on, and this process waits for the command to clean up and exit (#15).
// The build starts with the heap it wants (60 % of the machine's memory, as scripts/build.ts
// asks for) and the collector exposed, so it does not start itself again to get them (a second
// Node process and tsx: about a second of every build).
const buildFlags = command === "build" ? [`--max-old-space-size=${Math.floor((totalmem() * 0.6) / 2 ** 20)}`, "--expose-gc"] : [];
const child = spawn(process.execPath, [...buildFlags, "--import", tsx, path.join(kit, "scripts", COMMANDS[command][0]), ...args], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
// npm runs a script through sh, which dies of the SIGTERM npm passes on instead of passing it
// further: under npm, a parent gone means the command was stopped.
const parent = process.ppid;
if (process.env.npm_lifecycle_event) setInterval(() => process.ppid !== parent && child.kill("SIGTERM"), 200).unref();
child.on("error", (error) => {
  throw error;
});
child.on("exit", (code, signal) => {
  // Ended by a signal: end the same way, as a shell reports it.
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  }
  process.exit(code ?? 1);
});
