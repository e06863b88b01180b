// 003_actors.cypher -- every organisation the two seed documents name (and the public sources
// of domain.md), as Actor + exactly one kind label; then PART_OF between actors and ACTIVE_IN.
//
// Conventions of this file:
// - region is where the organisation has its registered head office (WAL, BRU, VLG, FOREIGN);
//   for Walloon public bodies seated in Brussels (AWEX, WBI) it is the Region they serve
//   (WAL), as their description says. Left out when it is not known.
// - city, website and country are enrichment from general knowledge where neither seed
//   document nor a domain.md source gives them; they are left out where not certain.
// - activityType: HES universities (and their labs), REC research centres, PRC companies,
//   PUB public bodies, OTH clusters, federations and other networks.
// - nameAsPrinted keeps the brochure's spelling when it differs from the usual name
//   (its logo lists read like OCR output).
// - confidence INFERRED on an actor means that identifying the printed logo with this
//   organisation is a guess; the description says so.
//
// Logos in the brochure that could not be identified, and are therefore NOT in the graph:
//   Walloon stakeholders: "Mergent", "ICS", "LUCL" (perhaps a cropped UCLouvain logo -- not
//     assumed; UCLouvain is in the graph anyway from the BatFactory text),
//     "innovation forward".
//   International contacts: "FINNOU:OZE", "CIRCUIT POL", "novali", "VERHOFF" (perhaps the
//     French cell maker Verkor -- too uncertain to assert).
// The "Wallonia.be" logo is read as the Walloon Region's own brand and recorded on the
// Walloon Region actor (id spw) as nameAsPrinted; that identification is an inference.

