package neo4jstore

import (
	"context"
	"fmt"
	"maps"
	"reflect"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/batterykg/batterykg/internal/kg"
)

// Stage coverage counts. `stageCoverage` walks every participation of every project of every
// stage (0.9 s at 100,000 actors), and its answer changes only when the data does, so its
// figures are stored on each ValueChainStage (the properties of kg.CoverageProperties) and
// kept exact by every write: a mutation that can change them (cypherc.CoverageAfter tells
// which) and each import transaction adjust them by what they changed, in their own
// transaction, when the database has the batterykg plugin (adjustCoverage, below), and
// recount them from scratch otherwise (a mutation in its transaction, an import once it has
// run); `batterykg migrate` recounts them; validate checks them. A recount reads every
// participation (12 s at 1,000,000 actors, more than a request's time limit); an adjustment
// reads the changed actors' and projects' relationships.

// coverageLock is the first statement of a recount or an adjustment: it takes the write lock
// of every stage (in stage order, so two writers queue rather than deadlock), so that what
// follows in the same transaction sees every write committed before it, and a concurrent
// writer of the counts waits for it.
var coverageLock = fmt.Sprintf(
	"MATCH (st:ValueChainStage) WITH st ORDER BY st.order, st.id SET st.%[1]s = coalesce(st.%[1]s, -1)", kg.CoverageProjects)

// coverageFromScratch binds, for every stage st, its direct actors, the actors of the
// projects that target it (via), both together (everyone) and its number of projects: what
// stageCoverage answers, counted from scratch.
const coverageFromScratch = "MATCH (st:ValueChainStage) " +
	"WITH st, COLLECT { MATCH (st)<-[:ACTIVE_IN]-(ac:Actor) RETURN DISTINCT ac } AS direct, " +
	"COLLECT { MATCH (st)<-[:TARGETS]-(:Project)<-[:PARTICIPATES_IN]-(ac:Actor) RETURN DISTINCT ac } AS via, " +
	"COUNT { MATCH (st)<-[:TARGETS]-(:Project) } AS projects " +
	"WITH st, direct, via, direct + [x IN via WHERE NOT x IN direct] AS everyone, projects "

// coverageParams are the parameters of coverageRecount and coverageCheck.
var coverageParams = map[string]any{"scopes": kg.CoverageScopes()}

// coverageRecount counts from scratch what stageCoverage answers, for every stage and every
// scope of kg.CoverageScopes, and stores it on the stage. It returns the number of stages.
var coverageRecount = coverageFromScratch +
	"SET " + scoped(kg.CoverageDirect, "direct") + ", " + scoped(kg.CoverageViaProjects, "via") + ", " +
	scoped(kg.CoverageActors, "everyone") + ", st." + kg.CoverageProjects + " = projects " +
	"RETURN count(st) AS stages"

// coverageCheck compares the stored counts with counts made from scratch: it binds st to each
// stage whose counts differ or are missing (a statement that ends before its RETURN).
var coverageCheck = coverageFromScratch +
	"WHERE NOT coalesce(st." + kg.CoverageDirect + " = " + perScope("direct") +
	" AND st." + kg.CoverageViaProjects + " = " + perScope("via") +
	" AND st." + kg.CoverageActors + " = " + perScope("everyone") +
	" AND st." + kg.CoverageProjects + " = projects, false)"

// perScope counts the actors of list in each scope of $scopes.
func perScope(list string) string {
	return fmt.Sprintf("[s IN $scopes | size([x IN %s WHERE s IS NULL OR x.region = s])]", list)
}

// scoped is the SET item that stores list's counts per scope in prop.
func scoped(prop, list string) string { return "st." + prop + " = " + perScope(list) }

// Adjusting the counts. With the batterykg plugin, a write does not recount: it adjusts the
// counts by what it changed (adjustCoverage). An actor counts in a stage's figures through its
// own ACTIVE_IN relationships, its PARTICIPATES_IN relationships to projects and those
// projects' TARGETS relationships, and its region; so the actors whose contribution may have
// changed are the nodes the transaction wrote or deleted (the ends of a relationship it
// wrote or deleted among them), and the participants of the projects among them. Their
// contributions are counted on the committed graph (batterykg.committed: the graph without
// the transaction's writes) and in the transaction, and the difference is added to the
// stored counts. A change to a stage itself, or counts missing, recounts from scratch.

// coverageSeeds returns the internal ids of the nodes the transaction wrote or deleted. A
// node whose relationships it created or deleted counts as written (Neo4j's transaction
// state), so the ends of the coverage relationships it changed are among them.
const coverageSeeds = `CALL () { CALL batterykg.touchedNodes() YIELD node RETURN collect(id(node)) AS touched }
CALL () { CALL batterykg.removedNodes() YIELD id RETURN collect(id) AS removed }
RETURN touched + removed AS seeds`

