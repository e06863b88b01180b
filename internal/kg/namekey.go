package kg

// Name sort keys: lists of actors and projects are sorted by name ignoring case, and no index
// can serve `ORDER BY toLower(n.name)`, so each Actor and Project stores its key in NameKey,
// which a range index serves (migration 005). Every write path keeps it
// (internal/neo4jstore/namekey.go says how); it is derived data, never imported or exported.
const NameKey = "nameKey"

// NameKeyLabels are the labels whose nodes carry a NameKey.
var NameKeyLabels = []string{"Actor", "Project"}

// NameKeyOf is the Cypher of the sort key of node variable v: its name in lower case, or,
// for a node without a string name, "\uffff", which sorts after every name as a null did.
func NameKeyOf(v string) string {
	return "coalesce(toLower(toStringOrNull(" + v + ".name)), '\\uffff')"
}
