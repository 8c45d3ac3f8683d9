// spiegel serve: the loopback browser host — the same renderer and contract as the desktop app.
import { spawn } from 'node:child_process';
import { startHost } from '../host/server.js';
import { startRestartingWorker } from '../worker-restart.js';
import { CliError } from './errors.js';
import { dbFile, homeDir, type CommonOptions } from './context.js';
import { ensureRenderer } from './renderer-build.js';
import { chooseDatabase } from '../demo.js';

interface ServeOptions extends CommonOptions {
  port?: string | undefined;
  open?: boolean | undefined;
}

export async function runServe(o: ServeOptions): Promise<number> {
  const port = o.port ? Number(o.port) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be a port number, got '${o.port}'`);
  const staticDir = await ensureRenderer();
  const home = homeDir(o);
  const real = dbFile(o);
  const db = o.db ? real : await chooseDatabase(home, real, { log: (l) => process.stdout.write(l + '\n') });
  // Erase and restore in Instellingen restart the worker; after an erase it opens the real (empty) store.
  const worker = await startRestartingWorker({ dbFile: db, home, afterErase: real });
  const host = await startHost({ call: worker.call, subscribe: worker.subscribe, staticDir, port });
  process.stdout.write(`Spiegel draait op ${host.url}\n(Ctrl+C stopt)\n`);
  if (o.open) openBrowser(host.url);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  await worker.close();
  return 0;
}

function openBrowser(url: string): void {
  const cmd = process.platform === 'win32' ? 'explorer' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const child = spawn(cmd, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => process.stdout.write('Open de URL hierboven in je browser.\n'));
  child.unref();
}
