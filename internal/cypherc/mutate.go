package cypherc

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/batterykg/batterykg/internal/cypherlit"
	"github.com/batterykg/batterykg/internal/kg"
)

// CompileMutation turns one mutation root field into its statement: it returns a row with
// `error` (a [code, message] pair when the change was refused) and `data`.
func CompileMutation(f kg.Field, who string, lim Limits) (Statement, error) {
	m, ok := mutations[f.Name]
	if !ok {
		return Statement{}, kg.Errorf(kg.EINTERNAL, "mutation %s has no Cypher mapping", f.Name)
	}
	c := newCompiler(lim)
	stmt, err := m(c, f, who)
	if err != nil {
		return Statement{}, err
	}
	return Statement{Cypher: stmt, Params: c.params}, nil
}

type mutation func(c *compiler, f kg.Field, who string) (string, error)

var mutations = map[string]mutation{
	"upsertActor":      upsertActor,
	"upsertProject":    upsertProject,
	"upsertProgramme":  upsertProgramme,
	"setFunding":       setFunding,
	"setParticipation": setParticipation,
	"link":             link,
	"unlink":           unlink,
	"deleteNode":       deleteNode,
}

// input reads the `input` argument of a mutation.
func input(f kg.Field) map[string]any {
	m, _ := f.Args["input"].(map[string]any)
	if m == nil {
		m = map[string]any{}
	}
	return m
}

// fieldSpec says how one input field becomes a property.
type fieldSpec struct {
	kind string // "string", "enum", "date", "money", "currency", "country", "url", "email"
}

// props validates the property fields of an input and returns the SET items that write them
// on variable v: given fields are set, fields given as null are removed, fields left out are
// kept as they are. Dates are stored as Cypher dates.
func props(in map[string]any, spec map[string]fieldSpec, c *compiler, v string) (string, error) {
	out := map[string]any{}
	var dates []string
	for _, name := range slices.Sorted(maps.Keys(spec)) { // sorted: the statement text is stable
		sp := spec[name]
		v, given := in[name]
		if !given {
			continue
		}
		if v == nil {
			out[name] = nil
			continue
		}
		field := "input." + name
		switch sp.kind {
		case "string", "enum", "url", "email":
			s, _ := v.(string)
			s = strings.TrimSpace(s)
			if s == "" {
				return "", kg.Invalid(field, "must not be empty (send null to remove it)")
			}
			if len(s) > 5000 {
				return "", kg.Invalid(field, "must be at most 5000 characters")
			}
			if sp.kind == "url" && !(strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")) {
				return "", kg.Invalid(field, "must be an http(s) address")
			}
			if sp.kind == "email" && !strings.Contains(s, "@") {
				return "", kg.Invalid(field, "must be an e-mail address")
			}
			out[name] = s
		case "country":
			s, _ := v.(string)
			if len(s) != 2 || strings.ToUpper(s) != s {
				return "", kg.Invalid(field, "must be an ISO 3166-1 alpha-2 code such as BE")
			}
			out[name] = s
		case "currency":
			s, _ := v.(string)
			if !kg.ValidCurrency(s) {
				return "", kg.Invalid(field, "%s is not an ISO 4217 currency code", kg.Quote(s))
			}
			out[name] = s
		case "money":
			x, ok := toFloat(v)
			if !ok || !(x >= 0 && x <= kg.MaxMoney) { // NaN and infinities fail too
				return "", kg.Invalid(field, "must be a number from 0 to %g", kg.MaxMoney)
			}
			out[name] = x
		case "date":
			s, _ := v.(string)
			if !kg.ValidDate(s) {
				return "", kg.Invalid(field, "%s is not an ISO date (YYYY-MM-DD)", kg.Quote(s))
			}
			out[name] = s
			dates = append(dates, name)
		}
	}
	p := c.param(out)
	set := v + " += " + p
	for _, d := range dates {
		set += fmt.Sprintf(", %s.%s = date(%s.%s)", v, cypherlit.Quoted(d), p, cypherlit.Quoted(d))
	}
	return set, nil
}

