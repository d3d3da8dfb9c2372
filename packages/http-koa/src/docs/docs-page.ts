import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Router from '@koa/router';
import type { ServerState } from '../http/state.js';

/** Files of swagger-ui-dist the page loads, served from the installed package (no CDN). */
const assets: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'index.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
};

const distDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Doctorly API</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
  <link rel="stylesheet" href="/docs/index.css">
  <link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script src="/docs/swagger-ui-standalone-preset.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>
`;

// A file of its own, not an inline script, so the page works under a strict CSP.
const init = `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  persistAuthorization: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  plugins: [SwaggerUIBundle.plugins.DownloadUrl],
  layout: 'StandaloneLayout',
});
`;

const contentSecurityPolicy =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'";

/**
 * The interactive API page: `/docs` (Swagger UI over `/openapi.json`), its assets from the
 * installed swagger-ui-dist, and `/` redirecting there. Works offline.
 * @category Adapters
 */
export function docsRouter(): Router<ServerState> {
  const router = new Router<ServerState>();
  const cache = new Map<string, Buffer>();
  router.get('/', (ctx) => {
    ctx.redirect('/docs');
  });
  router.get('/docs', (ctx) => {
    ctx.set('Content-Security-Policy', contentSecurityPolicy);
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = page;
  });
  router.get('/docs/init.js', (ctx) => {
    ctx.type = 'text/javascript; charset=utf-8';
    ctx.body = init;
  });
  router.get('/docs/:asset', async (ctx, next) => {
    const type = assets[ctx.params.asset ?? ''];
    if (type === undefined) {
      await next();
      return;
    }
    let bytes = cache.get(ctx.params.asset ?? '');
    if (!bytes) {
      bytes = await readFile(join(distDir, ctx.params.asset ?? ''));
      cache.set(ctx.params.asset ?? '', bytes);
    }
    ctx.set('Cache-Control', 'public, max-age=3600');
    ctx.type = type;
    ctx.body = bytes;
  });
  return router;
}
