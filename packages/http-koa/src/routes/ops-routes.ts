import { DomainError } from '@doctorly/core';
import { HealthSchema } from '../openapi/view-schemas.js';
import { z } from '../openapi/zod.js';
import type { RouteDeps } from './deps.js';
import { route, type RouteDefinition } from './route.js';

/** Only names the image store hands out: a folder it knows and a plain file name (no `..`, no `/`). */
const StaticParams = z.object({
  folder: z.enum(['doctors', 'specializations']),
  file: z.string().regex(/^[A-Za-z0-9_-]{1,128}\.(png|jpe?g|webp)$/),
});

/** Operations endpoints: liveness, readiness, metrics, the API document and stored images. */
export function opsRoutes({ runtime, metrics }: RouteDeps, openApiJson: () => string): RouteDefinition[] {
  return [
    route({
      method: 'get', path: '/healthz', operationId: 'healthz', tag: 'operations', auth: 'none',
      summary: 'Liveness: the process is up',
      response: { status: 200, description: 'Up.', schema: HealthSchema },
      errors: [],
      handle: () => Promise.resolve({ status: 'ok' }),
    }),
    route({
      method: 'get', path: '/readyz', operationId: 'readyz', tag: 'operations', auth: 'none',
      summary: 'Readiness: PostgreSQL answers (Redis is reported, not required)',
      response: { status: 200, description: 'Ready; 503 with the same body when PostgreSQL does not answer.', schema: HealthSchema },
      errors: [],
      handle: async ({ ctx }) => {
        const health = await runtime.health();
        const ready = health.postgres === 'up';
        ctx.status = ready ? 200 : 503;
        ctx.body = {
          status: ready ? 'ok' : 'unavailable',
          checks: {
            postgres: { ok: ready, detail: `${runtime.database} ${health.postgres}` },
            redis: { ok: health.redis !== 'down', detail: health.redis },
            search: { ok: true, detail: health.search },
          },
        };
        return undefined;
      },
    }),
    route({
      method: 'get', path: '/metrics', operationId: 'metrics', tag: 'operations', auth: 'none',
      summary: 'Prometheus metrics: requests and latency by route and status, bookings, cache hits and misses',
      response: { status: 200, description: 'The Prometheus text format.', contentType: 'text/plain' },
      errors: [],
      handle: async ({ ctx }) => {
        ctx.type = metrics.registry.contentType;
        ctx.body = await metrics.registry.metrics();
        return undefined;
      },
    }),
    route({
      method: 'get', path: '/openapi.json', operationId: 'openapi', tag: 'operations', auth: 'none',
      summary: 'This OpenAPI 3.1 document',
      response: { status: 200, description: 'The document.', contentType: 'application/json' },
      errors: [],
      handle: ({ ctx }) => {
        ctx.type = 'application/json; charset=utf-8';
        ctx.body = openApiJson();
        return Promise.resolve(undefined);
      },
    }),
    route({
      method: 'get', path: '/static/{folder}/{file}', operationId: 'staticImage', tag: 'operations', auth: 'none',
      summary: 'A stored image (doctor picture or specialization image), as linked from the views',
      params: StaticParams, cacheControl: 'public, max-age=86400',
      response: { status: 200, description: 'The image.', contentType: 'image/*' },
      errors: ['IMAGE_NOT_FOUND'],
      handle: async ({ ctx, params }) => {
        const parsed = StaticParams.safeParse(params);
        const image = parsed.success ? await runtime.ports.imageStore.read(`/static/${parsed.data.folder}/${parsed.data.file}`) : undefined;
        if (!image) throw new DomainError('IMAGE_NOT_FOUND', 'No such image.');
        ctx.type = image.contentType;
        ctx.body = Buffer.from(image.bytes);
        return undefined;
      },
    }),
  ];
}