// provenanceSet validates the source and confidence of an input and returns the SET clause
// that records them, with who and when, on variable v.
func provenanceSet(c *compiler, in map[string]any, v, who string) (string, error) {
	src, _ := in["source"].(string)
	if !kg.ValidSource(src) {
		return "", kg.Invalid("input.source", "must be a source reference <sourceId>#<section>, e.g. brochure#contacts")
	}
	conf, _ := in["confidence"].(string)
	if conf == "" {
		conf = "SOURCED"
	}
	if _, ok := confidences[conf]; !ok {
		return "", kg.Invalid("input.confidence", "unknown confidence %s", kg.Quote(conf))
	}
	ps := c.param(src)
	return fmt.Sprintf("%[1]s.sources = CASE WHEN %[2]s IN coalesce(%[1]s.sources, []) THEN %[1]s.sources ELSE coalesce(%[1]s.sources, []) + %[2]s END, "+
		"%[1]s.confidence = %[3]s, %[1]s.updatedAt = datetime(), %[1]s.updatedBy = %[4]s",
		v, ps, c.param(conf), c.param(who)), nil
}

// sourceCheck is the condition that the input's source document is catalogued.
func sourceCheck(c *compiler, in map[string]any) string {
	src, _ := in["source"].(string)
	id, _, _ := strings.Cut(src, "#")
	return fmt.Sprintf("CASE WHEN NOT EXISTS { MATCH (:Source {id: %s}) } THEN ['BAD_USER_INPUT', %s] END",
		c.param(id), c.param("input.source: no source document "+id+"; add it with a Source node first"))
}

// idTakenCheck is the condition that id is used by a node of another type than label.
func idTakenCheck(c *compiler, id any, label string) string {
	var others []string
	p := c.param(id)
	for _, t := range nodeTypes {
		if l := types[t].label; l != label {
			others = append(others, fmt.Sprintf("EXISTS { MATCH (:%s {id: %s}) }", l, p))
		}
	}
	return fmt.Sprintf("CASE WHEN %s THEN ['CONFLICT', %s] END", strings.Join(others, " OR "),
		c.param(fmt.Sprintf("input.id: %s is already the id of another kind of node", kg.Quote(fmt.Sprint(id)))))
}

// upsert compiles an upsert of one node type: checks, MERGE, properties, provenance, and the
// projection of the result. checks are more expressions that give an error row, or null.
func upsert(c *compiler, f kg.Field, who, typ string, spec map[string]fieldSpec, extra func(n string, in map[string]any) (string, error),
	checks ...string) (string, error) {
	in := input(f)
	id, _ := in["id"].(string)
	if err := checkID("input.id", id); err != nil {
		return "", err
	}
	if name, _ := in["name"].(string); strings.TrimSpace(name) == "" {
		return "", kg.Invalid("input.name", "must not be empty")
	}
	n := c.newVar("n")
	set, err := props(in, spec, c, n)
	if err != nil {
		return "", err
	}
	prov, err := provenanceSet(c, in, n, who)
	if err != nil {
		return "", err
	}
	more := ""
	if extra != nil {
		if more, err = extra(n, in); err != nil {
			return "", err
		}
	}
	if slices.Contains(kg.NameKeyLabels, types[typ].label) {
		// from the name given, so that it does not hang on the order of the SET items
		set += fmt.Sprintf(", %s.%s = toLower(%s)", n, kg.NameKey, c.param(in["name"]))
	}
	check := "coalesce(" + strings.Join(append([]string{idTakenCheck(c, id, types[typ].label), sourceCheck(c, in)}, checks...), ", ") + ")"
	proj, err := c.project(types[typ], vars{"n": n}, f.Fields, false)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("WITH %s AS error OPTIONAL CALL (error) { WITH error WHERE error IS NULL "+
		"MERGE (%s:%s {id: %s}) SET %s, %s%s RETURN %s } "+
		"RETURN error, CASE WHEN error IS NULL THEN %s END AS data",
		check, n, types[typ].label, c.param(id), set, prov, more, n, proj), nil
}

var actorSpec = map[string]fieldSpec{
	"name": {"string"}, "shortName": {"string"}, "description": {"string"}, "city": {"string"},
	"country": {"country"}, "region": {"enum"}, "website": {"url"}, "activityType": {"enum"}, "email": {"email"},
}

func upsertActor(c *compiler, f kg.Field, who string) (string, error) {
	return upsert(c, f, who, "Actor", actorSpec, func(n string, in map[string]any) (string, error) {
		kind, _ := in["kind"].(string)
		label, ok := actorKinds[kind]
		if !ok {
			return "", kg.Invalid("input.kind", "unknown actor kind %s", kg.Quote(kind))
		}
		var all strings.Builder
		for _, k := range kg.ActorKinds {
			all.WriteString(":" + k.Label)
		}
		return fmt.Sprintf(" REMOVE %s%s SET %s:%s", n, all.String(), n, label), nil
	})
}

