package kg

// Vocabulary is the value chain's vocabulary in French and English, stated once: `search`
// looks for every form of a concept when the text holds any of them, so "recyclage" finds
// what is written "recycling" and "black mass" what is written "masse noire". Forms are
// lower case without accents (search folds the text it is given the same way); a form of
// several words is a phrase. Names keep their own language: this only widens the words a
// search looks for, it never rewrites a name.
var Vocabulary = [][]string{
	{"battery", "batteries", "batterie", "batteries", "accumulateur"},
	{"recycling", "recyclage"},
	{"second life", "second-life", "seconde vie", "reemploi", "reuse", "repurposing"},
	{"black mass", "masse noire"},
	{"dismantling", "disassembly", "demantelement", "desassemblage"},
	{"collection", "collecte"},
	{"logistics", "logistique"},
	{"refining", "raffinage"},
	{"extraction", "extraction miniere", "mining", "exploitation miniere"},
	{"cell", "cellule"},
	{"cell manufacturing", "fabrication de cellules", "production de cellules"},
	{"electrode", "electrodes"},
	{"cathode", "cathodes"},
	{"anode", "anodes"},
	{"module", "modules"},
	{"pack", "packs", "bloc batterie"},
	{"materials", "material", "materiaux", "materiau", "matieres"},
	{"components", "component", "composants", "composant"},
	{"critical raw materials", "matieres premieres critiques"},
	{"recovery", "valorisation", "recuperation"},
	{"pretreatment", "pre-treatment", "pretraitement"},
	{"storage", "stockage"},
	{"stationary storage", "stockage stationnaire"},
	{"energy", "energie"},
	{"electric vehicle", "vehicule electrique"},
	{"circular economy", "economie circulaire"},
	{"research", "recherche"},
	{"university", "universite"},
	{"funding", "financement"},
	{"regulation", "regulations", "reglementation"},
	{"waste", "dechets", "dechet"},
	{"lithium", "lithium"},
	{"copper", "cuivre"},
	{"nickel", "nickel"},
	{"cobalt", "cobalt"},
	{"graphite", "graphite"},
	{"manganese", "manganese"},
}

// Synonyms maps each form of the vocabulary to every form of its concept (itself included).
func Synonyms() map[string][]string {
	out := map[string][]string{}
	for _, concept := range Vocabulary {
		seen := map[string]bool{}
		var forms []string
		for _, f := range concept {
			if !seen[f] {
				seen[f] = true
				forms = append(forms, f)
			}
		}
		for _, f := range forms {
			out[f] = forms
		}
	}
	return out
}
