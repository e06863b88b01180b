package graph_test

import (
	"testing"
)

func TestActorLookup(t *testing.T) {
	a := newAPI(t)
	var resp struct {
		Actor struct {
			ID, Name, Kind string
			Region         *string
			Sources        []string
			Confidence     string
			Projects       struct {
				TotalCount int
				Edges      []struct {
					Role    string
					Project struct{ ID, Name string }
				}
			}
			Stages []struct{ Code string }
		}
	}
	a.query(t, `{ actor(id: "unamur") { id name kind region sources confidence
		projects { totalCount edges { role project { id name } } } stages { code } } }`, &resp)
	got := resp.Actor
	if got.ID != "unamur" || got.Kind != "UNIVERSITY" || got.Region == nil || *got.Region != "WAL" {
		t.Fatalf("unamur = %+v", got)
	}
	if len(got.Sources) == 0 || got.Confidence == "" {
		t.Errorf("unamur has no provenance: %+v", got)
	}
	var coordinates bool
	for _, e := range got.Projects.Edges {
		if e.Project.ID == "batfactory" && e.Role == "COORDINATOR" {
			coordinates = true
		}
	}
	if !coordinates {
		t.Errorf("unamur does not coordinate batfactory: %+v", got.Projects)
	}
}
