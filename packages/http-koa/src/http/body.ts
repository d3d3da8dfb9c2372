import { Writable } from 'node:stream';
import { HttpProblem } from '@doctorly/http-contract';
import type { Context, Middleware } from 'koa';
import { koaBody } from 'koa-body';
import type { ServerState } from './state.js';

/** Whether the request carries a body at all (RFC 9110 §6.4.1: a length or a transfer coding). */
function hasBody(ctx: Context): boolean {
  return ctx.req.headers['transfer-encoding'] !== undefined || (ctx.request.length ?? 0) > 0;
}

/**
 * Parses a JSON body (objects and arrays only) of at most `limitBytes`. A request without a
 * body reads as `{}`, so that the use case names the missing fields; any other content type
 * is refused with 415 before a byte is read.
 */
export function jsonBody(limitBytes: number): Middleware<ServerState> {
  const parse = koaBody({
    json: true,
    jsonStrict: true,
    jsonLimit: limitBytes,
    multipart: false,
    urlencoded: false,
    text: false,
  });
  return async (ctx, next) => {
    if (!hasBody(ctx)) {
      ctx.request.body = {};
      await next();
      return;
    }
    if (!ctx.is('application/json', '+json')) {
      throw new HttpProblem(
        'UNSUPPORTED_MEDIA_TYPE',
        `Expected a JSON body (Content-Type: application/json), got ${ctx.get('Content-Type') || 'none'}.`,
      );
    }
    await parse(ctx, next);
  };
}

/** The bytes of an uploaded file, kept in memory (never in a temporary folder). */
export interface UploadedFile {
  readonly field: string;
  readonly bytes: Buffer;
  /** As the client named and typed it: for logs only, never trusted. */
  readonly originalName: string | null;
  readonly declaredType: string | null;
}

/**
 * Parses a `multipart/form-data` body whose files (at most `maxFiles`, each at most
 * `limitBytes`) stay in memory: `ctx.state.uploads`. Too large → 413; another content
 * type → 415.
 */
export function multipartBody(
  limitBytes: number,
  maxFiles = 1,
): Middleware<ServerState & { uploads?: UploadedFile[] }> {
  return async (ctx, next) => {
    if (!ctx.is('multipart/form-data')) {
      throw new HttpProblem(
        'UNSUPPORTED_MEDIA_TYPE',
        `Expected multipart/form-data, got ${ctx.get('Content-Type') || 'none'}.`,
      );
    }
    const chunks = new Map<object, Buffer[]>();
    const parse = koaBody({
      multipart: true,
      json: false,
      urlencoded: false,
      text: false,
      formLimit: limitBytes,
      formidable: {
        maxFiles,
        maxFileSize: limitBytes,
        maxTotalFileSize: limitBytes * maxFiles,
        maxFields: 20,
        maxFieldsSize: 64 * 1024,
        allowEmptyFiles: false,
        minFileSize: 1,
        fileWriteStreamHandler: (file) => {
          const parts: Buffer[] = [];
          if (file) chunks.set(file, parts);
          return new Writable({
            write(chunk: Buffer, _encoding, done) {
              parts.push(chunk);
              done();
            },
          });
        },
      },
    });
    await parse(ctx, async () => {});
    const uploads: UploadedFile[] = [];
    for (const [field, value] of Object.entries(ctx.request.files ?? {})) {
      for (const file of Array.isArray(value) ? value : [value]) {
        uploads.push({
          field,
          bytes: Buffer.concat(chunks.get(file) ?? []),
          originalName: file.originalFilename,
          declaredType: file.mimetype,
        });
      }
    }
    ctx.state.uploads = uploads;
    await next();
  };
}
