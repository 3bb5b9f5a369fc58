# certguide in a container: the self-contained binary of `make dist` on a slim Debian.
#   docker build --build-arg CERTGUIDE_COMMIT="$(git rev-parse --short=12 HEAD)" -t certguide .
#   docker run --rm -u "$(id -u):$(id -g)" -v "$PWD:/site" certguide build
#   docker run --rm -it -u "$(id -u):$(id -g)" -v "$PWD:/site" -p 127.0.0.1:8080:8080 certguide serve --host 0.0.0.0
# Built on the official Swift image of the same Debian release, so the C library matches.
FROM swift:6.3-bookworm AS build
WORKDIR /src
# The build context has no .git (.dockerignore): name the commit for --version.
ARG CERTGUIDE_COMMIT=unknown
ENV CERTGUIDE_COMMIT=${CERTGUIDE_COMMIT}
COPY . .
RUN make dist && mkdir /out && tar -xzf dist/certguide-*.tar.gz -C /out

FROM debian:bookworm-slim
# libcurl is used by `certguide check --external` only; ca-certificates lets it reach https.
# Not pinned: Debian 12's security updates of both should reach the image when it is rebuilt.
# hadolint ignore=DL3008
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates libcurl4 \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/certguide /usr/local/bin/certguide
WORKDIR /site
EXPOSE 8080
ENTRYPOINT ["certguide"]
CMD ["--help"]
