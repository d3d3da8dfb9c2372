import type { EndpointDeclaration } from '../endpoint/declaration.js';
import { HealthSchema } from '../openapi/view-schemas.js';
import { z } from '../zod.js';

/**
 * The names a host may serve a stored image under: a folder the image store knows and a
 * plain file name (no `..`, no `/`). A host answers any other name `IMAGE_NOT_FOUND`.
 * @category Endpoints
 */
export const StaticImageParams = z.object({
  folder: z.enum(['doctors', 'specializations']),
  file: z.string().regex(/^[A-Za-z0-9_-]{1,128}\.(png|jpe?g|webp)$/),
});

/** Declares an operations endpoint, keeping its operation id as a literal type. */
function operation<const Id extends string>(
  declaration: EndpointDeclaration & { readonly operationId: Id },
) {
  return declaration;
}

/**
 * Operations endpoints: liveness, readiness, metrics, the API document and stored images.
 * Declared here so every host documents them alike, but handled by each host (they read the
 * process and its infrastructure, not use cases).
 * @category Endpoints
 */
export const operationEndpoints = [
  operation({
    method: 'get',
    path: '/healthz',
    operationId: 'healthz',
    tag: 'operations',
    auth: 'none',
    summary: 'Liveness: the process is up',
    response: { status: 200, description: 'Up.', schema: HealthSchema },
    errors: [],
  }),
  operation({
    method: 'get',
    path: '/readyz',
    operationId: 'readyz',
    tag: 'operations',
    auth: 'none',
    summary: 'Readiness: PostgreSQL answers (Redis is reported, not required)',
    response: {
      status: 200,
      description:
        'Ready; 503 with the same body when PostgreSQL does not answer or start-up work is still running (`checks.startup`: the demo data of a new embedded data folder).',
      schema: HealthSchema,
    },
    errors: [],
  }),
  operation({
    method: 'get',
    path: '/metrics',
    operationId: 'metrics',
    tag: 'operations',
    auth: 'none',
    summary:
      'Prometheus metrics: requests and latency by route and status, bookings, cache hits and misses',
    response: {
      status: 200,
      description: 'The Prometheus text format.',
      contentType: 'text/plain',
    },
    errors: [],
  }),
  operation({
    method: 'get',
    path: '/openapi.json',
    operationId: 'openapi',
    tag: 'operations',
    auth: 'none',
    summary: 'This OpenAPI 3.1 document',
    response: { status: 200, description: 'The document.', contentType: 'application/json' },
    errors: [],
  }),
  operation({
    method: 'get',
    path: '/static/{folder}/{file}',
    operationId: 'staticImage',
    tag: 'operations',
    auth: 'none',
    summary: 'A stored image (doctor picture or specialization image), as linked from the views',
    params: StaticImageParams,
    cacheControl: 'public, max-age=86400',
    response: { status: 200, description: 'The image.', contentType: 'image/*' },
    errors: ['IMAGE_NOT_FOUND'],
  }),
] as const;

/** The operation id of an operations endpoint: a host serving them has one handler per id. @category Endpoints */
export type OperationId = (typeof operationEndpoints)[number]['operationId'];
