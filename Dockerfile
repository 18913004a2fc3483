# seoul-node in two stages: build on Debian with Rust, run on slim Debian as a non-root user.
#
#   docker build -t seoul-node .
#   docker run -p 30333:30333 -p 9944:9944 -p 9615:9615 -v seoul-data:/data seoul-node \
#     --dev --rpc-external --prometheus-external
#
# No Docker engine runs on the project's build machines: this file is not built in CI.

FROM rust:1.95-bookworm AS builder
RUN apt-get update \
	&& DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
		protobuf-compiler clang libclang-dev \
	&& rm -rf /var/lib/apt/lists/* \
	&& rustup target add wasm32v1-none \
	&& rustup component add rust-src
WORKDIR /build
COPY . .
RUN cargo build --locked --release -p seoul-node \
	&& cp target/release/seoul-node /usr/local/bin/seoul-node

FROM debian:bookworm-slim
RUN apt-get update \
	&& DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates \
	&& rm -rf /var/lib/apt/lists/* \
	&& useradd --system --uid 1000 --create-home --home-dir /home/seoul seoul \
	&& mkdir /data \
	&& chown seoul:seoul /data
COPY --from=builder /usr/local/bin/seoul-node /usr/local/bin/seoul-node
USER seoul
VOLUME ["/data"]
# p2p, JSON-RPC, Prometheus
EXPOSE 30333 9944 9615
ENTRYPOINT ["/usr/local/bin/seoul-node", "--base-path", "/data"]
CMD ["--chain", "local"]
