package graph

import "github.com/99designs/gqlgen/graphql"

// DirectWrites is how many root fields es, from NewSchema, has written directly.
func DirectWrites(es graphql.ExecutableSchema) int64 {
	if d, ok := es.(*directSchema); ok {
		return d.d.written.Load()
	}
	return 0
}
