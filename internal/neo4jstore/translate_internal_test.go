package neo4jstore

import (
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/batterykg/batterykg/internal/kg"
)

// Neo4j's errors become the API's codes; a node deleted by another transaction under a
// mutation answered INTERNAL.
func TestTranslate(t *testing.T) {
	for _, tt := range []struct{ code, want string }{
		{"Neo.ClientError.Statement.EntityNotFound", kg.ECONFLICT},
		{"Neo.ClientError.Schema.ConstraintValidationFailed", kg.ECONFLICT},
		{"Neo.TransientError.Transaction.DeadlockDetected", kg.EUNAVAILABLE},
		{"Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration", kg.EUNAVAILABLE},
		{"Neo.ClientError.Statement.SyntaxError", kg.EINTERNAL},
	} {
		if got := kg.ErrorCode(translate(&neo4j.Neo4jError{Code: tt.code, Msg: "x"})); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.code, got, tt.want)
		}
	}
}
