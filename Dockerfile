# syntax=docker/dockerfile:1
# One image for both processes of Doctorly:
#   server: node packages/http-koa/dist/main.js   (the default command)
#   worker: node packages/worker/dist/main.js     (docker-compose.yaml's `worker` service)
#   CLI:    node packages/worker/dist/cli.js …    (create-admin, outbox, reindex; docs/deployment.md)
# Build: docker build -t doctorly .

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: every dependency, compile TypeScript to each package's dist/ ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Manifests first, so the dependency layer is cached until they change.
COPY package.json package-lock.json ./
COPY packages/core/package.json packages/core/
COPY packages/adapters-postgres/package.json packages/adapters-postgres/
COPY packages/adapters-redis/package.json packages/adapters-redis/
COPY packages/runtime/package.json packages/runtime/
COPY packages/http-contract/package.json packages/http-contract/
COPY packages/http-koa/package.json packages/http-koa/
COPY packages/worker/package.json packages/worker/
COPY test/support/package.json test/support/
# No package of the stack needs an install script (sharp ships prebuilt binaries).
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.base.json ./
COPY packages packages
# Some packages compile test helpers against @doctorly/test-support; it is not shipped.
COPY test/support test/support
RUN npm run build

# ---- runtime: production dependencies of the two hosts, compiled code, nothing else ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/packages/core/package.json packages/core/
COPY --from=build /app/packages/adapters-postgres/package.json packages/adapters-postgres/
COPY --from=build /app/packages/adapters-redis/package.json packages/adapters-redis/
COPY --from=build /app/packages/runtime/package.json packages/runtime/
COPY --from=build /app/packages/http-contract/package.json packages/http-contract/
COPY --from=build /app/packages/http-koa/package.json packages/http-koa/
COPY --from=build /app/packages/worker/package.json packages/worker/
COPY --from=build /app/test/support/package.json test/support/
# Only what the server and the worker need at run time (their workspace packages are linked
# into node_modules/@doctorly); no compilers, linters, test tools or test-support deps.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
      --workspace packages/http-koa --workspace packages/worker \
    && npm cache clean --force
# Packages resolve each other through package.json `exports` (default → dist/).
COPY --from=build /app/packages/core/dist packages/core/dist
COPY --from=build /app/packages/adapters-postgres/dist packages/adapters-postgres/dist
COPY --from=build /app/packages/adapters-postgres/migrations packages/adapters-postgres/migrations
COPY --from=build /app/packages/adapters-redis/dist packages/adapters-redis/dist
COPY --from=build /app/packages/runtime/dist packages/runtime/dist
COPY --from=build /app/packages/http-contract/dist packages/http-contract/dist
COPY --from=build /app/packages/http-koa/dist packages/http-koa/dist
COPY --from=build /app/packages/worker/dist packages/worker/dist
# DATA_DIR holds uploaded images (and, without DATABASE_URL, the PGlite database): a volume.
RUN mkdir -p /data && chown node:node /data
ENV DATA_DIR=/data PORT=5000 HOST=0.0.0.0
VOLUME ["/data"]
USER node
EXPOSE 5000
# The server answers /healthz without touching PostgreSQL or Redis: "the process is alive".
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||5000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The heap limit keeps V8 from letting garbage grow the heap with the host's memory (a server
# keeps ~50 MB alive; bench/processes.ts productionNodeFlags runs the bench the same way).
CMD ["node", "--max-old-space-size=256", "packages/http-koa/dist/main.js"]
