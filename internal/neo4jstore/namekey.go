package neo4jstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/batterykg/batterykg/internal/kg"
)

// Name sort keys (kg.NameKey) are derived data, kept by every write path:
//   - a mutation sets the key with the name (cypherc's upsert);
//   - each import transaction sets the keys of the nodes it touched before it commits, when
//     the database has the batterykg plugin (KeepNameKeys, cypherfile.Options.Upkeep), so
//     that no committed actor is missing from a page sorted by name;
//   - every import ends with RepairNameKeys over the whole graph, for what no transaction
//     hook sees (CALL { ... } IN TRANSACTIONS, a database without the plugin); Migrate ends
//     with it too, which repairs writes that went around the API and the importer
//     (cypher-shell) and fills the keys in when migration 005 is new;
//   - validate checks them (name-keys).

// nameKeyWrong holds for a node of variable n whose key is missing or not its name's.
var nameKeyWrong = fmt.Sprintf("NOT coalesce(n.%s = %s, false)", kg.NameKey, kg.NameKeyOf("n"))

// nameKeySet sets the key of node n.
var nameKeySet = fmt.Sprintf("SET n.%s = %s", kg.NameKey, kg.NameKeyOf("n"))

// nameKeysRepair sets every wrong key of the graph, 10,000 nodes per transaction (an
// auto-commit statement): at 1,000,000 actors, 1.8 s when none is wrong.
var nameKeysRepair = "MATCH (n:" + strings.Join(kg.NameKeyLabels, "|") + ") WHERE " + nameKeyWrong +
	" CALL (n) { " + nameKeySet + " } IN TRANSACTIONS OF 10000 ROWS RETURN count(n) AS fixed"

// nameKeysTouched sets the wrong keys of the nodes the transaction touched (the plugin's
// procedure).
var nameKeysTouched = checkTouchedNodes("n") + " WITH n WHERE (" + labelTest("n", kg.NameKeyLabels) + ") AND " + nameKeyWrong +
	" " + nameKeySet + " RETURN count(n) AS fixed"

// labelTest is the Cypher that node v has one of labels.
func labelTest(v string, labels []string) string {
	parts := make([]string, len(labels))
	for i, l := range labels {
		parts[i] = v + ":" + l
	}
	return strings.Join(parts, " OR ")
}

// KeepNameKeys sets the name keys of the nodes tx has touched; it needs the batterykg
// plugin (Store.CanCheckTouched). The import runs it in every data transaction.
func KeepNameKeys(ctx context.Context, tx neo4j.ExplicitTransaction) error {
	res, err := tx.Run(ctx, nameKeysTouched, nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		return fmt.Errorf("setting the name sort keys of the nodes written: %w", err)
	}
	return nil
}

// RepairNameKeys sets every name key of the graph that is missing or differs from its
// node's name, and returns how many it set.
func (s *Store) RepairNameKeys(ctx context.Context) (int64, error) {
	recs, err := s.autocommit(maintenance(ctx), nameKeysRepair, nil)
	if err != nil {
		return 0, err
	}
	n, _ := recs[0].Values[0].(int64)
	return n, nil
}
