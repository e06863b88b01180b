package server

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"github.com/99designs/gqlgen/graphql/playground"
)

// examples.graphql holds GraphiQL's default tabs: operations separated by lines of
// "# ---", each starting with a "# Title" comment line.
//
//go:embed examples.graphql
var examples string

type graphiqlUI struct {
	page, assets http.Handler
}

// asset is a GraphiQL script or style served from the local npm install.
type asset struct{ path, url, sri string }

// graphiql returns gqlgen's GraphiQL page, with its scripts served from assetsDir when they
// are installed there (no CDN needed), and the example tabs preloaded on a first visit.
func graphiql(assetsDir string, log *slog.Logger) graphiqlUI {
	files := []*asset{
		{path: "graphiql/graphiql.min.js"}, {path: "graphiql/graphiql.min.css"},
		{path: "react/umd/react.production.min.js"}, {path: "react-dom/umd/react-dom.production.min.js"},
	}
	local := assetsDir != ""
	for _, a := range files {
		b, err := os.ReadFile(filepath.Join(assetsDir, a.path))
		if err != nil {
			local = false
			break
		}
		sum := sha256.Sum256(b)
		a.url, a.sri = "/assets/"+a.path, "sha256-"+base64.StdEncoding.EncodeToString(sum[:])
	}
	var opts []playground.GraphiqlConfigOption
	opts = append(opts, playground.WithStoragePrefix("batterykg:"))
	if local {
		opts = append(opts,
			playground.WithGraphiqlVersion(files[0].url, files[1].url, files[0].sri, files[1].sri),
			playground.WithGraphiqlReactVersion(files[2].url, files[3].url, files[2].sri, files[3].sri))
	} else {
		log.Warn("GraphiQL assets not installed locally; the page loads them from a CDN", "dir", assetsDir)
	}
	base := playground.Handler("batterykg GraphiQL", "/graphql", opts...)
	rec := httptest.NewRecorder()
	base(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	html := injectTabs(rec.Body.String())

	assets := http.NotFoundHandler()
	if local {
		allowed := map[string]bool{}
		for _, a := range files {
			allowed[a.path] = true
		}
		fs := http.StripPrefix("/assets/", http.FileServer(http.Dir(assetsDir)))
		assets = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !allowed[strings.TrimPrefix(r.URL.Path, "/assets/")] {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Cache-Control", "public, max-age=86400")
			fs.ServeHTTP(w, r)
		})
	}
	page := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(html))
	})
	return graphiqlUI{page: page, assets: assets}
}

// injectTabs adds a script that seeds GraphiQL's stored tabs with the examples on a first
// visit (GraphiQL restores its tabs from storage; a visitor's own tabs are kept).
func injectTabs(html string) string {
	type tab struct {
		ID            string  `json:"id"`
		Hash          string  `json:"hash"`
		Title         string  `json:"title"`
		Query         string  `json:"query"`
		Variables     *string `json:"variables"`
		Headers       *string `json:"headers"`
		OperationName *string `json:"operationName"`
		Response      *string `json:"response"`
	}
	var tabs []tab
	for i, part := range strings.Split(examples, "\n# ---\n") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		title, _, _ := strings.Cut(part, "\n")
		tabs = append(tabs, tab{ID: "example-" + string(rune('a'+i)), Hash: "", Title: strings.TrimSpace(strings.TrimPrefix(title, "#")), Query: part})
	}
	state, _ := json.Marshal(map[string]any{"tabs": tabs, "activeTabIndex": 0})
	query := jsString(tabs[0].Query)
	var b bytes.Buffer
	b.WriteString("<script>(function(){var p='batterykg:';")
	b.WriteString("if(!localStorage.getItem(p+'graphiql:tabState')){")
	b.WriteString("localStorage.setItem(p+'graphiql:tabState'," + jsString(string(state)) + ");")
	b.WriteString("localStorage.setItem(p+'graphiql:query'," + query + ");}")
	// A link from the explorer (?query=…&variables=…) opens its query in a new, active tab.
	b.WriteString("var u=new URLSearchParams(location.search),q=u.get('query');if(q){")
	b.WriteString("var s=JSON.parse(localStorage.getItem(p+'graphiql:tabState')||'{\"tabs\":[]}');")
	b.WriteString("s.tabs.push({id:'explorer-'+Date.now(),hash:'',title:'From the explorer',query:q,variables:u.get('variables'),")
	b.WriteString("headers:null,operationName:null,response:null});s.activeTabIndex=s.tabs.length-1;")
	b.WriteString("localStorage.setItem(p+'graphiql:tabState',JSON.stringify(s));localStorage.setItem(p+'graphiql:query',q);")
	b.WriteString("history.replaceState(null,'',location.pathname);}")
	b.WriteString("})();</script>\n")
	b.WriteString(explorerLink)
	return strings.Replace(html, "<body>", "<body>\n"+b.String(), 1)
}

// explorerLink is GraphiQL's way to the explorer (/explore), in the bottom-right corner.
const explorerLink = `<a href="/explore" id="batterykg-explorer-link" style="position:fixed;z-index:10;bottom:18px;right:22px;` +
	`padding:4px 10px;border-radius:6px;background:#0b5cad;color:#fff;font:600 13px system-ui,sans-serif;text-decoration:none">` +
	`Explorer: see the graph</a>` + "\n"

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return strings.ReplaceAll(string(b), "</", "<\\/")
}
