import { connect, createServer, type Server, type Socket } from 'node:net';
import { freePort } from './ports.js';

/**
 * A TCP proxy in front of a server (PostgreSQL, or the HTTP server) that a test can break:
 * `cut()` destroys every open connection at once (a network failure or a database restart
 * as the client sees it), `refuse` turns new connections away (the server is down), and
 * `dropAnswers` lets requests through but cuts the connection as soon as an answer comes
 * back, so that the client never learns what the server did.
 */
export class TcpProxy {
  /** Turn new connections away at once. */
  refuse = false;
  /** Forward client → server, but cut the connection when the server starts answering. */
  dropAnswers = false;
  /** Connections cut by {@link cut} and by {@link dropAnswers}. */
  cuts = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(targetHost: string, targetPort: number): Promise<TcpProxy> {
    const port = await freePort();
    const server = createServer();
    const proxy = new TcpProxy(server, port);
    server.on('connection', (client) => proxy.accept(client, targetHost, targetPort));
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return proxy;
  }

  /** Destroys every open connection, both sides. */
  cut(): number {
    const open = this.sockets.size;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    this.cuts += open;
    return open;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket, host: string, port: number): void {
    if (this.refuse) {
      client.destroy();
      return;
    }
    const upstream = connect(port, host);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        this.sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk: Buffer) => upstream.write(chunk));
    upstream.on('data', (chunk: Buffer) => {
      if (this.dropAnswers) {
        this.cuts += 1;
        client.destroy();
        upstream.destroy();
        return;
      }
      client.write(chunk);
    });
  }
}
