package kg

// model.go states the graph model of docs/model.md once: its labels and their traits, the
// actor kinds and factor types (labels a node carries beside its main label), the enum
// values that may reach Cypher text, the relationship patterns, and how explanations phrase
// each relationship. The compiler, the mutations, `validate`, `export`, the synthetic
// generator and the explanations all read these tables; tests tie them to the GraphQL
// schema (graph/model_test.go) and to docs/model.md (neo4jstore/validate_test.go).
//
// Lists are ordered only so that the Cypher built from them is the same text every time;
// nothing depends on where an entry stands.

import "slices"

// Label is one main label of the model: every node has exactly one.
type Label struct {
	// Name is the Neo4j label, which is also the GraphQL type name.
	Name string
	// Node: the label is a GraphQL Node type, so `node(id:)` finds it and `deleteNode`
	// removes it. (Figure is reachable only through the graph-shaped queries.)
	Node bool
	// Search is the SearchType value of a label in the full-text index (`search`), "" when
	// search does not return it.
	Search string
}

// Labels are the model's main labels. Every one is also an export key: `export` writes the
// nodes label by label, keyed by id.
var Labels = []Label{
	{Name: "Actor", Node: true, Search: "ACTOR"},
	{Name: "Project", Node: true, Search: "PROJECT"},
	{Name: "FundingProgramme", Node: true, Search: "FUNDING_PROGRAMME"},
	{Name: "ValueChainStage", Node: true, Search: "VALUE_CHAIN_STAGE"},
	{Name: "Topic", Node: true, Search: "TOPIC"},
	{Name: "Factor", Node: true, Search: "FACTOR"},
	{Name: "Event", Node: true, Search: "EVENT"},
	{Name: "Person", Node: true, Search: "PERSON"},
	{Name: "Source", Node: true},
	{Name: "Figure"},
}

// LabelNames returns the names of the labels for which keep holds (all when keep is nil).
func LabelNames(keep func(Label) bool) []string {
	return names(Labels, func(l Label) string { return l.Name }, keep)
}

// names returns the names of the entries of list for which keep holds (all when keep is nil).
func names[T any](list []T, name func(T) string, keep func(T) bool) []string {
	var out []string
	for _, x := range list {
		if keep == nil || keep(x) {
			out = append(out, name(x))
		}
	}
	return out
}

// NodeLabels are the labels of the GraphQL Node types.
func NodeLabels() []string { return LabelNames(func(l Label) bool { return l.Node }) }

// SearchLabels are the labels `search` returns by default.
func SearchLabels() []string { return LabelNames(func(l Label) bool { return l.Search != "" }) }

// SearchTypes maps SearchType values to labels.
func SearchTypes() map[string]string {
	out := map[string]string{}
	for _, l := range Labels {
		if l.Search != "" {
			out[l.Search] = l.Name
		}
	}
	return out
}

// Pair is an enum value and the label or stored value it stands for.
type Pair struct{ Value, Label string }

// ActorKinds are the ActorKind values and the kind labels an Actor carries (exactly one).
var ActorKinds = []Pair{
	{"COMPANY", "Company"}, {"UNIVERSITY", "University"}, {"LAB", "Lab"},
	{"RESEARCH_CENTRE", "ResearchCentre"}, {"CLUSTER", "Cluster"},
	{"PUBLIC_AGENCY", "PublicAgency"}, {"FUNDER", "Funder"},
}

// FactorTypes are the FactorType values and the labels a Factor carries (exactly one).
var FactorTypes = []Pair{{"BARRIER", "Barrier"}, {"LEVER", "Lever"}}

// Enum whitelists: the values of the GraphQL enums that reach Cypher text, as stored.
var (
	Regions          = []string{"WAL", "BRU", "VLG", "FOREIGN"}
	ProjectTypes     = []string{"RESEARCH_PORTFOLIO", "INDUSTRIAL_INVESTMENT", "STRATEGIC_INITIATIVE", "EU_GRANT"}
	ProjectStatuses  = []string{"ANNOUNCED", "ONGOING", "SUSPENDED", "CLOSED"}
	Confidences      = []string{"SOURCED", "INFERRED"}
	TopicKinds       = []string{"WORKSHOP_TOPIC", "WORKSHOP_THEME", "WORKSHOP_DIMENSION"}
	FactorCategories = []string{"ECONOMICAL", "ENVIRONMENTAL", "TECHNOLOGICAL", "POLITICAL", "LEGAL", "SOCIETAL"}
	StageCodes       = []string{"EXTRACTION", "REFINING", "MATERIALS_COMPONENTS", "CELL_MANUFACTURING", "MODULE_PACK",
		"INTEGRATION_USE", "COLLECTION_LOGISTICS", "SECOND_LIFE", "DISMANTLING_PRETREATMENT", "RECYCLING_RECOVERY"}
)

