/** A JSON Schema fragment of the OpenAPI document, as far as the generators read it. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  pattern?: string;
  format?: string;
  maxLength?: number;
  anyOf?: JsonSchema[];
}

/** One operation of `/openapi.json`: what the hostile generators aim at. */
export interface Operation {
  readonly method: string;
  readonly path: string;
  readonly auth: 'bearer' | 'basic' | 'none';
  readonly pathParams: { name: string; schema: JsonSchema }[];
  readonly queryParams: { name: string; schema: JsonSchema }[];
  readonly body?: { contentType: string; schema: JsonSchema; required: boolean };
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        security?: Record<string, unknown>[];
        parameters?: { name: string; in: string; schema: JsonSchema }[];
        requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
}

/** Every operation of the server's own OpenAPI document: the route list is the server's, not ours. */
export function operationsOf(document: unknown): Operation[] {
  const { paths } = document as OpenApiDocument;
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const scheme = Object.keys(op.security?.[0] ?? {})[0] ?? '';
      const params = op.parameters ?? [];
      const [contentType, media] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
      operations.push({
        method: method.toUpperCase(),
        path,
        auth: /basic/i.test(scheme) ? 'basic' : /bearer/i.test(scheme) ? 'bearer' : 'none',
        pathParams: params
          .filter((p) => p.in === 'path')
          .map(({ name, schema }) => ({ name, schema })),
        queryParams: params
          .filter((p) => p.in === 'query')
          .map(({ name, schema }) => ({ name, schema })),
        ...(contentType &&
          media && {
            body: {
              contentType,
              schema: media.schema,
              required: op.requestBody?.required ?? false,
            },
          }),
      });
    }
  }
  return operations;
}

/** Whether a schema (or one of its alternatives) is of `type`. */
export function hasType(schema: JsonSchema, type: string): boolean {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return types.includes(type) || (schema.anyOf ?? []).some((s) => hasType(s, type));
}
