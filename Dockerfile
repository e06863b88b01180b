# batterykg server image. Not built on the development machines (they have no Docker engine):
# kept simple so that it works where Docker is.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/batterykg ./cmd/batterykg

FROM node:20-bookworm-slim AS web
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/batterykg /batterykg
COPY --from=web /web/node_modules /web/node_modules
COPY data/seed /data/seed
EXPOSE 8080
ENTRYPOINT ["/batterykg", "serve", "--addr", "0.0.0.0:8080", "--assets", "/web/node_modules"]