// Role is a participation role: its ParticipationRole value, in the order participants are
// listed (coordinators first), and how explanations name it.
type Role struct {
	Value string
	// Noun names one ("partner"); Nouns names several with their preposition ("partners in").
	Noun, Nouns string
	// Forward and Backward phrase a PARTICIPATES_IN hop with this role, walked from the actor
	// and from the project.
	Forward, Backward string
}

// Roles are the participation roles, most involved first.
var Roles = []Role{
	{"COORDINATOR", "coordinator", "coordinators of", "coordinates", "is coordinated by"},
	{"PARTNER", "partner", "partners in", "is a partner in", "has as partner"},
	{"ASSOCIATED", "associated partner", "associated partners in", "is associated with", "has as associated partner"},
	{"SUPPORT", "support", "supporters of", "supports", "is supported by"},
}

// RoleValues are the ParticipationRole values, most involved first.
func RoleValues() []string { return names(Roles, func(r Role) string { return r.Value }, nil) }

// RelType is one relationship type of the model.
type RelType struct {
	Name string
	// Forward and Backward phrase a hop of this type walked along and against its direction
	// ("is part of", "includes").
	Forward, Backward string
	// Linkable: `link` and `unlink` may touch it (types with properties have mutations of
	// their own).
	Linkable bool
	// Explains: `connection` walks it (it says something about how two organisations
	// relate; stage order, topics and figures do not).
	Explains bool
}

// RelTypes are the relationship types of the model, the RelationshipType enum.
var RelTypes = []RelType{
	{"PARTICIPATES_IN", "takes part in", "has as participant", false, true},
	{"MANAGES", "manages", "is managed by", true, true},
	{"FUNDS", "funds", "is funded by", false, true},
	{"PART_OF", "is part of", "includes", true, true},
	{"ACTIVE_IN", "is active in", "counts among its actors", true, true},
	{"TARGETS", "targets", "is targeted by", true, true},
	{"NEXT", "feeds into", "is fed by", false, false},
	{"MEMBER_OF", "is a member of", "has as member", true, true},
	{"SUPPORTS", "supports", "is supported by", true, true},
	{"ORGANISED", "organised", "was organised by", true, true},
	{"ADDRESSES", "addresses", "is addressed by", true, false},
	{"HAS_FACTOR", "has the factor", "is a factor of", false, false},
	{"CONCERNS", "concerns", "is concerned by", true, false},
	{"VISITED", "hosted a visit during", "visited", true, true},
	{"ATTENDED", "attended", "was attended by", true, true},
	{"CONTACT_FOR", "is the contact for", "has as contact", true, true},
	{"WORKS_FOR", "works for", "employs", true, true},
	{"DESCRIBES", "describes", "is described by", false, false},
}

// RelTypeNames returns the names of the relationship types for which keep holds (all when
// keep is nil).
func RelTypeNames(keep func(RelType) bool) []string {
	return names(RelTypes, func(t RelType) string { return t.Name }, keep)
}

// Pattern is one (From)-[:Type]->(To) the model allows; From and To are main labels.
type Pattern struct{ From, Type, To string }

func (p Pattern) String() string { return "(" + p.From + ")-[:" + p.Type + "]->(" + p.To + ")" }

