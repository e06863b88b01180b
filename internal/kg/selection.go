package kg

// Field is one field of a GraphQL selection, as the API hands it to the store: the store
// compiles a whole tree of them into one Cypher statement.
type Field struct {
	// Name is the schema field name.
	Name string
	// Alias is the response key.
	Alias string
	// Key is the field's response path below the root field: the aliases joined by "/"
	// (RelKey), list positions left out. Nested relations are returned under it, so the same
	// field selected twice with different arguments keeps both answers apart, also when the
	// objects holding them are merged (two aliases of one edge's node, say). Empty, the
	// Alias is used.
	Key string
	// Args holds the argument values with variables resolved: strings (enum values too),
	// int64, float64, bool, nil, []any and map[string]any.
	Args map[string]any
	// Fields are the sub-selections of an object-typed field, fragments flattened.
	Fields []Field
	// ByType holds the sub-selections of an interface-typed field, per concrete type.
	ByType map[string][]Field
	// Fingerprint, set on a root field, identifies it with everything it was made from (the
	// operation's text and name, the field's response key, the variables): two root fields
	// with one fingerprint are the same, so the store may reuse the statement it compiled
	// for the first. Empty: not known, compile every time.
	Fingerprint string
}

// Has reports whether the selection has a field with this name.
func Has(fields []Field, name string) bool {
	for _, f := range fields {
		if f.Name == name {
			return true
		}
	}
	return false
}

// ByTypeOf returns the per-type sub-selections of the child fields called name, merged.
func (f Field) ByTypeOf(name string) map[string][]Field {
	out := map[string][]Field{}
	for _, c := range f.Fields {
		if c.Name != name {
			continue
		}
		for t, fs := range c.ByType {
			out[t] = append(out[t], fs...)
		}
	}
	return out
}

// RelKey returns the Key of a field with this alias below a field whose Key is parent ("" at
// the root field).
func RelKey(parent, alias string) string {
	if parent == "" {
		return alias
	}
	return parent + "/" + alias
}

// RelKeyOf returns f's Key, or its Alias when it has none.
func (f Field) RelKeyOf() string {
	if f.Key != "" {
		return f.Key
	}
	return f.Alias
}
