# syntax=docker/dockerfile:1
# One image for both compose services (the BFF, which also serves the SPA, and the gateway
# simulator). TypeScript runs through tsx (docs/decisions/0001), so the runtime keeps the
# workspace with its dependencies; only the SPA is compiled.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
# corepack cannot verify pnpm on every registry (docs/decisions/0001); npm installs the pin.
RUN npm install -g pnpm@10.34.9
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
COPY apps/bff/package.json apps/bff/
COPY apps/web/package.json apps/web/
COPY apps/gateway-sim/package.json apps/gateway-sim/
COPY packages/contracts/package.json packages/contracts/
COPY e2e/package.json e2e/
COPY bench/package.json bench/
RUN pnpm install --frozen-lockfile

FROM deps AS build
COPY . .
RUN pnpm --filter @floorwatch/web build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
RUN npm install -g pnpm@10.34.9
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 8080 8043
# The compose file picks the service; this default runs the BFF.
CMD ["pnpm", "--silent", "--filter", "@floorwatch/bff", "start"]
