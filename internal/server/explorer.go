package server

import (
	"embed"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

// explore holds the explorer's own page, script and style (internal/server/explore).
//
//go:embed explore
var exploreFiles embed.FS

// explorerVendor maps the scripts the explorer page loads from /explore/vendor/ to their
// place in the npm install (web/node_modules): nothing else of the install is served.
var explorerVendor = map[string]string{
	"cytoscape.min.js":   "cytoscape/dist/cytoscape.min.js",
	"layout-base.js":     "layout-base/layout-base.js",
	"cose-base.js":       "cose-base/cose-base.js",
	"cytoscape-fcose.js": "cytoscape-fcose/cytoscape-fcose.js",
	"echarts.min.js":     "echarts/dist/echarts.min.js",
}

// explorer returns the handler of /explore and everything below it: the page, its own
// script and style, and the graph and chart libraries from assetsDir. The page is a client of
// /graphql like any other; it needs no endpoint of its own. Without the libraries installed
// the page says how to install them (it never loads them from a CDN).
func explorer(assetsDir string, log *slog.Logger) http.Handler {
	missing := ""
	for _, p := range explorerVendor {
		if _, err := os.Stat(filepath.Join(assetsDir, p)); err != nil {
			missing = p
			break
		}
	}
	if missing != "" {
		log.Warn("the explorer's scripts are not installed (run `make web`); /explore says so", "dir", assetsDir, "missing", missing)
	}
	own, _ := fs.Sub(exploreFiles, "explore")
	static := http.FileServer(http.FS(own))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rest := strings.TrimPrefix(r.URL.Path, "/explore")
		switch {
		case rest == "" || rest == "/":
			if missing != "" {
				w.Header().Set("Content-Type", "text/plain; charset=utf-8")
				w.WriteHeader(http.StatusServiceUnavailable)
				w.Write([]byte("The explorer's scripts are not installed: run `make web` and restart the server.\n"))
				return
			}
			page, _ := exploreFiles.ReadFile("explore/index.html")
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Cache-Control", "no-cache")
			w.Write(page)
		case strings.HasPrefix(rest, "/vendor/"):
			p, ok := explorerVendor[strings.TrimPrefix(rest, "/vendor/")]
			if !ok || missing != "" {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Cache-Control", "public, max-age=86400")
			http.ServeFile(w, r, filepath.Join(assetsDir, p))
		case rest == "/explore.js" || rest == "/explore.css":
			w.Header().Set("Cache-Control", "no-cache")
			r2 := r.Clone(r.Context())
			r2.URL.Path = rest
			static.ServeHTTP(w, r2)
		default:
			http.NotFound(w, r)
		}
	})
}
