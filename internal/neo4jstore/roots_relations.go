package neo4jstore

// Registers the relationship queries of relations.go as root fields. This init lives in its
// own file, named to sort after roots.go: Go runs a package's init functions in file-name
// order, and roots.go's init assigns the roots map, which would drop entries added before it.
func init() {
	for name, root := range map[string]rootFunc{
		"neighbourhood":  neighbourhoodRoot,
		"shortestPaths":  shortestPathsRoot,
		"connection":     connectionRoot,
		"collaborators":  collaboratorsRoot,
		"fundingFlows":   fundingFlowsRoot,
		"stageCoverage":  stageCoverageRoot,
		"factors":        factorsRoot,
		"ecosystemStats": ecosystemStatsRoot,
	} {
		roots[name] = root
	}
}
