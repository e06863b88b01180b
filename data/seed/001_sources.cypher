// 001_sources.cypher -- the documents every fact of the seed graph is taken from.
//
// A source string on a node or relationship is "<sourceId>#<section>"; <sourceId> is the id
// of one of the Source nodes below. Sections used:
//   brochure#introduction, #key-figures, #ecosystem-walloon-stakeholders,
//     #ecosystem-international-contacts, #topic-smart-battery-disassembly,
//     #topic-battery-recycling-quest, #topic-electrode-materials, #topic-batteries-second-life,
//     #topic-massification-cross-border, #partners-wallonie-entreprendre, #partners-awex,
//     #partners-wbi, #partners-batfactory, #partners-win4c, #partners-ncp-wallonie,
//     #partners-circular-wallonia, #contacts
//   batmass-news#intro (dates, organisers, participants), #themes, #dimensions, #technical-visits
//   unamur-batfactory#funding, #partners, #coordination, #axes, #timeline, #support
//   trends-levif-battery-call#call, #selection, #nuode, #prayon, #botree, #revatech,
//     #envirobelgium, #octave-watt4ever
//   press-nuode-suspension#status
//   win4c-s3#s3-sid1, #partners
//   eu-i3-batmass#summary
//   eu-battery-regulation#art-3-definitions, #end-of-life
//   eu-battery-action-plan#value-chain
//   battery-pass-data-model#lifecycle
//
// url: only where a document gives one or where it is the obvious official address. The
// brochure carries no address of its own; its url is the publisher's site printed on its
// last page (www.polemecatech.be/fr/). published: only full dates that are known.

MERGE (n:Source {id: 'brochure'})
SET n += {name: 'Batteries in Wallonia: at the Heart of Technological Evolution',
  title: 'Batteries in Wallonia: at the Heart of Technological Evolution',
  publisher: 'MecaTech cluster',
  url: 'https://www.polemecatech.be/fr/',
  file: '000_93a2799afea7e817.txt',
  sources: ['brochure#contacts'], confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// The seed text of the news item matches, word for word, the news page of the BATMASS
// project site (same "NEWS & EVENT ... by | Mar 19, 2025 | Events, News" layout).
MERGE (n:Source {id: 'batmass-news'})
SET n += {name: 'BATMASS Workshop Fosters Strategic Collaboration on Circular Battery Valley',
  title: 'BATMASS Workshop Fosters Strategic Collaboration on Circular Battery Valley',
  publisher: 'BATMASS project',
  url: 'https://batmass.corporaciontecnologica.com/batmass-workshop-fosters-strategic-collaboration-on-circular-battery-valley',
  file: '001_61d1cbd33a2d5d00.txt',
  published: date('2025-03-19'),
  sources: ['batmass-news#intro'], confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Source {id: 'unamur-batfactory'})
SET n += {name: 'UNamur newsroom: launch of the BatFactory project portfolio (Plan de Relance)',
  title: 'UNamur newsroom: launch of the BatFactory project portfolio (Plan de Relance)',
  publisher: 'Université de Namur (UNamur)',
  url: 'https://unamur.be/fr/newsroom/lancement-du-portefeuille-de-projets-batfactory-plan-de-relance',
  sources: ['unamur-batfactory#partners'], confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// Trends-Tendances article on the seven projects chosen in December 2023 ("juste avant la
// trêve de Noël"); the exact publication day is not known, so no `published`.
MERGE (n:Source {id: 'trends-levif-battery-call'})
SET n += {name: 'Trends-Tendances: the seven Walloon battery projects of the Wallonie Entreprendre call (December 2023)',
  title: 'Sept projets wallons de batteries',
  publisher: 'Trends-Tendances (trends.levif.be)',
  url: 'https://trends.levif.be/a-la-une/developpement-durable/sept-projets-wallons-de-batteries/',
  sources: ['trends-levif-battery-call#selection'], confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// domain.md gives the suspension of Nuode's project (September 2024) with the press list, but
// the Trends article predates it, so the suspension gets a source of its own. The article
// itself is not identified in domain.md: no url, no publisher.
MERGE (n:Source {id: 'press-nuode-suspension'})
SET n += {name: 'Press report of September 2024: Nuode suspends its Walloon copper-foil project',
  title: 'Press report of September 2024: Nuode suspends its Walloon copper-foil project',
  sources: ['press-nuode-suspension#status'], confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Source {id: 'win4c-s3'})
SET n += {name: 'Wallonia\'s Smart Specialisation Strategy (S3): WIN4C, Strategic Innovation Initiative of SID 1 (circular materials)',
  title: 'Wallonia\'s Smart Specialisation Strategy (S3): WIN4C, Strategic Innovation Initiative of SID 1 (circular materials)',
  publisher: 'Service public de Wallonie (S3 Wallonia)',
  url: 'https://s3.wallonie.be',
  sources: ['win4c-s3#s3-sid1'], confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// The EU page on BATMASS under the Interregional Innovation Investments (I3) instrument;
// its address is not recorded in domain.md, so no url.
MERGE (n:Source {id: 'eu-i3-batmass'})
SET n += {name: 'BATMASS: EU Interregional Innovation Investments (I3) project page',
  title: 'BATMASS: EU Interregional Innovation Investments (I3) project page',
  publisher: 'European Commission',
  sources: ['eu-i3-batmass#summary'], confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Source {id: 'eu-battery-regulation'})
SET n += {name: 'Regulation (EU) 2023/1542 concerning batteries and waste batteries',
  title: 'Regulation (EU) 2023/1542 of the European Parliament and of the Council of 12 July 2023 concerning batteries and waste batteries',
  publisher: 'Official Journal of the European Union',
  url: 'https://eur-lex.europa.eu/eli/reg/2023/1542/oj',
  published: date('2023-07-28'),
  sources: ['eu-battery-regulation#art-3-definitions'], confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Source {id: 'eu-battery-action-plan'})
SET n += {name: 'EU Strategic Action Plan on Batteries',
  title: 'Strategic Action Plan on Batteries (Annex 2 to COM(2018) 293 final, Europe on the Move)',
  publisher: 'European Commission',
  url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:52018DC0293',
  published: date('2018-05-17'),
  sources: ['eu-battery-action-plan#value-chain'], confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Source {id: 'battery-pass-data-model'})
SET n += {name: 'Battery Pass data model',
  title: 'Battery Pass data model (battery passport content and life-cycle status)',
  publisher: 'Battery Pass consortium',
  url: 'https://github.com/batterypass/BatteryPassDataModel',
  sources: ['battery-pass-data-model#lifecycle'], confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};