var projectSpec = map[string]fieldSpec{
	"name": {"string"}, "acronym": {"string"}, "title": {"string"}, "description": {"string"}, "type": {"enum"},
	"status": {"enum"}, "startDate": {"date"}, "endDate": {"date"}, "totalInvestment": {"money"}, "currency": {"currency"},
	"email": {"email"},
}

func upsertProject(c *compiler, f kg.Field, who string) (string, error) {
	in := input(f)
	if s, _ := in["startDate"].(string); s != "" {
		if e, _ := in["endDate"].(string); e != "" && e < s {
			return "", kg.Invalid("input.endDate", "must not be before startDate")
		}
	}
	if in["totalInvestment"] != nil && in["currency"] == nil {
		return "", kg.Invalid("input.currency", "is required with totalInvestment")
	}
	if in["currency"] != nil && in["totalInvestment"] == nil {
		return "", kg.Invalid("input.totalInvestment", "is required with currency (alone, it would change the unit of the amount stored)")
	}
	// One date given: the other may be stored.
	var more []string
	id, _ := in["id"].(string)
	start, _ := in["startDate"].(string)
	end, _ := in["endDate"].(string)
	if (start == "") != (end == "") {
		cond, msg := fmt.Sprintf("x.endDate < date(%s)", c.param(start)), "input.startDate: must not be after the project's endDate"
		if end != "" {
			cond, msg = fmt.Sprintf("date(%s) < x.startDate", c.param(end)), "input.endDate: must not be before the project's startDate"
		}
		more = append(more, fmt.Sprintf("CASE WHEN EXISTS { MATCH (x:Project {id: %s}) WHERE %s } THEN ['BAD_USER_INPUT', %s] END",
			c.param(id), cond, c.param(msg)))
	}
	return upsert(c, f, who, "Project", projectSpec, nil, more...)
}

var programmeSpec = map[string]fieldSpec{
	"name": {"string"}, "description": {"string"}, "level": {"enum"}, "instrument": {"enum"},
	"budget": {"money"}, "currency": {"currency"},
}

func upsertProgramme(c *compiler, f kg.Field, who string) (string, error) {
	if in := input(f); in["budget"] != nil && in["currency"] == nil {
		return "", kg.Invalid("input.currency", "is required with budget")
	} else if in["currency"] != nil && in["budget"] == nil {
		return "", kg.Invalid("input.budget", "is required with currency (alone, it would change the unit of the amount stored)")
	}
	return upsert(c, f, who, "FundingProgramme", programmeSpec, nil)
}

// checkID refuses an id that cannot be a node's: not a slug, or too long.
func checkID(field, id string) error {
	if len(id) > kg.MaxIDLength {
		return kg.Invalid(field, "%s is longer than the %d characters an id may have", kg.Quote(id), kg.MaxIDLength)
	}
	if !kg.ValidID(id) {
		return kg.Invalid(field, "%s is not a slug (lower-case letters and digits joined by hyphens)", kg.Quote(id))
	}
	return nil
}

// checkIDs is checkID for an edge's two ends.
func checkIDs(fromField string, from any, toField string, to any) error {
	a, _ := from.(string)
	if err := checkID(fromField, a); err != nil {
		return err
	}
	b, _ := to.(string)
	return checkID(toField, b)
}

// endpoints compiles the lookup of an edge's two endpoints by id among the allowed labels,
// with an error row when either is missing.
func endpoints(c *compiler, from, to any, fromLabels, toLabels []string, fromField, toField string) (a, b, match, check string) {
	a, b = c.newVar("a"), c.newVar("b")
	pa, pb := c.param(from), c.param(to)
	match = fmt.Sprintf("MATCH (%s:%s {id: %s}) MATCH (%s:%s {id: %s})", a, strings.Join(fromLabels, "|"), pa, b, strings.Join(toLabels, "|"), pb)
	check = fmt.Sprintf("CASE WHEN NOT EXISTS { MATCH (x:%s {id: %s}) } THEN ['NOT_FOUND', %s] "+
		"WHEN NOT EXISTS { MATCH (x:%s {id: %s}) } THEN ['NOT_FOUND', %s] END",
		strings.Join(fromLabels, "|"), pa, c.param(fmt.Sprintf("%s: no %s with id %s", fromField, strings.Join(fromLabels, " or "), kg.Quote(fmt.Sprint(from)))),
		strings.Join(toLabels, "|"), pb, c.param(fmt.Sprintf("%s: no %s with id %s", toField, strings.Join(toLabels, " or "), kg.Quote(fmt.Sprint(to)))))
	return
}

