# keylint in a container. Build and scan the current directory:
#   docker build -t keylint --build-arg KEYLINT_COMMIT="$(git rev-parse --short=12 HEAD)" .
#   docker run --rm -v "$PWD:/src" keylint
# The build stage runs the project's own scripts, exactly as a developer does (scripts/build.sh,
# without the tests), then packages the binary with cpack; the final stage installs that .deb, so
# the image holds the Debian runtime libraries the package declares and nothing of the toolchain.
FROM debian:bookworm-slim AS build
ARG KEYLINT_COMMIT=""
ENV KEYLINT_TESTS=OFF
WORKDIR /keylint
COPY . .
RUN scripts/install-deps.sh && scripts/build.sh
WORKDIR /keylint/build
RUN cpack -G DEB && mv keylint_*.deb /keylint.deb

FROM debian:bookworm-slim
COPY --from=build /keylint.deb /tmp/keylint.deb
RUN apt-get update \
 && apt-get install -y --no-install-recommends /tmp/keylint.deb \
 && rm -rf /var/lib/apt/lists/* /tmp/keylint.deb \
 && keylint --version
# pre-commit's docker hook mounts the repository at /src and runs keylint there.
WORKDIR /src
ENTRYPOINT ["keylint"]
CMD ["scan", "/src"]