// Patterns is the relationship table of docs/model.md (a test keeps them equal).
var Patterns = []Pattern{
	{"Actor", "PARTICIPATES_IN", "Project"},
	{"Actor", "MANAGES", "FundingProgramme"},
	{"FundingProgramme", "FUNDS", "Project"},
	{"Actor", "FUNDS", "Project"},
	{"Actor", "PART_OF", "Actor"},
	{"FundingProgramme", "PART_OF", "FundingProgramme"},
	{"Event", "PART_OF", "Project"},
	{"Actor", "ACTIVE_IN", "ValueChainStage"},
	{"Project", "TARGETS", "ValueChainStage"},
	{"ValueChainStage", "NEXT", "ValueChainStage"},
	{"Actor", "MEMBER_OF", "Actor"},
	{"Actor", "SUPPORTS", "Actor"},
	{"Actor", "SUPPORTS", "Project"},
	{"Actor", "ORGANISED", "Event"},
	{"Event", "ADDRESSES", "Topic"},
	{"Project", "ADDRESSES", "Topic"},
	{"Topic", "HAS_FACTOR", "Factor"},
	{"Factor", "CONCERNS", "ValueChainStage"},
	{"Actor", "VISITED", "Event"},
	{"Actor", "ATTENDED", "Event"},
	{"Person", "CONTACT_FOR", "Actor"},
	{"Person", "CONTACT_FOR", "Project"},
	{"Person", "WORKS_FOR", "Actor"},
	{"Figure", "DESCRIBES", "Project"},
	{"Figure", "DESCRIBES", "Actor"},
	{"Figure", "DESCRIBES", "FundingProgramme"},
}

// PatternsOf returns the patterns of one relationship type.
func PatternsOf(typ string) []Pattern {
	var out []Pattern
	for _, p := range Patterns {
		if p.Type == typ {
			out = append(out, p)
		}
	}
	return out
}

// Ends returns the labels the start and the end of a relationship of type typ may have, each
// once.
func Ends(typ string) (from, to []string) {
	for _, p := range PatternsOf(typ) {
		if !slices.Contains(from, p.From) {
			from = append(from, p.From)
		}
		if !slices.Contains(to, p.To) {
			to = append(to, p.To)
		}
	}
	return from, to
}

// Allowed reports whether (from)-[:typ]->(to) is a pattern of the model.
func Allowed(from, typ, to string) bool {
	return slices.Contains(Patterns, Pattern{from, typ, to})
}

// LinkTypes are the relationship types `link` and `unlink` accept.
func LinkTypes() []string { return RelTypeNames(func(t RelType) bool { return t.Linkable }) }

// IDPattern is the rule for ids: a slug, lower-case letters and digits in groups joined by
// single hyphens (docs/model.md). Go's regexp and Neo4j's =~ read it the same way; ValidID
// adds a length limit.
const IDPattern = `[a-z0-9]+(-[a-z0-9]+)*`

// MaxIDLength and MaxSourceLength bound what mutations accept.
const (
	MaxIDLength     = 100
	MaxSourceLength = 300
)

// SourcePattern is the rule for source strings: <sourceId>#<section>, neither part empty,
// without white space or another '#'. White space is spelled out (\x0B too) so that Go's
// regexp and Neo4j's (Java's) agree. ValidSource adds that the source id is a slug.
const SourcePattern = `[^#\s\x0B]+#[^#\s\x0B]+`

// Defaults and bounds of the API's lists. The schema's declared default values, the
// compiler and the cost model (graph/complexity.go) all read these; a test compares them
// with schema.graphqls.
const (
	DefaultPage    = 50  // a connection's page size without `first` (the server may set its own)
	MaxPage        = 500 // the largest `first`; also caps every plain list
	MaxFilterDepth = 5   // the deepest AND/OR nesting of a filter
	MaxFilterItems = 20  // the most filters one AND or OR list takes (repeats counted once)
	MaxOrderBy     = 10  // the most items an orderBy list takes (a repeated field counts once)
	MaxListArg     = 500 // the most values a list argument takes (ids, countries, enum values)

	SearchFirst        = 20  // search hits without `first`
	NeighbourhoodDepth = 1   // neighbourhood(depth:)
	NeighbourhoodLimit = 100 // neighbourhood(limit:)
	PathsMaxHops       = 4   // shortestPaths(maxHops:)
	PathsK             = 3   // shortestPaths(k:)
	CollaboratorsFirst = 20  // collaborators(first:)
	FlowsFirst         = 100 // fundingFlows(first:): the flows listed
)

// Bounds of the relationship queries beyond their arguments; the compiler (cypherc) builds
// them into the statements and the cost model (graph/complexity.go) prices by them.
const (
	NeighbourhoodEdgesPerNode = 3    // a neighbourhood returns at most this × limit relationships
	NeighbourhoodEdgeScan     = 1000 // relationships of one kept node the edge step reads at most
	ConnectionHops            = 5    // the longest path `connection` explains
	ConnectionExplanations    = 10   // explanations `connection` returns at most
	ProgrammeDepth            = 5    // PART_OF levels followed down a funding tree
)
