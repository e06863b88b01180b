// 008_figures.cypher -- headline figures the sources state, kept so that statistics computed
// from the graph can be compared with them, and DESCRIBES edges where a figure is about one
// node. The two ecosystem counts (40 and 20 Walloon players) describe the whole ecosystem,
// not a node, so they have no DESCRIBES edge. The graph holds far fewer Walloon actors than
// 40: the brochure's logo list is "non-exhaustive" and partly unreadable.

MERGE (n:Figure {id: 'figure-walloon-players-value-chain'})
SET n += {name: 'Walloon players active in the battery value chain',
  value: 40.0,
  unit: 'actors',
  about: 'Walloon players active in the battery value chain.',
  sources: ['brochure#key-figures'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Figure {id: 'figure-walloon-players-rd-projects'})
SET n += {name: 'Walloon players active in regional and European R&D projects',
  value: 20.0,
  unit: 'actors',
  about: 'Walloon players active in regional and European R&D projects.',
  sources: ['brochure#key-figures'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Figure {id: 'figure-selected-investment-projects'})
SET n += {name: 'Investment projects selected to strengthen the regional battery value chain',
  value: 7.0,
  unit: 'projects',
  about: 'Investment projects selected to strengthen the regional battery value chain (Wallonie Entreprendre call, Walloon Recovery Plan). Discrepancy: the sources name only six project items (Nuode, Prayon, Botree, Revatech, EnviroBelgium, and Octave with Watt4Ever jointly), so the graph holds six investment projects; the press\'s total of EUR 713 million is also slightly above the sum of the named amounts (EUR 712.2 million). Perhaps Octave and Watt4Ever were counted as two, or a seventh small project was not named; neither is assumed.',
  sources: ['brochure#key-figures', 'brochure#partners-wallonie-entreprendre', 'trends-levif-battery-call#selection'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Figure {id: 'figure-strategic-innovation-initiatives'})
SET n += {name: 'Strategic Innovation Initiative in relation with the batteries value chain',
  value: 1.0,
  unit: 'initiatives',
  about: 'Strategic Innovation Initiative in relation with Batteries value chain: WIN4C.',
  sources: ['brochure#key-figures'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Figure {id: 'figure-batfactory-budget'})
SET n += {name: 'BatFactory budget',
  value: 11400000.0,
  unit: 'EUR',
  about: 'Budget of the BatFactory portfolio of research projects, funded by Wallonia.',
  sources: ['brochure#partners-batfactory', 'unamur-batfactory#funding'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Figure {id: 'figure-we-battery-call-budget'})
SET n += {name: 'Wallonie Entreprendre battery call budget',
  value: 25500000.0,
  unit: 'EUR',
  about: 'Budget allocated by the Walloon Government to Wallonie Entreprendre, within the Walloon Recovery Plan, to fund battery projects.',
  sources: ['brochure#partners-wallonie-entreprendre'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Figure {id: 'figure-we-battery-call-total-investment'})
SET n += {name: 'Total investment of the projects selected by the Wallonie Entreprendre battery call',
  value: 713000000.0,
  unit: 'EUR',
  about: 'Total investment of the seven selected projects, as reported by the press (with 613 direct jobs).',
  sources: ['trends-levif-battery-call#selection'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Figure {id: 'figure-batmass-partners'})
SET n += {name: 'BATMASS partners',
  value: 22.0,
  unit: 'partners',
  about: 'Number of partners of the BATMASS consortium; none of them is named in our sources, so none is in the graph.',
  sources: ['eu-i3-batmass#summary'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// --- DESCRIBES ---

MATCH (a:Figure {id: 'figure-selected-investment-projects'}), (b:FundingProgramme {id: 'we-battery-call'})
MERGE (a)-[r:DESCRIBES]->(b)
SET r += {sources: ['brochure#key-figures', 'brochure#partners-wallonie-entreprendre', 'trends-levif-battery-call#selection'],
  confidence: 'SOURCED'};

MATCH (a:Figure {id: 'figure-strategic-innovation-initiatives'}), (b:Project {id: 'win4c'})
MERGE (a)-[r:DESCRIBES]->(b)
SET r += {sources: ['brochure#key-figures'],
  confidence: 'SOURCED'};

MATCH (a:Figure {id: 'figure-batfactory-budget'}), (b:Project {id: 'batfactory'})
MERGE (a)-[r:DESCRIBES]->(b)
SET r += {sources: ['brochure#partners-batfactory', 'unamur-batfactory#funding'],
  confidence: 'SOURCED'};

MATCH (a:Figure {id: 'figure-we-battery-call-budget'}), (b:FundingProgramme {id: 'we-battery-call'})
MERGE (a)-[r:DESCRIBES]->(b)
SET r += {sources: ['brochure#partners-wallonie-entreprendre'],
  confidence: 'SOURCED'};

MATCH (a:Figure {id: 'figure-we-battery-call-total-investment'}), (b:FundingProgramme {id: 'we-battery-call'})
MERGE (a)-[r:DESCRIBES]->(b)
SET r += {sources: ['trends-levif-battery-call#selection'],
  confidence: 'SOURCED'};

MATCH (a:Figure {id: 'figure-batmass-partners'}), (b:Project {id: 'batmass'})
MERGE (a)-[r:DESCRIBES]->(b)
SET r += {sources: ['eu-i3-batmass#summary'],
  confidence: 'SOURCED'};
