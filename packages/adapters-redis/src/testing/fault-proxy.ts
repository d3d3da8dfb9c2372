import net from 'node:net';

/**
 * A TCP proxy in front of a real Redis for fault-injection tests: it passes bytes both ways
 * until `hang()`, after which it holds what clients send (a Redis that stops answering, as a
 * busy or stalled server does — TCP neither loses nor reorders bytes, so neither does this),
 * and with `{ silent: true }` what Redis sends too (a stopped process: not even pushes);
 * `resume()` delivers the held bytes and carries on; `cut()` drops every connection and
 * refuses new ones until `restore()`; `close` stops the proxy.
 */
export class FaultProxy {
  private hanging = false;
  private silent = false;
  private refusing = false;
  private readonly held: (() => void)[] = [];
  private readonly sockets = new Set<net.Socket>();
  private readonly server: net.Server;
  port = 0;

  private constructor(upstreamHost: string, upstreamPort: number) {
    this.server = net.createServer((client) => {
      if (this.refusing) {
        client.destroy();
        return;
      }
      const upstream = net.connect(upstreamPort, upstreamHost);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.on('data', (chunk) => this.pass(() => upstream.write(chunk)));
      upstream.on('data', (chunk) => {
        if (this.silent) this.held.push(() => client.write(chunk));
        else client.write(chunk);
      });
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
  }

  static async start(upstreamHost: string, upstreamPort: number): Promise<FaultProxy> {
    const proxy = new FaultProxy(upstreamHost, upstreamPort);
    proxy.port = await listen(proxy.server);
    return proxy;
  }

  hang(options: { silent?: boolean } = {}): void {
    this.hanging = true;
    this.silent = options.silent ?? false;
  }

  resume(): void {
    this.hanging = false;
    this.silent = false;
    for (const send of this.held.splice(0)) send();
  }

  /** Cuts every connection and refuses new ones until {@link restore} (a Redis that is gone). */
  cut(): void {
    this.refusing = true;
    this.held.length = 0;
    for (const socket of this.sockets) socket.destroy();
  }

  restore(): void {
    this.refusing = false;
  }

  private pass(send: () => void): void {
    if (this.hanging) this.held.push(send);
    else send();
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A server that accepts connections and never answers a byte. */
export async function startSilentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server);
  return {
    url: `redis://127.0.0.1:${port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port on which nothing listens (taken from the OS, then released). */
export async function unusedPort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
  });
}
