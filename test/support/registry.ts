import { type ChildProcess, spawn } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { tmp } from "./cli";

const VERDACCIO = join(__dirname, "..", "..", "node_modules", "verdaccio", "bin", "verdaccio");
/** Where every package but ours comes from. */
const UPLINK = "https://registry.npmjs.org/";

export interface LocalRegistry {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  /** An npm user config for this registry, with a placeholder token (publishing is anonymous): never the user's ~/.npmrc. */
  readonly userconfig: string;
  /** The registry's own output so far, for failure messages. */
  log(): string;
  /** Stops the registry, waits for it to exit and removes its storage; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * The environment for npm, npx and `npm create` against a local registry:
 * no `npm_*` variable inherited from the `npm test` that runs Jest (npm sets
 * npm_config_local_prefix and others for scripts, which would point a nested
 * npm at this repository), the given cache, and no notices.
 */
export function npmEnv(registry: LocalRegistry, cache: string): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith("npm_"));
  return {
    ...Object.fromEntries(inherited),
    npm_config_registry: registry.url,
    npm_config_userconfig: registry.userconfig,
    npm_config_cache: cache,
    npm_config_update_notifier: "false",
    npm_config_audit: "false",
    npm_config_fund: "false",
  };
}

/**
 * Starts Verdaccio on 127.0.0.1 and a free port, with its storage in a new
 * temporary folder: `publishable` may be published anonymously and is never
 * looked up upstream; every other package is read through from the public
 * registry and may not be published.
 */
export async function startRegistry(publishable: string): Promise<LocalRegistry> {
  const dir = tmp("registry");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  // JSON is YAML: the config is built as an object, like every JSON file here.
  const config = {
    storage: join(dir, "storage"),
    auth: { htpasswd: { file: join(dir, "htpasswd"), max_users: -1 } },
    // maxage: metadata fetched once is served for the whole run, so the second project's install is not a second round trip upstream.
    uplinks: { npmjs: { url: UPLINK, timeout: "120s", max_fails: 5, fail_timeout: "30s", maxage: "60m" } },
    packages: {
      [publishable]: { access: "$all", publish: "$anonymous" },
      "**": { access: "$all", publish: "$authenticated", proxy: "npmjs" },
    },
    publish: { allow_offline: true },
    max_body_size: "100mb",
    web: { enable: false },
    log: { type: "stdout", format: "pretty", level: "warn" },
  };
  const configFile = join(dir, "config.yaml");
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
  const userconfig = join(dir, "npmrc");
  writeFileSync(userconfig, `registry=${url}\n//127.0.0.1:${port}/:_authToken=placeholder-for-anonymous-publish\n`);

  // Verdaccio runs in a child that exits when its IPC channel to this process closes:
  // a crashed or killed Jest worker leaves no registry behind.
  const guard = "process.on('disconnect', () => process.exit(0)); require(process.argv[1]);";
  const child = spawn(process.execPath, ["-e", guard, VERDACCIO, "--config", configFile, "--listen", `127.0.0.1:${port}`], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const registry: LocalRegistry = {
    url,
    userconfig,
    log: () => output,
    stop: async () => {
      process.removeListener("exit", killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await waitUntilUp(url, child);
  } catch (error) {
    await registry.stop();
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return registry;
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`verdaccio exited (${child.exitCode ?? child.signalCode})`);
    try {
      if ((await fetch(`${url}-/ping`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`verdaccio did not answer on ${url} within 60 s`);
}

/** A port nobody listens on now (the registry binds it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
