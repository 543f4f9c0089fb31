import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  DatabaseInUseError,
  acquireDatabaseLock,
  ensureSessionSecret,
  loadDotEnv,
  type Settings,
} from "../../scripts/lib.ts";
import { ROOT } from "../setup/paths.ts";
import { startWith } from "./support/npm-start.ts";

const GOOD_SECRET = "start-up-test-secret-0123456789abcdef";

let dir = "";
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "candor-start-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** `npm start` with only the given settings; a .env and a build of its own, never the project's. */
function start(settings: Record<string, string>) {
  return startWith({
    CANDOR_ENV_FILE: path.join(dir, "candor.env"),
    CANDOR_BUILD_DIR: path.join(dir, "build"),
    PORT: "0",
    ...settings,
  });
}

describe("npm start checks its settings before touching the disk", () => {
  it("refuses a PostgreSQL server it cannot reach with a sentence that names it without its password", () => {
    const { status, output } = start({
      DATABASE_URL: "postgres://candor:secret@127.0.0.1:1/candor",
      SESSION_SECRET: GOOD_SECRET,
    });
    expect(status).toBe(1);
    expect(output).toMatch(
      /^Candor cannot start: the PostgreSQL database at 127\.0\.0\.1:1\/candor cannot be reached/m,
    );
    expect(output).not.toContain("candor:secret");
    expect(existsSync(path.join(ROOT, "postgres:"))).toBe(false);
    expect(existsSync(path.join(dir, "candor.env"))).toBe(false);
    expect(existsSync(path.join(dir, "build"))).toBe(false);
  });

  it("refuses a postgresql:// URL without a database and a file: URL without a file, naming DATABASE_URL", () => {
    const postgresql = start({ DATABASE_URL: "postgresql://db.example", SESSION_SECRET: GOOD_SECRET });
    expect(postgresql.status).toBe(1);
    expect(postgresql.output).toMatch(/^Candor cannot start: DATABASE_URL must name the PostgreSQL database/m);
    expect(existsSync(path.join(ROOT, "postgresql:"))).toBe(false);

    const noFile = start({ DATABASE_URL: `file:${dir}/data/`, SESSION_SECRET: GOOD_SECRET });
    expect(noFile.status).toBe(1);
    expect(noFile.output).toMatch(/^Candor cannot start: DATABASE_URL must name a database file/m);
    expect(existsSync(path.join(dir, "data"))).toBe(false);
  });

  it("refuses a SESSION_SECRET that is set but too short instead of replacing it", () => {
    const envFile = path.join(dir, "candor.env");
    writeFileSync(envFile, "SESSION_SECRET=too-short\n");
    const { status, output } = start({ DATABASE_URL: `file:${dir}/data/candor.db` });
    expect(status).toBe(1);
    expect(output).toMatch(/^Candor cannot start: SESSION_SECRET must be at least 32 characters/m);
    expect(readFileSync(envFile, "utf8")).toBe("SESSION_SECRET=too-short\n");
    expect(existsSync(path.join(dir, "data"))).toBe(false);
  });

  it("refuses to serve a database another Candor process holds, naming the file", () => {
    const database = path.join(dir, "candor.db");
    // This test process stands in for the Candor server already using the file.
    const release = acquireDatabaseLock(database);
    try {
      const { status, output } = start({ DATABASE_URL: `file:${database}`, SESSION_SECRET: GOOD_SECRET });
      expect(status).toBe(1);
      expect(output).toContain(
        `Candor cannot start: another Candor process is using ${database} (process ${process.pid})`,
      );
      expect(existsSync(database)).toBe(false);
    } finally {
      release();
    }
  });
});

describe("the session secret survives restarts", () => {
  it("fills in an empty SESSION_SECRET line where it stands instead of adding a second one", () => {
    const envFile = path.join(dir, "candor.env");
    writeFileSync(envFile, "PORT=3000\nSESSION_SECRET=\nSMTP_URL=smtp://mail.example\n");
    const env: Settings = {};
    loadDotEnv(envFile, env);
    ensureSessionSecret(envFile, env);

    const lines = readFileSync(envFile, "utf8").split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe("PORT=3000");
    expect(lines[1]).toMatch(/^SESSION_SECRET=[0-9a-f]{64}$/);
    expect(lines[2]).toBe("SMTP_URL=smtp://mail.example");
    expect(lines[1]).toBe(`SESSION_SECRET=${env.SESSION_SECRET}`);

    // The next start reads the same secret and writes nothing.
    const written = readFileSync(envFile, "utf8");
    const nextStart: Settings = {};
    loadDotEnv(envFile, nextStart);
    ensureSessionSecret(envFile, nextStart);
    expect(nextStart.SESSION_SECRET).toBe(env.SESSION_SECRET);
    expect(readFileSync(envFile, "utf8")).toBe(written);
  });

  it("keeps the secret in .env when the environment sets SESSION_SECRET to nothing", () => {
    const envFile = path.join(dir, "candor.env");
    const configured = `SESSION_SECRET=${"a1".repeat(32)}\n`;
    writeFileSync(envFile, configured);
    const env: Settings = { SESSION_SECRET: "" };
    loadDotEnv(envFile, env);
    ensureSessionSecret(envFile, env);
    expect(env.SESSION_SECRET).toBe("a1".repeat(32));
    expect(readFileSync(envFile, "utf8")).toBe(configured);
  });
});

describe("one Candor process per database file", () => {
  it("refuses a second claim on a database with a message naming the file", () => {
    const database = path.join(dir, "candor.db");
    const release = acquireDatabaseLock(database);
    try {
      // Another process (pid 2, never this one) asking for the same file.
      expect(() => acquireDatabaseLock(database, 2)).toThrow(DatabaseInUseError);
      expect(() => acquireDatabaseLock(database, 2)).toThrow(
        `another Candor process is using ${database} (process ${process.pid})`,
      );
    } finally {
      release();
    }
    expect(existsSync(`${database}.lock`)).toBe(false);
  });

  it("takes over a lock left by a process that has died", () => {
    const database = path.join(dir, "candor.db");
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    writeFileSync(`${database}.lock`, `${dead}\n`);
    const release = acquireDatabaseLock(database);
    expect(readFileSync(`${database}.lock`, "utf8").trim()).toBe(String(process.pid));
    release();
    expect(existsSync(`${database}.lock`)).toBe(false);
  });

  it("takes over a lock whose process has ended but was never reaped (a zombie)", async () => {
    const database = path.join(dir, "candor.db");
    // The shell starts a short sleep in the background, then becomes a long `sleep`, which never
    // reaps it: once the short one ends, it is a zombie. (Had it ended before the exec, the shell
    // could have reaped it.)
    const parent = spawn("sh", ["-c", "sleep 0.5 & echo $!; exec sleep 30"], { stdio: ["ignore", "pipe", "ignore"] });
    try {
      const zombie = Number((await once(parent.stdout, "data"))[0].toString().trim());
      await expect
        .poll(() => readFileSync(`/proc/${zombie}/stat`, "utf8").split(") ")[1]?.[0], { timeout: 10_000 })
        .toBe("Z");
      writeFileSync(`${database}.lock`, `${zombie}\n`);
      const release = acquireDatabaseLock(database);
      expect(readFileSync(`${database}.lock`, "utf8").trim()).toBe(String(process.pid));
      release();
    } finally {
      parent.kill("SIGKILL");
    }
  });
});
