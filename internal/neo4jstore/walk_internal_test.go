package neo4jstore

import (
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// Points reach GraphML, CSV and JSON with every digit (they were written with six
// decimals), in the form Cypher reads back.
func TestPlainValuePoints(t *testing.T) {
	for _, tt := range []struct {
		in   any
		want string
	}{
		{dbtype.Point2D{X: 4.867123456, Y: 50.465988123, SpatialRefId: 4326}, "point({srid: 4326, x: 4.867123456, y: 50.465988123})"},
		{dbtype.Point3D{X: 1, Y: 2.5, Z: -0.000000001, SpatialRefId: 9157}, "point({srid: 9157, x: 1.0, y: 2.5, z: -1e-09})"},
	} {
		if got := plainValue(tt.in); got != tt.want {
			t.Errorf("plainValue(%v) = %v, want %s", tt.in, got, tt.want)
		}
	}
	if got := plainValue([]any{dbtype.Point2D{X: 0.1, Y: 0.2, SpatialRefId: 7203}}); len(got.([]any)) != 1 || got.([]any)[0] != "point({srid: 7203, x: 0.1, y: 0.2})" {
		t.Errorf("a list of points: %v", got)
	}
}
