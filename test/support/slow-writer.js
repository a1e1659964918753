/**
 * A test harness, not shipped: the built writer with a file system whose every
 * rename takes `delay` ms, so that a test can signal the process in the middle of
 * the move phase. It prints `renamed <n>` after each rename, handles signals the
 * way the CLI does, and exits as the CLI would.
 *
 *   node slow-writer.js <dir> <delay-ms> [--kill-after <n>]
 */
const fs = require("node:fs");
const dist = (path) => require(`../../dist/generator/${path}`);
const { resolveAnswers } = dist("answers/resolve.js");
const { planProject } = dist("plan/plan.js");
const { changesFor } = dist("write/target.js");
const { writeChanges } = dist("write/write.js");
const { exitCodeFor, handleSignals, Interrupted, pendingSignal, whileWriting } = dist("signals.js");

const [dir, delay] = process.argv.slice(2);
let renames = 0;
const slowFs = {
  ...fs,
  renameSync(from, to) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(delay));
    fs.renameSync(from, to);
    process.stdout.write(`renamed ${++renames}\n`);
  },
};

handleSignals();
(async () => {
  const resolved = await resolveAnswers({ flags: { projectName: "proj" } }, { yes: true });
  const changes = changesFor(dir, planProject(resolved).files);
  await whileWriting(() => writeChanges(dir, changes, { force: true, interrupted: pendingSignal }, slowFs));
  process.stdout.write("done\n");
})().catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = error instanceof Interrupted ? exitCodeFor(error.signal) : 2;
});
