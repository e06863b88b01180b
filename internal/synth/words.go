package synth

// The vocabulary names and descriptions are made of: invented brand syllables, real places,
// and the battery value chain's own terms (so full-text search finds realistic words).

var syllables = []string{"vol", "tar", "ion", "cel", "lux", "nor", "cath", "gra", "phen", "lit",
	"ox", "eco", "neo", "pow", "er", "sol", "ar", "kin", "vel", "tra", "mag", "ner", "cor", "zen",
	"ael", "bri", "sto", "ra", "gen", "vox", "tek", "am", "pel", "qua", "ris", "dyn", "ele", "fin",
	"mo", "sa", "lum", "bat", "nik", "co", "var", "ton", "mi", "rel"}

// Stage is one of the ten value-chain stages of data/seed/002_stages.cypher.
type Stage struct {
	ID, Code string
	// popularity is how often actors and projects work in the stage, relative to the others.
	popularity float64
	// phrases describe work in the stage.
	phrases []string
}

// Stages are the ten stages in chain order; their ids and codes are the seed's.
var Stages = []Stage{
	{"stage-extraction", "EXTRACTION", 0.4, []string{"lithium brine extraction", "cobalt and nickel mining", "natural graphite mining", "manganese ore processing"}},
	{"stage-refining", "REFINING", 0.6, []string{"battery-grade lithium hydroxide refining", "nickel sulphate production", "cobalt refining", "lithium carbonate conversion"}},
	{"stage-materials-components", "MATERIALS_COMPONENTS", 1.6, []string{"cathode active materials", "silicon anode materials", "solid-state electrolytes", "separator films", "electrolyte salts", "current-collector foils"}},
	{"stage-cell-manufacturing", "CELL_MANUFACTURING", 1.3, []string{"lithium-ion cell manufacturing", "electrode coating", "pouch cell assembly", "sodium-ion cells", "cell formation and ageing"}},
	{"stage-module-pack", "MODULE_PACK", 1.0, []string{"battery pack assembly", "battery management systems", "thermal management", "module design"}},
	{"stage-integration-use", "INTEGRATION_USE", 1.2, []string{"electric vehicle integration", "stationary energy storage", "grid-scale storage", "electric buses and trucks"}},
	{"stage-collection-logistics", "COLLECTION_LOGISTICS", 0.5, []string{"waste battery collection", "reverse logistics", "safe transport of used batteries"}},
	{"stage-second-life", "SECOND_LIFE", 0.7, []string{"second-life storage", "battery repurposing", "state-of-health diagnostics", "remanufacturing of packs"}},
	{"stage-dismantling-pretreatment", "DISMANTLING_PRETREATMENT", 0.6, []string{"automated dismantling", "black mass production", "discharge and shredding"}},
	{"stage-recycling-recovery", "RECYCLING_RECOVERY", 1.1, []string{"hydrometallurgical recycling", "direct recycling of cathodes", "pyrometallurgical metal recovery", "lithium recovery from black mass"}},
}

type country struct {
	code     string
	weight   float64
	cities   []string
	legal    []string // legal forms of companies
	currency string   // national currency, when not the euro
}

// belgium's regions share the country code BE; their cities and legal forms differ.
var belgianRegions = map[string]country{
	"WAL": {"BE", 0, []string{"Liège", "Namur", "Charleroi", "Mons", "Louvain-la-Neuve", "Wavre", "Seneffe", "Tournai", "Gembloux"}, []string{"SA", "SRL"}, ""},
	"BRU": {"BE", 0, []string{"Brussels", "Anderlecht", "Ixelles", "Uccle"}, []string{"SA", "NV", "SRL"}, ""},
	"VLG": {"BE", 0, []string{"Antwerp", "Ghent", "Leuven", "Hasselt", "Genk", "Kortrijk", "Mol"}, []string{"NV", "BV"}, ""},
}

var foreignCountries = []country{
	{"DE", 18, []string{"Munich", "Berlin", "Aachen", "Stuttgart", "Ulm", "Karlsruhe", "Dresden"}, []string{"GmbH", "AG"}, ""},
	{"FR", 16, []string{"Paris", "Grenoble", "Lyon", "Douvrin", "Dunkirk", "Toulouse"}, []string{"SAS", "SA"}, ""},
	{"IT", 9, []string{"Milan", "Turin", "Rome", "Bologna"}, []string{"Srl", "SpA"}, ""},
	{"ES", 8, []string{"Madrid", "Barcelona", "Bilbao", "Valencia"}, []string{"SL", "SA"}, ""},
	{"NL", 7, []string{"Eindhoven", "Delft", "Rotterdam", "Amsterdam"}, []string{"BV", "NV"}, ""},
	{"SE", 6, []string{"Stockholm", "Skelleftea", "Gothenburg", "Vasteras"}, []string{"AB"}, "SEK"},
	{"PL", 5, []string{"Warsaw", "Wroclaw", "Krakow"}, []string{"SA"}, "PLN"},
	{"AT", 4, []string{"Vienna", "Graz", "Linz"}, []string{"GmbH"}, ""},
	{"FI", 4, []string{"Helsinki", "Espoo", "Vaasa"}, []string{"Oy"}, ""},
	{"NO", 4, []string{"Oslo", "Trondheim", "Mo i Rana"}, []string{"AS"}, "NOK"},
	{"CZ", 3, []string{"Prague", "Brno"}, []string{"sro"}, "CZK"},
	{"PT", 3, []string{"Lisbon", "Porto", "Setubal"}, []string{"SA", "Lda"}, ""},
	{"DK", 3, []string{"Copenhagen", "Aarhus"}, []string{"ApS", "AS"}, "DKK"},
	{"HU", 3, []string{"Budapest", "Debrecen"}, []string{"Kft"}, "HUF"},
	{"CH", 3, []string{"Zurich", "Lausanne", "Basel"}, []string{"AG", "SA"}, "CHF"},
	{"GB", 4, []string{"London", "Oxford", "Sunderland", "Coventry"}, []string{"Ltd", "plc"}, "GBP"},
}

var companyWords = []string{"Batteries", "Energy", "Materials", "Recycling", "Cells", "Power", "Technologies", "Metals", "Systems", "Storage", "Chemicals", "Mobility"}

var labTopics = []string{"Electrochemistry", "Materials Science", "Energy Storage", "Process Engineering", "Solid-State Ionics", "Power Electronics", "Hydrometallurgy", "Applied Chemistry"}

var applications = []string{"electric vehicles", "stationary storage", "heavy-duty transport", "consumer electronics", "the circular economy", "grid balancing"}

var adjectives = []string{"Scalable", "Sustainable", "Low-carbon", "High-energy", "Safe", "Cobalt-free", "Digital", "Circular", "Cost-effective", "Next-generation"}

// euProgrammes name the first EU-level root programmes.
var euProgrammes = []string{"Horizon Europe", "Innovation Fund", "LIFE Programme", "European Regional Development Fund", "InvestEU", "Digital Europe", "Interreg North-West Europe", "Connecting Europe Facility"}

var programmeParts = []string{"Batteries Partnership call", "Cluster 5 call", "Pilot lines window", "Scale-up window", "Research grants", "Equity window", "Demonstration call", "Skills call"}
