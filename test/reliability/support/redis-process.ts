import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { eventually, freePort } from './ports.js';

/**
 * A `redis-server` of the suite's own on a spare port, without persistence, so that it can
 * be killed, paused and restarted on the same port without touching the machine's Redis.
 */
export class RedisProcess {
  private child: ChildProcess | undefined;

  private constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<RedisProcess> {
    const redis = await RedisProcess.reserve();
    await redis.restart();
    return redis;
  }

  /** A free port for a Redis that is not started yet (start it with {@link restart}). */
  static async reserve(): Promise<RedisProcess> {
    return new RedisProcess(await freePort());
  }

  /** Starts the server (again) on the same port and waits until it answers PING. */
  async restart(): Promise<void> {
    this.child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    const up = await eventually(() => this.ping(), 10_000, 50);
    if (!up) throw new Error(`redis-server did not start on port ${this.port}`);
  }

  /** SIGKILL: the data is gone (no persistence), clients see connections reset. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** SIGSTOP: the server hangs with its data; connections stay open but nothing answers. */
  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  /** SIGCONT: the hung server answers again, with the data it had. */
  resume(): void {
    this.child?.kill('SIGCONT');
  }

  /** A short-lived client for inspecting the keyspace. */
  async withClient<T>(work: (client: Redis) => Promise<T>): Promise<T> {
    const client = new Redis(this.url, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      connectTimeout: 500,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    // A refused connection is an answer here (Redis is down), not an unhandled event.
    client.on('error', () => undefined);
    try {
      await client.connect();
      return await work(client);
    } finally {
      client.disconnect();
    }
  }

  async stop(): Promise<void> {
    this.resume();
    await this.kill();
  }

  private async ping(): Promise<boolean> {
    return (await this.withClient((client) => client.ping())) === 'PONG';
  }
}
