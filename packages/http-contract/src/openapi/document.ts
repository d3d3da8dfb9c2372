import {
  OpenAPIRegistry,
  OpenApiGeneratorV31,
  type ResponseConfig,
  type RouteConfig,
} from '@asteasolutions/zod-to-openapi';
import { mappingOf, type ErrorCode } from '../errors/error-table.js';
import type { EndpointDeclaration } from '../endpoint/declaration.js';
import { ErrorBodySchema } from './view-schemas.js';
import { z } from '../zod.js';

/** Title, version and server URL of the document. @category OpenAPI */
export interface DocumentInfo {
  readonly title: string;
  readonly version: string;
  readonly description: string;
  readonly serverUrl: string;
}

const bearerAuth = 'bearerAuth';
const basicAuth = 'basicAuth';

/** Errors every route of a kind can answer, on top of the route's own list. */
function impliedErrors(definition: EndpointDeclaration): ErrorCode[] {
  const codes: ErrorCode[] = [];
  if (definition.auth === 'bearer') codes.push('UNAUTHENTICATED');
  if (definition.params || definition.query || definition.body) codes.push('VALIDATION_FAILED');
  if (definition.body) codes.push('MALFORMED_BODY', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE');
  if (definition.body?.kind === 'image') codes.push('UNSUPPORTED_IMAGE');
  codes.push('INTERNAL');
  return codes;
}

/** The error responses of a route: one per status, listing the codes it stands for. */
function errorResponses(definition: EndpointDeclaration): Record<string, ResponseConfig> {
  const byStatus = new Map<number, Set<ErrorCode>>();
  for (const code of [...impliedErrors(definition), ...definition.errors]) {
    const { status } = mappingOf(code);
    byStatus.set(status, (byStatus.get(status) ?? new Set()).add(code));
  }
  const responses: Record<string, ResponseConfig> = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const lines = [...codes].map((code) => `\`${code}\`: ${mappingOf(code).description}`);
    const response: ResponseConfig = {
      description: lines.join('\n\n'),
      content: { 'application/json': { schema: ErrorBodySchema } },
    };
    if (status === 401)
      response.headers = {
        'WWW-Authenticate': {
          description: 'The expected scheme (Bearer or Basic).',
          schema: { type: 'string' },
        },
      };
    if (status === 429)
      response.headers = {
        'Retry-After': {
          description: 'Seconds to wait before trying again.',
          schema: { type: 'integer' },
        },
      };
    responses[String(status)] = response;
  }
  return responses;
}

function successResponse(definition: EndpointDeclaration): ResponseConfig {
  const { response } = definition;
  const config: ResponseConfig = { description: response.description };
  if (response.schema) {
    const schema = definition.paged ? z.array(response.schema) : response.schema;
    config.content = { 'application/json': { schema } };
  } else if (response.contentType) {
    config.content = {
      [response.contentType]: {
        schema: {
          type: 'string',
          ...(response.contentType.startsWith('image/') ? { format: 'binary' } : {}),
        },
      },
    };
  }
  if (definition.paged) {
    config.headers = {
      'X-Total-Count': {
        description: 'Items in the whole list (for paging).',
        schema: { type: 'integer' },
      },
    };
  }
  return config;
}

function routeConfig(definition: EndpointDeclaration): RouteConfig {
  const request: NonNullable<RouteConfig['request']> = {};
  if (definition.params) request.params = definition.params;
  if (definition.query) request.query = definition.query;
  if (definition.headers) request.headers = definition.headers;
  if (definition.body?.kind === 'json') {
    request.body = {
      required: definition.body.optional !== true,
      content: { 'application/json': { schema: definition.body.schema } },
    };
  } else if (definition.body?.kind === 'image') {
    request.body = {
      required: true,
      content: {
        'multipart/form-data': {
          schema: z.object({
            [definition.body.field]: z.string().openapi({
              type: 'string',
              format: 'binary',
              description: 'A PNG, JPEG or WebP image.',
            }),
          }),
        },
      },
    };
  }
  const security =
    definition.auth === 'bearer'
      ? [{ [bearerAuth]: [] }]
      : definition.auth === 'basic'
        ? [{ [basicAuth]: [] }]
        : [];
  return {
    method: definition.method,
    path: definition.path,
    operationId: definition.operationId,
    tags: [definition.tag],
    summary: definition.summary,
    ...(definition.description === undefined ? {} : { description: definition.description }),
    security,
    request,
    responses: {
      [String(definition.response.status)]: successResponse(definition),
      ...errorResponses(definition),
    },
  };
}

/**
 * The OpenAPI 3.1 document of `endpoints`, from the same zod schemas that parse requests
 * (bodies, parameters, headers) and the contract's view schemas (responses): any host
 * serving {@link allEndpoints} serves the same document.
 * @category OpenAPI
 */
export function buildOpenApiDocument(
  endpoints: readonly EndpointDeclaration[],
  info: DocumentInfo,
): Record<string, unknown> {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', bearerAuth, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A token from POST /auth/get_token.',
  });
  registry.registerComponent('securitySchemes', basicAuth, {
    type: 'http',
    scheme: 'basic',
    description: 'Email and password (POST /auth/get_token only).',
  });
  for (const definition of endpoints) registry.registerPath(routeConfig(definition));
  const generator = new OpenApiGeneratorV31(registry.definitions);
  return generator.generateDocument({
    openapi: '3.1.0',
    info: { title: info.title, version: info.version, description: info.description },
    servers: [{ url: info.serverUrl }],
  }) as unknown as Record<string, unknown>;
}