func setFunding(c *compiler, f kg.Field, who string) (string, error) {
	in := input(f)
	if in["amount"] != nil && in["currency"] == nil {
		return "", kg.Invalid("input.currency", "is required with amount")
	}
	if in["currency"] != nil && in["amount"] == nil {
		return "", kg.Invalid("input.amount", "is required with currency (alone, it would change the unit of the amount stored)")
	}
	funders, _ := kg.Ends("FUNDS")
	return setProjectEdge(c, f, who, "FUNDS", "funder", funders,
		map[string]fieldSpec{"amount": {"money"}, "currency": {"currency"}, "instrument": {"enum"}, "date": {"date"}})
}

func setParticipation(c *compiler, f kg.Field, who string) (string, error) {
	role, _ := input(f)["role"].(string)
	if _, ok := roles[role]; !ok {
		return "", kg.Invalid("input.role", "unknown role %s", kg.Quote(role))
	}
	actors, _ := kg.Ends("PARTICIPATES_IN")
	return setProjectEdge(c, f, who, "PARTICIPATES_IN", "actor", actors, map[string]fieldSpec{"role": {"enum"}})
}

// setProjectEdge creates or changes the relationship typ (one of ours, never input) from the
// node named by the input field from (one of fromLabels) to the input's project, sets the
// properties of spec and the provenance, and returns the project.
func setProjectEdge(c *compiler, f kg.Field, who, typ, from string, fromLabels []string, spec map[string]fieldSpec) (string, error) {
	in := input(f)
	if err := checkIDs("input."+from, in[from], "input.project", in["project"]); err != nil {
		return "", err
	}
	a, b, match, check := endpoints(c, in[from], in["project"], fromLabels, []string{"Project"}, "input."+from, "input.project")
	r := c.newVar("r")
	set, err := props(in, spec, c, r)
	if err != nil {
		return "", err
	}
	prov, err := provenanceSet(c, in, r, who)
	if err != nil {
		return "", err
	}
	proj, err := c.project(types["Project"], vars{"n": b}, f.Fields, false)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("WITH coalesce(%s, %s) AS error OPTIONAL CALL (error) { WITH error WHERE error IS NULL %s "+
		"MERGE (%s)-[%s:%s]->(%s) SET %s, %s RETURN %s } RETURN error, CASE WHEN error IS NULL THEN %s END AS data",
		check, sourceCheck(c, in), match, a, r, typ, b, set, prov, b, proj), nil
}

// linkArgs reads the input of link and unlink: the type must be one link may touch
// (kg.LinkTypes; PARTICIPATES_IN and FUNDS carry properties and have their own mutations),
// and the endpoints must make one of the model's patterns of that type (kg.Patterns).
func linkArgs(c *compiler, f kg.Field) (in map[string]any, typ, a, b, match, check string, err error) {
	in = input(f)
	typ, _ = in["type"].(string)
	if !slices.Contains(kg.LinkTypes(), typ) {
		return nil, "", "", "", "", "", kg.Invalid("input.type", "unknown relationship type %s", kg.Quote(typ))
	}
	from, to := kg.Ends(typ)
	if err := checkIDs("input.from", in["from"], "input.to", in["to"]); err != nil {
		return nil, "", "", "", "", "", err
	}
	a, b, match, check = endpoints(c, in["from"], in["to"], from, to, "input.from", "input.to")
	if pats := kg.PatternsOf(typ); len(pats) < len(from)*len(to) {
		// Not every start label goes with every end label: name the pairs that do.
		ors := make([]string, len(pats))
		for i, p := range pats {
			ors[i] = fmt.Sprintf("(%s:%s AND %s:%s)", a, p.From, b, p.To)
		}
		match += " WHERE " + strings.Join(ors, " OR ")
		// Both ends exist but make no pattern of the type: a bad input, not an empty answer.
		allowed := make([]string, len(pats))
		for i, p := range pats {
			allowed[i] = p.String()
		}
		check = fmt.Sprintf("coalesce(%s, CASE WHEN NOT EXISTS { %s } THEN ['BAD_USER_INPUT', %s] END)", check, match,
			c.param(fmt.Sprintf("input: %s and %s make no %s relationship of the model (allowed: %s)",
				kg.Quote(fmt.Sprint(in["from"])), kg.Quote(fmt.Sprint(in["to"])), typ, strings.Join(allowed, ", "))))
	}
	return in, typ, a, b, match, check, nil
}

