# syntax=docker/dockerfile:1
# Floorwatch as a production image: the compiled BFF (which also serves the SPA and, for demos,
# can run the gateway simulator) with only its production dependencies, on Node 24 LTS, as a
# non-root user, with node itself as the process that receives the stop signal.
#
#   docker build -t floorwatch .            (or: docker compose build)
#
# scripts/check-image.mjs builds the runtime stage's content the same way (scripts/build-runtime.mjs)
# and checks it in CI, where there is no Docker engine.

ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
# corepack cannot verify pnpm on every registry (docs/decisions/0001); npm installs the pin.
RUN npm install -g pnpm@10.34.9
# Manifests first, so the dependency layer is reused while only sources change.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
COPY apps/bff/package.json apps/bff/
COPY apps/web/package.json apps/web/
COPY apps/gateway-sim/package.json apps/gateway-sim/
COPY packages/contracts/package.json packages/contracts/
COPY e2e/package.json e2e/
COPY bench/package.json bench/
RUN pnpm install --frozen-lockfile
COPY . .
# The commit for floorwatch_build_info (.git is not in the build context).
ARG FLOORWATCH_COMMIT=unknown
RUN pnpm --filter @floorwatch/web build \
 && FLOORWATCH_COMMIT="${FLOORWATCH_COMMIT}" node scripts/build-runtime.mjs /out

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    FLOORWATCH_DATA_DIR=/data \
    HOST=0.0.0.0 \
    PORT=8080
WORKDIR /app
# Owned by root and read-only to the service user: the process can change nothing of itself.
COPY --from=build /out /app
RUN mkdir /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 8080
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/readyz').then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node directly (no npm or pnpm in between): it gets SIGTERM and signs out of the gateway, as
# PID 1 or under an init such as tini (compose's `init: true`). The simulator:
# CMD ["node", "apps/bff/dist/gateway-sim.js"]; a password hash: node apps/bff/dist/hash-password.js
CMD ["node", "--enable-source-maps", "apps/bff/dist/index.js"]