// coverageMembers sorts $seeds, in the graph it runs on: the actors, the projects with their
// participants, and the stages with their codes and counts (a stage is among the seeds when a
// relationship of it changed, and when the stages' locks were taken: it matters only if its
// code or counts are not the same in both graphs, when the transaction made, deleted or
// renamed a stage, or wrote counts itself).
var coverageMembers = fmt.Sprintf(`UNWIND $seeds AS i MATCH (n) WHERE id(n) = i
WITH collect(DISTINCT n) AS ns
RETURN [n IN ns WHERE n:Actor | id(n)] AS actors,
	[n IN ns WHERE n:Project | id(n)] AS projects,
	COLLECT { UNWIND [n IN ns WHERE n:Project] AS p MATCH (p)<-[:PARTICIPATES_IN]-(a:Actor) RETURN DISTINCT id(a) } AS participants,
	COLLECT { UNWIND ns AS n WITH n WHERE n:ValueChainStage
		RETURN [id(n), n.code, n.%s, n.%s, n.%s, n.%s] AS st ORDER BY id(n) } AS stages`,
	kg.CoverageDirect, kg.CoverageViaProjects, kg.CoverageActors, kg.CoverageProjects)

// coverageContributions counts, in the graph it runs on, what the actors $actors and the
// projects $projects add to each stage's counts: per stage and actor region, the actors
// ACTIVE_IN it (d), in a project that TARGETS it (v), either (e); per stage, the TARGETS
// relationships of the projects (p).
const coverageContributions = `CALL () {
	UNWIND $actors AS i MATCH (a:Actor) WHERE id(a) = i
	WITH a, COLLECT { MATCH (a)-[:ACTIVE_IN]->(st:ValueChainStage) RETURN DISTINCT st.code } AS direct,
		COLLECT { MATCH (a)-[:PARTICIPATES_IN]->(:Project)-[:TARGETS]->(st:ValueChainStage) RETURN DISTINCT st.code } AS via
	UNWIND direct + [c IN via WHERE NOT c IN direct] AS code
	RETURN code, a.region AS region, sum(CASE WHEN code IN direct THEN 1 ELSE 0 END) AS d,
		sum(CASE WHEN code IN via THEN 1 ELSE 0 END) AS v, count(*) AS e, 0 AS p
	UNION ALL
	UNWIND $projects AS i MATCH (pr:Project)-[:TARGETS]->(st:ValueChainStage) WHERE id(pr) = i
	RETURN st.code AS code, null AS region, 0 AS d, 0 AS v, 0 AS e, count(*) AS p
}
RETURN collect({code: code, region: region, d: d, v: v, e: e, p: p}) AS rows`

// coverageReady holds when every stage has counts of the current scopes, which a delta can
// adjust.
const coverageReady = `MATCH (st:ValueChainStage)
RETURN count(*) > 0 AND all(ok IN collect(coalesce(st.coverageProjects >= 0 AND size(st.coverageDirect) = $n
	AND size(st.coverageViaProjects) = $n AND size(st.coverageActors) = $n, false)) WHERE ok) AS ready`

// coverageApply adds the deltas $deltas ({code, direct, via, actors, projects}) to the counts.
var coverageApply = fmt.Sprintf(`UNWIND $deltas AS d MATCH (st:ValueChainStage {code: d.code})
SET st.%[1]s = [i IN range(0, size(d.direct) - 1) | st.%[1]s[i] + d.direct[i]],
	st.%[2]s = [i IN range(0, size(d.via) - 1) | st.%[2]s[i] + d.via[i]],
	st.%[3]s = [i IN range(0, size(d.actors) - 1) | st.%[3]s[i] + d.actors[i]],
	st.%[4]s = st.%[4]s + d.projects`, kg.CoverageDirect, kg.CoverageViaProjects, kg.CoverageActors, kg.CoverageProjects)

// committedStatement is a statement run on the committed graph through the plugin.
const committedStatement = `CALL batterykg.committed($statement, $params) YIELD row RETURN row`

