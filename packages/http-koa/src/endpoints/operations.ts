import { DomainError } from '@doctorly/core';
import { StaticImageParams, type OperationId } from '@doctorly/http-contract';
import type { Runtime } from '@doctorly/runtime';
import type { Context } from 'koa';
import type { ServerMetrics } from '../http/metrics.js';
import { answerJson } from '../http/json-answer.js';

/** Answers one operations endpoint by writing `ctx` itself (these read the process, not use cases). */
export type OperationHandler = (ctx: Context) => Promise<void>;

/**
 * The Koa handlers of the contract's operations endpoints, one per operation id (a new one
 * in the contract does not compile until it is handled here): liveness, readiness, metrics,
 * the API document and stored images.
 */
export function operationHandlers(
  runtime: Runtime,
  metrics: ServerMetrics,
  openApiJson: () => string,
): Readonly<Record<OperationId, OperationHandler>> {
  return {
    healthz: (ctx) => {
      answerJson(ctx, { status: 'ok' });
      return Promise.resolve();
    },
    readyz: async (ctx) => {
      const health = await runtime.health();
      const databaseUp = health.postgres === 'up';
      // Start-up work left to the background (the demo set of a new embedded folder) holds readiness back.
      const ready = databaseUp && health.loading === undefined;
      ctx.status = ready ? 200 : 503;
      ctx.body = {
        status: ready ? 'ok' : 'unavailable',
        checks: {
          postgres: { ok: databaseUp, detail: `${runtime.database} ${health.postgres}` },
          redis: { ok: health.redis !== 'down', detail: health.redis },
          search: { ok: true, detail: health.search },
          startup: { ok: health.loading === undefined, detail: health.loading ?? 'done' },
        },
      };
    },
    metrics: async (ctx) => {
      ctx.type = metrics.registry.contentType;
      ctx.body = await metrics.registry.metrics();
    },
    openapi: (ctx) => {
      ctx.type = 'application/json; charset=utf-8';
      ctx.body = openApiJson();
      return Promise.resolve();
    },
    staticImage: async (ctx) => {
      // Any name the store would not hand out is simply not found (never a validation error).
      const parsed = StaticImageParams.safeParse((ctx as Context & { params?: unknown }).params);
      const image = parsed.success
        ? await runtime.ports.imageStore.read(`/static/${parsed.data.folder}/${parsed.data.file}`)
        : undefined;
      if (!image) throw new DomainError('IMAGE_NOT_FOUND', 'No such image.');
      ctx.type = image.contentType;
      ctx.body = Buffer.from(image.bytes);
    },
  };
}
