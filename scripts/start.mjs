/**
 * `npm start -- <args>`: the CLI from a checkout. It runs `dist/generator/cli.js` at
 * once when dist/ was built from the sources as they are now, and builds it first only
 * when a source changed since (a stamp in dist/ records every source's path, size and
 * modification time). A build goes to a folder of its own and is moved into place, under
 * a lock, so two `npm start` at once never see a half-built or missing dist/: the second
 * waits for the first's build, then runs it. `npm run build` (and so `npm pack`) still
 * builds from scratch.
 */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { STAMP, sources } from "./sources.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist");
const LOCK = join(ROOT, ".dist-build.lock");

const fresh = (now) => existsSync(join(DIST, "generator", "cli.js")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === now;

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** The build lock: a folder made atomically, with the holder's pid; a holder that is gone leaves it to the next. */
function lock() {
  for (let waited = 0; ; waited += 100) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, "pid"), String(process.pid));
      return;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      let holder = 0;
      try {
        holder = Number(readFileSync(join(LOCK, "pid"), "utf8"));
      } catch {}
      let alive = holder > 0;
      if (alive)
        try {
          process.kill(holder, 0);
        } catch {
          alive = false;
        }
      // no pid yet: a holder between mkdir and write, unless that has lasted seconds
      if (!alive && (holder > 0 || waited > 5000)) rmSync(LOCK, { recursive: true, force: true });
      if (waited > 300000) throw new Error(`npm start: ${relative(ROOT, LOCK)} has been held for 5 minutes; remove it if no build runs`);
      sleep(100);
    }
  }
}

function build(now) {
  const out = join(ROOT, `.dist-build-${process.pid}`);
  rmSync(out, { recursive: true, force: true });
  process.stderr.write("npm start: sources changed since the last build; building dist/ …\n");
  const tsc = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json", "--outDir", out],
    {
      cwd: ROOT,
      stdio: "inherit",
    },
  );
  if (tsc.status !== 0) {
    rmSync(out, { recursive: true, force: true });
    process.exit(tsc.status ?? 1);
  }
  chmodSync(join(out, "generator", "cli.js"), 0o755);
  writeFileSync(join(out, relative(DIST, STAMP)), now);
  const old = join(ROOT, `.dist-old-${process.pid}`);
  if (existsSync(DIST)) renameSync(DIST, old);
  renameSync(out, DIST);
  rmSync(old, { recursive: true, force: true });
}

let now = sources();
if (!fresh(now)) {
  lock();
  try {
    now = sources();
    if (!fresh(now)) build(now);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

// The CLI as its own process, with this terminal: Ctrl-C reaches it, and its exit is ours.
const child = spawn(process.execPath, [join(DIST, "generator", "cli.js"), ...process.argv.slice(2)], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => {
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  } else process.exit(code ?? 1);
});