func link(c *compiler, f kg.Field, who string) (string, error) {
	if in := input(f); in["from"] == in["to"] {
		return "", kg.Invalid("input.to", "a node cannot be linked to itself")
	}
	in, typ, a, b, match, check, err := linkArgs(c, f)
	if err != nil {
		return "", err
	}
	r := c.newVar("r")
	prov, err := provenanceSet(c, in, r, who)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("WITH coalesce(%s, %s) AS error OPTIONAL CALL (error) { WITH error WHERE error IS NULL %s "+
		"OPTIONAL MATCH (%s)-[old:%s]->(%s) WITH %s, %s, count(old) > 0 AS existed MERGE (%s)-[%s:%s]->(%s) SET %s "+
		"RETURN {from: %s.id, to: %s.id, type: %s, created: NOT existed, removed: 0} AS result } "+
		"RETURN error, CASE WHEN error IS NULL THEN result END AS data",
		check, sourceCheck(c, in), match, a, typ, b, a, b, a, r, typ, b, prov, a, b, c.param(typ)), nil
}

func unlink(c *compiler, f kg.Field, _ string) (string, error) {
	_, typ, a, b, match, check, err := linkArgs(c, f)
	if err != nil {
		return "", err
	}
	r := c.newVar("r")
	return fmt.Sprintf("WITH %s AS error OPTIONAL CALL (error) { WITH error WHERE error IS NULL %s "+
		"OPTIONAL MATCH (%s)-[%s:%s]->(%s) WITH %s, %s, collect(%s) AS rs FOREACH (x IN rs | DELETE x) "+
		"RETURN {from: %s.id, to: %s.id, type: %s, created: false, removed: size(rs)} AS result } "+
		"RETURN error, CASE WHEN error IS NULL THEN result END AS data",
		check, match, a, r, typ, b, a, b, r, a, b, c.param(typ)), nil
}

// deleteNode removes a node by id. Without cascade it refuses (CONFLICT) while the node has
// relationships, so nothing is removed by surprise; with cascade it removes the node and its
// relationships, never other nodes.
func deleteNode(c *compiler, f kg.Field, _ string) (string, error) {
	id, _ := f.Args["id"].(string)
	if err := checkID("id", id); err != nil {
		return "", err
	}
	cascade, _ := f.Args["cascade"].(bool)
	n := c.newVar("n")
	pid := c.param(id)
	var branches []string
	for _, t := range nodeTypes {
		branches = append(branches, fmt.Sprintf("MATCH (%s:%s {id: %s}) RETURN %s", n, types[t].label, pid, n))
	}
	// A Source is cited by the `sources` lists of nodes and relationships (text, not
	// relationships): deleting one that is cited would leave them dangling.
	cited := fmt.Sprintf("CASE WHEN %[1]s:Source THEN COUNT { MATCH (m) WHERE any(s IN coalesce(m.sources, []) WHERE s STARTS WITH %[1]s.id + '#') } + "+
		"COUNT { MATCH ()-[r]->() WHERE any(s IN coalesce(r.sources, []) WHERE s STARTS WITH %[1]s.id + '#') } ELSE 0 END", n)
	return fmt.Sprintf("OPTIONAL CALL () { %s } WITH %s, COUNT { (%s)--() } AS rels "+
		"WITH %s, rels, CASE WHEN %s IS NULL THEN ['NOT_FOUND', %s] "+
		"WHEN %s:ValueChainStage THEN ['CONFLICT', %s] "+
		"WHEN %s > 0 THEN ['CONFLICT', %s] "+
		"WHEN rels > 0 AND NOT %s THEN ['CONFLICT', %s] END AS error "+
		"CALL (%s, error) { WITH %s WHERE error IS NULL DETACH DELETE %s } "+
		"RETURN error, {id: %s, deleted: error IS NULL, relationshipsRemoved: CASE WHEN error IS NULL THEN rels ELSE 0 END} AS data",
		strings.Join(branches, " UNION "), n, n, n, n, c.param("no node with id "+id),
		n, c.param(fmt.Sprintf("%s is one of the ten value-chain stages, which are part of the model", id)),
		cited, c.param(fmt.Sprintf("source %s is cited by nodes or relationships (validate lists them as dangling-source once it is gone); remove those citations first", id)),
		c.param(cascade),
		c.param(fmt.Sprintf("%s has relationships; delete them first or pass cascade: true", id)),
		n, n, n, pid), nil
}
