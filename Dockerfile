# Boutiq production image: the release server and its site, on a small Debian runtime.
# Build:  docker build -t boutiq .
# Run:    docker run -p 3000:3000 -v boutiq-data:/app/data boutiq

# ---- build ---------------------------------------------------------------------------------
FROM rust:1.95-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
RUN rustup target add wasm32-unknown-unknown \
 && rustup toolchain install nightly --profile minimal \
 && cargo +nightly install cargo-leptos --version 0.3.11 --locked
# wasm-opt from npm (binaryen 132); Debian's binaryen is too old and breaks hydration.
RUN npm install -g binaryen@132
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY .ci/tools .ci/tools
# wasm-bindgen-cli must match the version in Cargo.lock exactly.
RUN .ci/tools
COPY . .
# --precompress writes brotli (quality 11) and gzip beside each file of the site, served as they
# are: the wasm is 1.1 MB on the wire instead of 1.34 MB compressed on the fly.
RUN cargo leptos build --release --precompress

# ---- runtime -------------------------------------------------------------------------------
FROM debian:bookworm-slim AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home /app --uid 10001 boutiq
WORKDIR /app
COPY --from=build /src/target/release/boutiq /app/boutiq
COPY --from=build /src/target/site /app/site
COPY --from=build /src/Leptos.toml /app/Leptos.toml
RUN mkdir -p /app/data && chown -R boutiq /app/data
USER boutiq
ENV BOUTIQ_LISTEN=0.0.0.0:3000 \
    BOUTIQ_SITE_ROOT=/app/site \
    BOUTIQ_DATA_DIR=/app/data
VOLUME ["/app/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD curl -fsS http://127.0.0.1:3000/readyz || exit 1
# SIGTERM lets requests in flight finish (graceful shutdown).
STOPSIGNAL SIGTERM
CMD ["/app/boutiq"]
