# Loket: multi-stage image. The runtime stage has production dependencies only and runs as a
# non-root user. The database comes from MONGODB_URI (docker-compose.yml starts mongo:7).

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS check
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The type check, then the compiled JavaScript the runtime runs: tsx's loader thread and its
# compiled sources would stay resident for the life of the server (docs/performance.md, "Memory").
RUN npm run typecheck && npm run build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
# glibc raises its mmap threshold each time a large block is freed, so later upload buffers come
# from the heap and stay resident after a busy hour; a fixed threshold keeps them mapped and
# returned (docs/performance.md, "Memory").
ENV MALLOC_MMAP_THRESHOLD_=131072
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node package.json tsconfig.json ./
COPY --chown=node:node src ./src
COPY --chown=node:node flows ./flows
COPY --chown=node:node intents ./intents
COPY --chown=node:node locales ./locales
COPY --chown=node:node agencies.yaml ./agencies.yaml
COPY --chown=node:node scripts ./scripts
COPY --from=check --chown=node:node /app/dist ./dist
RUN mkdir -p /app/data && chown node:node /app/data
USER node
# Train the NLU once at build time (DATA_DIR/nlu-cache): a container starts without training.
RUN node dist/src/nlu/cli.js store
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# src/ stays for the command-line tools (npm run officer:create, worker, chat), which run with tsx.
CMD ["node", "--enable-source-maps", "dist/src/main.js"]