MERGE (n:Actor {id: 'uliege'})
SET n:University
SET n += {name: 'Université de Liège',
  shortName: 'ULiège',
  nameAsPrinted: 'LIÈGE université',
  description: 'Public university in Liège. Shown among the brochure\'s Walloon stakeholders (also with its GeMMe lab); the UNamur newsroom lists it as a BatFactory partner, the brochure does not.',
  city: 'Liège',
  country: 'BE',
  region: 'WAL',
  website: 'https://www.uliege.be',
  activityType: 'HES',
  sources: ['brochure#ecosystem-walloon-stakeholders', 'unamur-batfactory#partners'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// GeMMe: the brochure prints its logo together with ULiège's; PART_OF ULiège below.
MERGE (n:Actor {id: 'gemme'})
SET n:Lab
SET n += {name: 'GeMMe – Minerals Engineering, Materials and Environment (ULiège)',
  shortName: 'GeMMe',
  description: 'Research unit of the University of Liège on mineral processing, materials and recycling; its logo appears with ULiège\'s among the brochure\'s Walloon stakeholders.',
  city: 'Liège',
  country: 'BE',
  region: 'WAL',
  activityType: 'HES',
  sources: ['brochure#ecosystem-walloon-stakeholders'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// Printed "Greenmat"; read as ULiège's GREEnMat laboratory -- a guess, hence INFERRED.
MERGE (n:Actor {id: 'greenmat'})
SET n:Lab
SET n += {name: 'GREEnMat (ULiège)',
  shortName: 'GREEnMat',
  nameAsPrinted: 'Greenmat',
  description: 'INFERRED identification: the brochure\'s "Greenmat" logo is taken to be GREEnMat, the University of Liège materials-chemistry laboratory (energy and environment materials). Not confirmed by the sources.',
  city: 'Liège',
  country: 'BE',
  region: 'WAL',
  activityType: 'HES',
  sources: ['brochure#ecosystem-walloon-stakeholders'],
  confidence: 'INFERRED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Actor {id: 'agc'})
SET n:Company
SET n += {name: 'AGC',
  description: 'Glass and chemicals group; its European glass arm, AGC Glass Europe, has its head office in Louvain-la-Neuve. Listed among the brochure\'s Walloon stakeholders.',
  city: 'Louvain-la-Neuve',
  country: 'BE',
  region: 'WAL',
  website: 'https://www.agc-glass.eu',
  activityType: 'PRC',
  sources: ['brochure#ecosystem-walloon-stakeholders'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Actor {id: 'nanocyl'})
SET n:Company
SET n += {name: 'Nanocyl',
  nameAsPrinted: 'nanocyl',
  description: 'Producer of carbon nanotubes, used among others as conductive additives in battery electrodes. Listed among the brochure\'s Walloon stakeholders.',
  city: 'Sambreville',
  country: 'BE',
  region: 'WAL',
  website: 'https://www.nanocyl.com',
  activityType: 'PRC',
  sources: ['brochure#ecosystem-walloon-stakeholders'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// The brochure's publisher; its logo is printed "MEGATECH" in the stakeholder list.
MERGE (n:Actor {id: 'mecatech'})
SET n:Cluster
SET n += {name: 'MecaTech cluster',
  shortName: 'MecaTech',
  nameAsPrinted: 'MEGATECH',
  description: 'Walloon competitiveness cluster (Pôle MecaTech) for mechanical engineering and manufacturing; publisher of the battery brochure, co-organiser of the February 2025 industry event with TEAM2 and WIN4C, and support to BatFactory.',
  country: 'BE',
  region: 'WAL',
  website: 'https://www.polemecatech.be',
  activityType: 'OTH',
  sources: ['brochure#contacts', 'brochure#ecosystem-walloon-stakeholders', 'batmass-news#intro', 'unamur-batfactory#support'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// Printed "CIENTEXBIEL". Head office in Flanders, hence region VLG, although the brochure lists it among Walloon stakeholders.
MERGE (n:Actor {id: 'centexbel'})
SET n:ResearchCentre
SET n += {name: 'Centexbel',
  nameAsPrinted: 'CIENTEXBIEL',
  description: 'Belgian scientific and technical centre for the textile and plastics industry (head office in Ghent, Flanders; it also works in Wallonia). Listed among the brochure\'s Walloon stakeholders.',
  city: 'Ghent',
  country: 'BE',
  region: 'VLG',
  website: 'https://www.centexbel.be',
  activityType: 'REC',
  sources: ['brochure#ecosystem-walloon-stakeholders'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Actor {id: 'materia-nova'})
SET n:ResearchCentre
SET n += {name: 'Materia Nova',
  nameAsPrinted: 'MateriaNova',
  description: 'Walloon materials research centre (surfaces, coatings, polymers). A BatFactory partner according to both the brochure and the UNamur newsroom.',
  city: 'Mons',
  country: 'BE',
  region: 'WAL',
  website: 'https://www.materianova.be',
  activityType: 'REC',
  sources: ['brochure#ecosystem-walloon-stakeholders', 'brochure#partners-batfactory', 'unamur-batfactory#partners'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// Printed "CRM group" (logo) and "CRM" (BatFactory text); WIN4C's contact address is at crmgroup.be.
MERGE (n:Actor {id: 'crm-group'})
SET n:ResearchCentre
SET n += {name: 'CRM Group',
  shortName: 'CRM',
  nameAsPrinted: 'CRM group',
  description: 'Walloon metallurgy research centre (Centre de Recherches Métallurgiques). BatFactory partner; takes part in WIN4C, whose published contact address is at crmgroup.be -- no source says it coordinates WIN4C.',
  city: 'Liège',
  country: 'BE',
  region: 'WAL',
  website: 'https://www.crmgroup.be',
  activityType: 'REC',
  sources: ['brochure#ecosystem-walloon-stakeholders', 'brochure#partners-batfactory', 'brochure#partners-win4c', 'unamur-batfactory#partners', 'win4c-s3#partners'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// Printed "Cenero" in the logo list and "CERNAERO" in the BatFactory text: both are Cenaero.
MERGE (n:Actor {id: 'cenaero'})
SET n:ResearchCentre
SET n += {name: 'Cenaero',
  nameAsPrinted: 'Cenero (logo list); CERNAERO (BatFactory text)',
  description: 'Walloon research centre for numerical simulation and modelling. A BatFactory partner according to both the brochure (spelled "CERNAERO") and the UNamur newsroom.',
  city: 'Gosselies',
  country: 'BE',
  region: 'WAL',
  website: 'https://www.cenaero.be',
  activityType: 'REC',
  sources: ['brochure#ecosystem-walloon-stakeholders', 'brochure#partners-batfactory', 'unamur-batfactory#partners'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// Agoria is an industry federation, not a cluster; Cluster is the closest kind the model has (activityType OTH).
MERGE (n:Actor {id: 'agoria'})
SET n:Cluster
SET n += {name: 'Agoria',
  nameAsPrinted: 'AGORIA',
  description: 'Belgian federation of the technology industry (head office in Brussels, with a Walloon branch). Listed among the brochure\'s Walloon stakeholders.',
  city: 'Brussels',
  country: 'BE',
  region: 'BRU',
  website: 'https://www.agoria.be',
  activityType: 'OTH',
  sources: ['brochure#ecosystem-walloon-stakeholders'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// The Walloon Region, acting through the Walloon Government and its administration, the
// Service public de Wallonie (SPW): it allocates the Recovery Plan money to Wallonie Entreprendre,
// funds BatFactory, and its administration hosts the Circular Wallonia contact
// (melanie.rensonnet@spw.wallonie.be). One actor, not two: the sources do not separate them.
MERGE (n:Actor {id: 'spw'})
SET n:PublicAgency
SET n += {name: 'Walloon Region – Walloon Government and Service public de Wallonie (SPW)',
  shortName: 'SPW',
  nameAsPrinted: 'Wallonia.be',
  description: 'The Walloon Region: its Government owns the Walloon Recovery Plan (Plan de Relance de la Wallonie), allocated EUR 25.5 million of it to Wallonie Entreprendre for the battery call and funds BatFactory; its administration (SPW) runs Circular Wallonia. The brochure\'s "Wallonia.be" stakeholder logo is taken to be the Region\'s -- that identification is INFERRED.',
  city: 'Namur',
  country: 'BE',
  region: 'WAL',
  website: 'https://www.wallonie.be',
  activityType: 'PUB',
  sources: ['brochure#partners-wallonie-entreprendre', 'brochure#partners-batfactory', 'brochure#partners-circular-wallonia', 'unamur-batfactory#funding', 'brochure#ecosystem-walloon-stakeholders'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Actor {id: 'unamur'})
SET n:University
SET n += {name: 'Université de Namur',
  shortName: 'UNamur',
  description: 'University in Namur; coordinates BatFactory (Prof. Bao-Lian Su).',
  city: 'Namur',
  country: 'BE',
  region: 'WAL',
  website: 'https://www.unamur.be',
  activityType: 'HES',
  sources: ['brochure#partners-batfactory', 'unamur-batfactory#coordination'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Actor {id: 'umons'})
SET n:University
SET n += {name: 'Université de Mons',
  shortName: 'UMons',
  description: 'University in Mons; BatFactory partner.',
  city: 'Mons',
  country: 'BE',
  region: 'WAL',
  website: 'https://web.umons.ac.be',
  activityType: 'HES',
  sources: ['brochure#partners-batfactory', 'unamur-batfactory#partners'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Actor {id: 'uclouvain'})
SET n:University
SET n += {name: 'Université catholique de Louvain',
  shortName: 'UCLouvain',
  description: 'University in Louvain-la-Neuve; BatFactory partner.',
  city: 'Louvain-la-Neuve',
  country: 'BE',
  region: 'WAL',
  website: 'https://uclouvain.be',
  activityType: 'HES',
  sources: ['brochure#partners-batfactory', 'unamur-batfactory#partners'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Actor {id: 'ulb'})
SET n:University
SET n += {name: 'Université libre de Bruxelles',
  shortName: 'ULB',
  description: 'University in Brussels; BatFactory partner.',
  city: 'Brussels',
  country: 'BE',
  region: 'BRU',
  website: 'https://www.ulb.be',
  activityType: 'HES',
  sources: ['brochure#partners-batfactory', 'unamur-batfactory#partners'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// Generic mailbox transition@wallonie-entreprendre.be kept as the actor's email (no person is named).
MERGE (n:Actor {id: 'wallonie-entreprendre'})
SET n:Funder
SET n += {name: 'Wallonie Entreprendre',
  description: 'Walloon public investment group: loans, guarantees, venture capital, advice and export support for businesses. Manages the EUR 25.5 million battery envelope of the Walloon Recovery Plan, matched by its own equity or quasi-equity.',
  city: 'Liège',
  country: 'BE',
  region: 'WAL',
  website: 'https://www.wallonie-entreprendre.be',
  activityType: 'PUB',
  email: 'transition@wallonie-entreprendre.be',
  sources: ['brochure#partners-wallonie-entreprendre', 'trends-levif-battery-call#call'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Actor {id: 'awex'})
SET n:PublicAgency
SET n += {name: 'Wallonia Export & Investment Agency',
  shortName: 'AWEX',
  description: 'Walloon public agency for foreign investment and export; offers dedicated support to companies of the battery ecosystem (trade missions to the Nordics in 2022 and the Basque Country in 2023). Seated in Brussels; region WAL is the Region it serves.',
  country: 'BE',
  region: 'WAL',
  website: 'https://www.awex.be',
  activityType: 'PUB',
  sources: ['brochure#partners-awex'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Actor {id: 'wbi'})
SET n:PublicAgency
SET n += {name: 'Wallonie-Bruxelles International',
  shortName: 'WBI',
  description: 'Administration for the international relations of the Walloon Region and the Wallonia-Brussels Federation; its Research & Innovation Department coordinates the Research & Innovation Platform and has organised initiatives for the battery ecosystem. Seated in Brussels; region WAL is the Region it serves.',
  country: 'BE',
  region: 'WAL',
  website: 'https://www.wbi.be',
  activityType: 'PUB',
  sources: ['brochure#partners-wbi'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// Named in the WBI paragraph only.
MERGE (n:Actor {id: 'federation-wallonie-bruxelles'})
SET n:PublicAgency
SET n += {name: 'Wallonia-Brussels Federation',
  shortName: 'FWB',
  description: 'The French-speaking Community of Belgium (Fédération Wallonie-Bruxelles), whose international relations WBI handles together with the Walloon Region\'s.',
  city: 'Brussels',
  country: 'BE',
  region: 'BRU',
  website: 'https://www.federation-wallonie-bruxelles.be',
  activityType: 'PUB',
  sources: ['brochure#partners-wbi'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Actor {id: 'ncp-wallonie'})
SET n:PublicAgency
SET n += {name: 'NCP Wallonie',
  shortName: 'NCP Wallonie',
  description: 'National Contact Point for European research and innovation funding in Wallonia, recognised by the European Commission; free support to research actors, including on batteries.',
  country: 'BE',
  region: 'WAL',
  website: 'https://www.ncpwallonie.be',
  activityType: 'PUB',
  sources: ['brochure#partners-ncp-wallonie'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// Circular Wallonia: modelled as an Actor (PublicAgency, PART_OF spw), not as a FundingProgramme.
// Reasons: the brochure presents it as a key partner with its own contact person, and the
// model allows CONTACT_FOR only towards an Actor or a Project; no source gives a project it
// funds or a budget for it, so a FundingProgramme node would carry no FUNDS edge anyway.
MERGE (n:Actor {id: 'circular-wallonia'})
SET n:PublicAgency
SET n += {name: 'Circular Wallonia',
  description: 'The Walloon Government\'s circular-economy strategy and the SPW unit that runs it: supports businesses, research centres and public authorities with financial and technical assistance. Modelled as an SPW-run public body because it is presented as a partner with its own contact point.',
  country: 'BE',
  region: 'WAL',
  website: 'https://economiecirculaire.wallonie.be',
  activityType: 'PUB',
  sources: ['brochure#partners-circular-wallonia'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// Named in the NCP Wallonie paragraph; publisher of the action plan and of the I3 instrument.
MERGE (n:Actor {id: 'european-commission'})
SET n:PublicAgency
SET n += {name: 'European Commission',
  shortName: 'EC',
  description: 'Executive of the European Union; recognises the National Contact Points such as NCP Wallonie and runs the Interregional Innovation Investments (I3) instrument.',
  city: 'Brussels',
  country: 'BE',
  region: 'BRU',
  website: 'https://commission.europa.eu',
  activityType: 'PUB',
  sources: ['brochure#partners-ncp-wallonie', 'eu-i3-batmass#summary'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Actor {id: 'nuode'})
SET n:Company
SET n += {name: 'Nuode',
  description: 'Chinese listed producer of copper foil for Li-ion batteries; planned a EUR 500 million copper-foil plant in Hainaut (Feluy, Ghlin or Tertre), suspended in September 2024.',
  country: 'CN',
  region: 'FOREIGN',
  activityType: 'PRC',
  sources: ['trends-levif-battery-call#nuode', 'press-nuode-suspension#status'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Actor {id: 'prayon'})
SET n:Company
SET n += {name: 'Prayon',
  description: 'Walloon phosphate-chemicals producer; its selected project makes polyphosphoric acid, an input to the LiPF6 electrolyte salt, with a patented process.',
  city: 'Engis',
  country: 'BE',
  region: 'WAL',
  website: 'https://www.prayon.com',
  activityType: 'PRC',
  sources: ['trends-levif-battery-call#prayon'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Actor {id: 'botree'})
SET n:Company
SET n += {name: 'Botree',
  description: 'Chinese battery-recycling company; its selected project recycles NCM batteries.',
  country: 'CN',
  region: 'FOREIGN',
  activityType: 'PRC',
  sources: ['trends-levif-battery-call#botree'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Actor {id: 'revatech'})
SET n:Company
SET n += {name: 'Revatech',
  description: 'Recycling company at Monsin (Liège); its selected project recycles portable batteries (phones, computers).',
  city: 'Liège',
  country: 'BE',
  region: 'WAL',
  activityType: 'PRC',
  sources: ['trends-levif-battery-call#revatech'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Actor {id: 'envirobelgium'})
SET n:Company
SET n += {name: 'EnviroBelgium',
  description: 'Company behind a lead-acid battery recycling project at Ghlin (Mons); region WAL and country BE are taken from the project site, not from a statement about the company.',
  country: 'BE',
  region: 'WAL',
  activityType: 'PRC',
  sources: ['trends-levif-battery-call#envirobelgium'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Actor {id: 'octave'})
SET n:Company
SET n += {name: 'Octave',
  description: 'Start-up that, with Watt4Ever, filed one project to recondition batteries for stationary storage (EUR 7.2 million together). Belgian (general knowledge); its region is not established by the sources.',
  country: 'BE',
  activityType: 'PRC',
  sources: ['trends-levif-battery-call#octave-watt4ever'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Actor {id: 'watt4ever'})
SET n:Company
SET n += {name: 'Watt4Ever',
  description: 'Start-up that, with Octave, filed one project to recondition batteries for stationary storage (EUR 7.2 million together). Belgian (general knowledge); its region is not established by the sources.',
  country: 'BE',
  activityType: 'PRC',
  sources: ['trends-levif-battery-call#octave-watt4ever'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// Printed "InsPyrò".
MERGE (n:Actor {id: 'inspyro'})
SET n:Company
SET n += {name: 'InsPyro',
  nameAsPrinted: 'InsPyrò',
  description: 'Belgian company for pyrometallurgical process development and testing (metals recovery, recycling). Listed among the brochure\'s international contacts.',
  city: 'Leuven',
  country: 'BE',
  region: 'VLG',
  website: 'https://www.inspyro.be',
  activityType: 'PRC',
  sources: ['brochure#ecosystem-international-contacts'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Actor {id: 'orano'})
SET n:Company
SET n += {name: 'Orano',
  nameAsPrinted: 'orano',
  description: 'French nuclear-fuel-cycle group, also developing battery recycling. Listed among the brochure\'s international contacts.',
  city: 'Châtillon',
  country: 'FR',
  region: 'FOREIGN',
  website: 'https://www.orano.group',
  activityType: 'PRC',
  sources: ['brochure#ecosystem-international-contacts'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Actor {id: 'bepa'})
SET n:Cluster
SET n += {name: 'Batteries European Partnership Association',
  shortName: 'BEPA',
  description: 'Association representing the research and industry side of the European partnership on batteries (Batt4EU). Listed among the brochure\'s international contacts.',
  city: 'Brussels',
  country: 'BE',
  region: 'BRU',
  website: 'https://bepassociation.eu',
  activityType: 'OTH',
  sources: ['brochure#ecosystem-international-contacts'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Actor {id: 'umicore'})
SET n:Company
SET n += {name: 'Umicore',
  nameAsPrinted: 'umicore',
  description: 'Materials technology and recycling group (battery cathode materials, battery recycling). Listed among the brochure\'s international contacts.',
  city: 'Brussels',
  country: 'BE',
  region: 'BRU',
  website: 'https://www.umicore.com',
  activityType: 'PRC',
  sources: ['brochure#ecosystem-international-contacts'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// Printed "NEDERLAND CIRCULAIRE HOTSPOT"; read as Holland Circular Hotspot -- INFERRED.
MERGE (n:Actor {id: 'holland-circular-hotspot'})
SET n:Cluster
SET n += {name: 'Holland Circular Hotspot',
  nameAsPrinted: 'NEDERLAND CIRCULAIRE HOTSPOT',
  description: 'INFERRED identification: the brochure\'s "NEDERLAND CIRCULAIRE HOTSPOT" logo is taken to be Holland Circular Hotspot, the Dutch public-private platform for the circular economy.',
  country: 'NL',
  region: 'FOREIGN',
  website: 'https://hollandcircularhotspot.nl',
  activityType: 'OTH',
  sources: ['brochure#ecosystem-international-contacts'],
  confidence: 'INFERRED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// Printed "team²" in the brochure, "TEAM2 Cluster" in the news item.
MERGE (n:Actor {id: 'team2'})
SET n:Cluster
SET n += {name: 'TEAM2',
  nameAsPrinted: 'team²',
  description: 'French competitiveness cluster for the circular economy and recycling (Hauts-de-France); co-organiser of the February 2025 industry event that hosted the BATMASS workshop. Listed among the brochure\'s international contacts.',
  city: 'Loos-en-Gohelle',
  country: 'FR',
  region: 'FOREIGN',
  website: 'https://www.team2.fr',
  activityType: 'OTH',
  sources: ['brochure#ecosystem-international-contacts', 'batmass-news#intro'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// Printed "WWU" (Westfälische Wilhelms-Universität, now University of Münster).
MERGE (n:Actor {id: 'wwu-muenster'})
SET n:University
SET n += {name: 'University of Münster',
  shortName: 'WWU',
  description: 'German university (formerly Westfälische Wilhelms-Universität, WWU), home of the MEET battery research centre. Listed among the brochure\'s international contacts.',
  city: 'Münster',
  country: 'DE',
  region: 'FOREIGN',
  website: 'https://www.uni-muenster.de',
  activityType: 'HES',
  sources: ['brochure#ecosystem-international-contacts'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Actor {id: 'vub'})
SET n:University
SET n += {name: 'Vrije Universiteit Brussel',
  shortName: 'VUB',
  description: 'University in Brussels. Listed among the brochure\'s international contacts.',
  city: 'Brussels',
  country: 'BE',
  region: 'BRU',
  website: 'https://www.vub.be',
  activityType: 'HES',
  sources: ['brochure#ecosystem-international-contacts'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Actor {id: 'cnrs'})
SET n:ResearchCentre
SET n += {name: 'Centre national de la recherche scientifique',
  shortName: 'CNRS',
  description: 'French national research organisation. Listed among the brochure\'s international contacts.',
  city: 'Paris',
  country: 'FR',
  region: 'FOREIGN',
  website: 'https://www.cnrs.fr',
  activityType: 'REC',
  sources: ['brochure#ecosystem-international-contacts'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// Printed "INP UGA".
MERGE (n:Actor {id: 'grenoble-inp-uga'})
SET n:University
SET n += {name: 'Grenoble INP - UGA',
  shortName: 'Grenoble INP',
  nameAsPrinted: 'INP UGA',
  description: 'Grenoble Institute of Engineering and Management, part of Université Grenoble Alpes. Listed among the brochure\'s international contacts.',
  city: 'Grenoble',
  country: 'FR',
  region: 'FOREIGN',
  website: 'https://www.grenoble-inp.fr',
  activityType: 'HES',
  sources: ['brochure#ecosystem-international-contacts'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// Printed "LUX-INNOVATION".
MERGE (n:Actor {id: 'luxinnovation'})
SET n:PublicAgency
SET n += {name: 'Luxinnovation',
  nameAsPrinted: 'LUX-INNOVATION',
  description: 'Luxembourg\'s national innovation agency. Listed among the brochure\'s international contacts.',
  city: 'Luxembourg',
  country: 'LU',
  region: 'FOREIGN',
  website: 'https://www.luxinnovation.lu',
  activityType: 'PUB',
  sources: ['brochure#ecosystem-international-contacts'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Actor {id: 'solvay'})
SET n:Company
SET n += {name: 'Solvay',
  nameAsPrinted: 'SOLVAY',
  description: 'Chemicals group headquartered in Brussels. Listed among the brochure\'s international contacts.',
  city: 'Brussels',
  country: 'BE',
  region: 'BRU',
  website: 'https://www.solvay.com',
  activityType: 'PRC',
  sources: ['brochure#ecosystem-international-contacts'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// Printed "LIST".
MERGE (n:Actor {id: 'list'})
SET n:ResearchCentre
SET n += {name: 'Luxembourg Institute of Science and Technology',
  shortName: 'LIST',
  description: 'Public research institute in Luxembourg (materials, environment, IT). Listed among the brochure\'s international contacts.',
  city: 'Esch-sur-Alzette',
  country: 'LU',
  region: 'FOREIGN',
  website: 'https://www.list.lu',
  activityType: 'REC',
  sources: ['brochure#ecosystem-international-contacts'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Actor {id: 'rwth-aachen'})
SET n:University
SET n += {name: 'RWTH Aachen University',
  shortName: 'RWTH',
  nameAsPrinted: 'RWTH AACHEN UNIVERSITÄT',
  description: 'German technical university in Aachen. Listed among the brochure\'s international contacts.',
  city: 'Aachen',
  country: 'DE',
  region: 'FOREIGN',
  website: 'https://www.rwth-aachen.de',
  activityType: 'HES',
  sources: ['brochure#ecosystem-international-contacts'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// Printed "INM"; read as the Leibniz Institute for New Materials -- INFERRED.
MERGE (n:Actor {id: 'leibniz-inm'})
SET n:ResearchCentre
SET n += {name: 'INM – Leibniz Institute for New Materials',
  shortName: 'INM',
  description: 'INFERRED identification: the brochure\'s "INM" logo is taken to be the Leibniz Institute for New Materials in Saarbrücken (materials research); the acronym alone does not settle it.',
  city: 'Saarbrücken',
  country: 'DE',
  region: 'FOREIGN',
  website: 'https://www.leibniz-inm.de',
  activityType: 'REC',
  sources: ['brochure#ecosystem-international-contacts'],
  confidence: 'INFERRED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// Printed "LePMI"; a joint laboratory (CNRS, Grenoble INP - UGA and partners): PART_OF both, INFERRED.
MERGE (n:Actor {id: 'lepmi'})
SET n:Lab
SET n += {name: 'LEPMI – Laboratory of Electrochemistry and Physical Chemistry of Materials and Interfaces',
  shortName: 'LEPMI',
  nameAsPrinted: 'LePMI',
  description: 'Grenoble electrochemistry laboratory (batteries, fuel cells), a joint research unit of the CNRS, Grenoble INP - UGA and partner universities. Listed among the brochure\'s international contacts.',
  city: 'Grenoble',
  country: 'FR',
  region: 'FOREIGN',
  activityType: 'HES',
  sources: ['brochure#ecosystem-international-contacts'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Actor {id: 'dow'})
SET n:Company
SET n += {name: 'Dow',
  description: 'US materials-science and chemicals group. Listed among the brochure\'s international contacts.',
  city: 'Midland',
  country: 'US',
  region: 'FOREIGN',
  website: 'https://www.dow.com',
  activityType: 'PRC',
  sources: ['brochure#ecosystem-international-contacts'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Actor {id: 'ku-leuven'})
SET n:University
SET n += {name: 'KU Leuven',
  nameAsPrinted: 'KU LEUVEN',
  description: 'University in Leuven. Listed among the brochure\'s international contacts.',
  city: 'Leuven',
  country: 'BE',
  region: 'VLG',
  website: 'https://www.kuleuven.be',
  activityType: 'HES',
  sources: ['brochure#ecosystem-international-contacts'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Actor {id: 'imec'})
SET n:ResearchCentre
SET n += {name: 'imec',
  nameAsPrinted: 'Imec',
  description: 'Research centre for nanoelectronics and digital technologies in Leuven, also working on solid-state battery materials and cells. Listed among the brochure\'s international contacts.',
  city: 'Leuven',
  country: 'BE',
  region: 'VLG',
  website: 'https://www.imec-int.com',
  activityType: 'REC',
  sources: ['brochure#ecosystem-international-contacts'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// Printed "ABEE"; read as Avesta Battery & Energy Engineering -- INFERRED; region unknown.
MERGE (n:Actor {id: 'abee'})
SET n:Company
SET n += {name: 'ABEE – Avesta Battery & Energy Engineering',
  shortName: 'ABEE',
  description: 'INFERRED identification: the brochure\'s "ABEE" logo is taken to be Avesta Battery & Energy Engineering, a Belgian battery engineering company (cells, modules and packs). Its Belgian region is not established.',
  country: 'BE',
  activityType: 'PRC',
  sources: ['brochure#ecosystem-international-contacts'],
  confidence: 'INFERRED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// Visited during the February 2025 event ("battery testing facilities").
MERGE (n:Actor {id: 'critt-m2a'})
SET n:Lab
SET n += {name: 'CRITT M2A',
  description: 'French technology-transfer centre with battery testing facilities, visited by the participants of the February 2025 Walloon-French event.',
  city: 'Bruay-la-Buissière',
  country: 'FR',
  region: 'FOREIGN',
  activityType: 'REC',
  sources: ['batmass-news#technical-visits'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// Visited during the February 2025 event ("fire safety testing on lithium-ion batteries").
MERGE (n:Actor {id: 'crepim'})
SET n:Lab
SET n += {name: 'CREPIM',
  description: 'French laboratory for fire-safety testing, including on lithium-ion batteries, visited by the participants of the February 2025 Walloon-French event.',
  city: 'Bruay-la-Buissière',
  country: 'FR',
  region: 'FOREIGN',
  activityType: 'REC',
  sources: ['batmass-news#technical-visits'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// --- PART_OF: labs in their universities, Circular Wallonia in the SPW ---

// GeMMe is a ULiège research unit; the brochure only prints the two logos together.
MATCH (a:Actor {id: 'gemme'}), (b:Actor {id: 'uliege'})
MERGE (a)-[r:PART_OF]->(b)
SET r += {sources: ['brochure#ecosystem-walloon-stakeholders'],
  confidence: 'INFERRED'};

MATCH (a:Actor {id: 'greenmat'}), (b:Actor {id: 'uliege'})
MERGE (a)-[r:PART_OF]->(b)
SET r += {sources: ['brochure#ecosystem-walloon-stakeholders'],
  confidence: 'INFERRED'};

MATCH (a:Actor {id: 'lepmi'}), (b:Actor {id: 'grenoble-inp-uga'})
MERGE (a)-[r:PART_OF]->(b)
SET r += {sources: ['brochure#ecosystem-international-contacts'],
  confidence: 'INFERRED'};

MATCH (a:Actor {id: 'lepmi'}), (b:Actor {id: 'cnrs'})
MERGE (a)-[r:PART_OF]->(b)
SET r += {sources: ['brochure#ecosystem-international-contacts'],
  confidence: 'INFERRED'};

// "a regional initiative launched by the Walloon government"; its contact is at spw.wallonie.be.
MATCH (a:Actor {id: 'circular-wallonia'}), (b:Actor {id: 'spw'})
MERGE (a)-[r:PART_OF]->(b)
SET r += {sources: ['brochure#partners-circular-wallonia'],
  confidence: 'SOURCED'};

// --- ACTIVE_IN ---
// SOURCED where a source says what the actor does in the chain (the call's press article);
// INFERRED where it follows from the actor's well-known business, with the source that names
// the actor. Universities, clusters, agencies and testing labs (testing is cross-cutting) get
// no ACTIVE_IN: their stages show through the projects they take part in.

MATCH (a:Actor {id: 'nuode'}), (b:ValueChainStage {id: 'stage-materials-components'})
MERGE (a)-[r:ACTIVE_IN]->(b)
SET r += {sources: ['trends-levif-battery-call#nuode'],
  confidence: 'SOURCED'};

MATCH (a:Actor {id: 'prayon'}), (b:ValueChainStage {id: 'stage-materials-components'})
MERGE (a)-[r:ACTIVE_IN]->(b)
SET r += {sources: ['trends-levif-battery-call#prayon'],
  confidence: 'SOURCED'};

MATCH (a:Actor {id: 'botree'}), (b:ValueChainStage {id: 'stage-recycling-recovery'})
MERGE (a)-[r:ACTIVE_IN]->(b)
SET r += {sources: ['trends-levif-battery-call#botree'],
  confidence: 'SOURCED'};

MATCH (a:Actor {id: 'revatech'}), (b:ValueChainStage {id: 'stage-recycling-recovery'})
MERGE (a)-[r:ACTIVE_IN]->(b)
SET r += {sources: ['trends-levif-battery-call#revatech'],
  confidence: 'SOURCED'};

MATCH (a:Actor {id: 'revatech'}), (b:ValueChainStage {id: 'stage-collection-logistics'})
MERGE (a)-[r:ACTIVE_IN]->(b)
SET r += {sources: ['trends-levif-battery-call#revatech'],
  confidence: 'INFERRED'};

MATCH (a:Actor {id: 'envirobelgium'}), (b:ValueChainStage {id: 'stage-recycling-recovery'})
MERGE (a)-[r:ACTIVE_IN]->(b)
SET r += {sources: ['trends-levif-battery-call#envirobelgium'],
  confidence: 'SOURCED'};

MATCH (a:Actor {id: 'octave'}), (b:ValueChainStage {id: 'stage-second-life'})
MERGE (a)-[r:ACTIVE_IN]->(b)
SET r += {sources: ['trends-levif-battery-call#octave-watt4ever'],
  confidence: 'SOURCED'};

MATCH (a:Actor {id: 'watt4ever'}), (b:ValueChainStage {id: 'stage-second-life'})
MERGE (a)-[r:ACTIVE_IN]->(b)
SET r += {sources: ['trends-levif-battery-call#octave-watt4ever'],
  confidence: 'SOURCED'};

MATCH (a:Actor {id: 'nanocyl'}), (b:ValueChainStage {id: 'stage-materials-components'})
MERGE (a)-[r:ACTIVE_IN]->(b)
SET r += {sources: ['brochure#ecosystem-walloon-stakeholders'],
  confidence: 'INFERRED'};

MATCH (a:Actor {id: 'gemme'}), (b:ValueChainStage {id: 'stage-dismantling-pretreatment'})
MERGE (a)-[r:ACTIVE_IN]->(b)
SET r += {sources: ['brochure#ecosystem-walloon-stakeholders'],
  confidence: 'INFERRED'};

MATCH (a:Actor {id: 'gemme'}), (b:ValueChainStage {id: 'stage-recycling-recovery'})
MERGE (a)-[r:ACTIVE_IN]->(b)
SET r += {sources: ['brochure#ecosystem-walloon-stakeholders'],
  confidence: 'INFERRED'};

MATCH (a:Actor {id: 'greenmat'}), (b:ValueChainStage {id: 'stage-materials-components'})
MERGE (a)-[r:ACTIVE_IN]->(b)
SET r += {sources: ['brochure#ecosystem-walloon-stakeholders'],
  confidence: 'INFERRED'};

MATCH (a:Actor {id: 'umicore'}), (b:ValueChainStage {id: 'stage-refining'})
MERGE (a)-[r:ACTIVE_IN]->(b)
SET r += {sources: ['brochure#ecosystem-international-contacts'],
  confidence: 'INFERRED'};

MATCH (a:Actor {id: 'umicore'}), (b:ValueChainStage {id: 'stage-materials-components'})
MERGE (a)-[r:ACTIVE_IN]->(b)
SET r += {sources: ['brochure#ecosystem-international-contacts'],
  confidence: 'INFERRED'};

MATCH (a:Actor {id: 'umicore'}), (b:ValueChainStage {id: 'stage-recycling-recovery'})
MERGE (a)-[r:ACTIVE_IN]->(b)
SET r += {sources: ['brochure#ecosystem-international-contacts'],
  confidence: 'INFERRED'};

MATCH (a:Actor {id: 'orano'}), (b:ValueChainStage {id: 'stage-recycling-recovery'})
MERGE (a)-[r:ACTIVE_IN]->(b)
SET r += {sources: ['brochure#ecosystem-international-contacts'],
  confidence: 'INFERRED'};

MATCH (a:Actor {id: 'solvay'}), (b:ValueChainStage {id: 'stage-materials-components'})
MERGE (a)-[r:ACTIVE_IN]->(b)
SET r += {sources: ['brochure#ecosystem-international-contacts'],
  confidence: 'INFERRED'};

MATCH (a:Actor {id: 'inspyro'}), (b:ValueChainStage {id: 'stage-recycling-recovery'})
MERGE (a)-[r:ACTIVE_IN]->(b)
SET r += {sources: ['brochure#ecosystem-international-contacts'],
  confidence: 'INFERRED'};

MATCH (a:Actor {id: 'imec'}), (b:ValueChainStage {id: 'stage-materials-components'})
MERGE (a)-[r:ACTIVE_IN]->(b)
SET r += {sources: ['brochure#ecosystem-international-contacts'],
  confidence: 'INFERRED'};

MATCH (a:Actor {id: 'imec'}), (b:ValueChainStage {id: 'stage-cell-manufacturing'})
MERGE (a)-[r:ACTIVE_IN]->(b)
SET r += {sources: ['brochure#ecosystem-international-contacts'],
  confidence: 'INFERRED'};

MATCH (a:Actor {id: 'abee'}), (b:ValueChainStage {id: 'stage-module-pack'})
MERGE (a)-[r:ACTIVE_IN]->(b)
SET r += {sources: ['brochure#ecosystem-international-contacts'],
  confidence: 'INFERRED'};