// txRecords runs one statement in tx and returns its records.
func txRecords(ctx context.Context, tx TxRunner, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

// inBoth runs stmt in tx and on the committed graph, and returns the single row of each as a
// map: the transaction's, then the committed graph's.
func inBoth(ctx context.Context, tx TxRunner, stmt string, params map[string]any) (after, before map[string]any, err error) {
	recs, err := txRecords(ctx, tx, stmt, params)
	if err != nil {
		return nil, nil, err
	}
	if len(recs) != 1 {
		return nil, nil, fmt.Errorf("coverage: %d rows, want 1", len(recs))
	}
	after = recs[0].AsMap()
	recs, err = txRecords(ctx, tx, committedStatement, map[string]any{"statement": stmt, "params": params})
	if err != nil {
		return nil, nil, err
	}
	if len(recs) != 1 {
		return nil, nil, fmt.Errorf("coverage: %d committed rows, want 1", len(recs))
	}
	before, _ = recs[0].Values[0].(map[string]any)
	return after, before, nil
}

// recountIn recounts the coverage counts from scratch in tx (after coverageLock).
func recountIn(ctx context.Context, tx TxRunner) error {
	_, err := txRecords(ctx, tx, coverageRecount, coverageParams)
	return err
}

// adjustment is what adjustCoverage did.
type adjustment int

const (
	adjusted  adjustment = iota // the counts were adjusted (or nothing changed them)
	recounted                   // a stage changed, or counts were missing: recounted
	tooMany                     // more nodes were written than the limit: nothing done
)

// coverageAdjustMax is the most nodes an import transaction may have written for its counts
// to be adjusted; past it (a bulk load's statement of thousands of rows), the import leaves
// them to one recount once it has run, which costs less than adjusting every transaction
// (a 10,000-actor load took 1.4 times as long adjusting each 5,000-row transaction).
const coverageAdjustMax = 2000

// adjustCoverage keeps the stored counts exact after what tx has written, with the plugin:
// it takes the stages' locks, then adjusts the counts by the contributions of the actors and
// projects whose contribution may have changed, or recounts when a stage changed or the
// counts are missing. With max > 0 it does nothing when tx wrote more than max nodes.
func adjustCoverage(ctx context.Context, tx TxRunner, max int) (adjustment, error) {
	if _, err := txRecords(ctx, tx, coverageLock, nil); err != nil {
		return adjusted, err
	}
	recs, err := txRecords(ctx, tx, coverageReady, map[string]any{"n": len(kg.CoverageScopes())})
	if err != nil {
		return adjusted, err
	}
	if ready, _ := recs[0].Values[0].(bool); !ready {
		return recounted, recountIn(ctx, tx)
	}
	recs, err = txRecords(ctx, tx, coverageSeeds, nil)
	if err != nil {
		return adjusted, err
	}
	seeds, _ := recs[0].Values[0].([]any)
	if len(seeds) == 0 {
		return adjusted, nil
	}
	if max > 0 && len(seeds) > max {
		return tooMany, nil
	}
	after, before, err := inBoth(ctx, tx, coverageMembers, map[string]any{"seeds": seeds})
	if err != nil {
		return adjusted, err
	}
	if !reflect.DeepEqual(after["stages"], before["stages"]) {
		return recounted, recountIn(ctx, tx)
	}
	actors := union(after["actors"], after["participants"], before["actors"], before["participants"])
	projects := union(after["projects"], before["projects"])
	if len(actors) == 0 && len(projects) == 0 {
		return adjusted, nil
	}
	after, before, err = inBoth(ctx, tx, coverageContributions, map[string]any{"actors": actors, "projects": projects})
	if err != nil {
		return adjusted, err
	}
	deltas := coverageDeltas(after["rows"], before["rows"])
	if len(deltas) == 0 {
		return adjusted, nil
	}
	_, err = txRecords(ctx, tx, coverageApply, map[string]any{"deltas": deltas})
	return adjusted, err
}

// union returns the distinct values of lists of ids, sorted.
func union(lists ...any) []any {
	seen := map[int64]bool{}
	for _, l := range lists {
		xs, _ := l.([]any)
		for _, x := range xs {
			if id, ok := x.(int64); ok {
				seen[id] = true
			}
		}
	}
	ids := slices.Sorted(maps.Keys(seen))
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

// coverageDeltas turns the contribution rows after and before a write into the deltas of
// coverageApply, one per stage whose counts change.
func coverageDeltas(after, before any) []any {
	scopes := len(kg.CoverageScopes())
	type counts struct {
		direct, via, actors []int64
		projects            int64
	}
	by := map[string]*counts{}
	add := func(rows any, sign int64) {
		l, _ := rows.([]any)
		for _, r := range l {
			m, _ := r.(map[string]any)
			code, _ := m["code"].(string)
			c := by[code]
			if c == nil {
				c = &counts{make([]int64, scopes), make([]int64, scopes), make([]int64, scopes), 0}
				by[code] = c
			}
			d, _ := m["d"].(int64)
			v, _ := m["v"].(int64)
			e, _ := m["e"].(int64)
			p, _ := m["p"].(int64)
			c.projects += sign * p
			idx := []int{0}
			if region, ok := m["region"].(string); ok {
				if i := slices.Index(kg.Regions, region); i >= 0 {
					idx = append(idx, 1+i)
				}
			}
			for _, i := range idx {
				c.direct[i] += sign * d
				c.via[i] += sign * v
				c.actors[i] += sign * e
			}
		}
	}
	add(after, 1)
	add(before, -1)
	var out []any
	for _, code := range slices.Sorted(maps.Keys(by)) {
		c := by[code]
		zero := c.projects == 0
		for i := range scopes {
			zero = zero && c.direct[i] == 0 && c.via[i] == 0 && c.actors[i] == 0
		}
		if !zero {
			out = append(out, map[string]any{"code": code, "direct": c.direct, "via": c.via, "actors": c.actors, "projects": c.projects})
		}
	}
	return out
}
