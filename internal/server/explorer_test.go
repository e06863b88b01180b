package server

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExplorerRoutes checks what /explore serves: the page, its own script and style, the
// whitelisted libraries from the npm install and nothing else of it; and without the
// libraries installed, a page that says how to install them.
func TestExplorerRoutes(t *testing.T) {
	dir := t.TempDir()
	for _, p := range explorerVendor {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755)
		os.WriteFile(filepath.Join(dir, p), []byte("// "+p), 0o644)
	}
	os.WriteFile(filepath.Join(dir, "cytoscape", "package.json"), []byte("{}"), 0o644)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	h := explorer(dir, log)
	get := func(h http.Handler, path string) (int, string) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		return rec.Code, rec.Body.String()
	}
	for _, c := range []struct {
		path, want string
		code       int
	}{
		{"/explore", `<script src="/explore/explore.js">`, 200},
		{"/explore/", `<script src="/explore/vendor/cytoscape.min.js">`, 200},
		{"/explore/explore.js", "window.explorer", 200},
		{"/explore/explore.css", "Okabe-Ito", 200},
		{"/explore/vendor/echarts.min.js", "// echarts/dist/echarts.min.js", 200},
		{"/explore/vendor/cytoscape-fcose.js", "// cytoscape-fcose/cytoscape-fcose.js", 200},
		{"/explore/vendor/package.json", "", 404},
		{"/explore/vendor/../cytoscape/package.json", "", 404},
		{"/explore/index.html", "", 404},
		{"/explore/nothing", "", 404},
	} {
		code, body := get(h, c.path)
		if code != c.code || !strings.Contains(body, c.want) {
			t.Errorf("GET %s: %d %.80q, want %d with %q", c.path, code, body, c.code, c.want)
		}
	}
	// The page loads every library it needs from the whitelist, and nothing from elsewhere.
	_, page := get(h, "/explore")
	for name := range explorerVendor {
		if !strings.Contains(page, `src="/explore/vendor/`+name+`"`) {
			t.Errorf("the page does not load %s", name)
		}
	}
	if strings.Contains(page, "http://") || strings.Contains(page, "https://") {
		t.Error("the page refers to another origin")
	}

	code, body := get(explorer(t.TempDir(), log), "/explore")
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "make web") {
		t.Errorf("without the libraries: %d %q", code, body)
	}
}
