// 004_projects_funding.cypher -- projects, funding programmes, and the edges between them
// and the actors: PARTICIPATES_IN, SUPPORTS, MANAGES, FUNDS, PART_OF (programmes), TARGETS.
//
// Projects (9): BatFactory, WIN4C, BATMASS and six Wallonie Entreprendre investment projects.
// The brochure (and the press) say SEVEN projects were selected by the Wallonie Entreprendre
// call, but the press names only six project items: Nuode, Prayon, Botree, Revatech,
// EnviroBelgium, and ONE joint project of Octave and Watt4Ever. No seventh project is invented;
// the figure 7 is kept as a Figure node (008_figures.cypher) with the discrepancy noted.
//
// Roles: in a single-company investment project the company is the promoter and is recorded
// as COORDINATOR (the CORDIS convention for a sole participant); in the joint Octave/Watt4Ever
// project neither is said to lead, so both are PARTNER.
//
// Funding tree:
//   walloon-recovery-plan (Plan de Relance de la Wallonie, REGIONAL; MANAGES: spw)
//     <-PART_OF- we-battery-call (EUR 25.5 million, MIXED; MANAGES: wallonie-entreprendre)
//                  -FUNDS-> the six investment projects (no amount: per-project amounts are
//                           not public; instrument MIXED = "equity or quasi-equity")
//   walloon-recovery-plan -FUNDS-> batfactory (EUR 11.4 million): the brochure says "funded by
//     Wallonia"; the UNamur newsroom says the 11.4 million come from the Plan de Relance, so
//     the money is drawn from the programme rather than from the spw actor directly.
//     Instrument GRANT is an inference (regional research funding to universities and
//     research centres), not printed.
//   eu-i3 (Interregional Innovation Investments, EU; MANAGES: european-commission, INFERRED)
//     -FUNDS-> batmass (no amount on the edge; the project's ~EUR 9.77 million is on the node)
//   wallonia-s3 (Smart Specialisation Strategy, REGIONAL; MANAGES: spw, INFERRED)
//     -FUNDS-> win4c, INFERRED, no amount, no instrument. WIN4C is "part of SID 1 of the S3";
//     the model has no Project-PART_OF-Programme edge and SUPPORTS starts from an Actor only,
//     so FUNDS without amount is the nearest honest edge: it says the S3 framework is the
//     channel of WIN4C's public support, not how much.

// BatFactory: the brochure gives 7 partners, the UNamur newsroom 8 (ULiège as well): both facts are
// kept on the PARTICIPATES_IN edges. Start January 2024 for three years (UNamur newsroom), so
// endDate 2026-12-31 is derived from that duration.
MERGE (n:Project {id: 'batfactory'})
SET n += {name: 'BatFactory',
  acronym: 'BatFactory',
  description: 'Portfolio of research projects funded by Wallonia (EUR 11.4 million, Plan de Relance de la Wallonie) to develop the production of batteries and components for stationary electrical energy storage and collective applications (Communauté d\'Energie Citoyenne, Communauté d\'Energie Renouvelable, Peer2Peer). Four axes: eco-responsible active materials; electrodes; cell assembly and instrumentation; battery packs and BMS. Aligned with the S3, Digital Wallonia, Circular Wallonia, PACE 2030 and the Plan de Relance. Partners: 7 in the brochure (UNamur, UMons, UCLouvain, ULB, Materia Nova, CRM, Cenaero), 8 in the UNamur newsroom (plus ULiège); supported by the MecaTech cluster.',
  type: 'RESEARCH_PORTFOLIO',
  status: 'ONGOING',
  startDate: date('2024-01-01'),
  endDate: date('2026-12-31'),
  totalInvestment: 11400000.0,
  currency: 'EUR',
  sources: ['brochure#partners-batfactory', 'unamur-batfactory#funding', 'unamur-batfactory#timeline', 'unamur-batfactory#axes'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// WIN4C is a Project (STRATEGIC_INITIATIVE). Its published contact is a generic mailbox,
// win4c@crmgroup.be, kept as the project's email (no person named).
MERGE (n:Project {id: 'win4c'})
SET n += {name: 'WIN4C',
  acronym: 'WIN4C',
  title: 'Walloon Initiative for Circular Materials',
  description: 'Wallonia\'s Strategic Innovation Initiative (SII) in Strategic Innovation Domain (SID) 1 of the Smart Specialisation Strategy (S3): aims to make Wallonia Europe\'s "Circular Materials Valley" by 2030 by attracting European waste flows and turning them into new materials; pools platforms for characterisation, processing, tracking and recycling of materials. The brochure counts it as the one Strategic Innovation Initiative related to the battery value chain. Co-organised the February 2025 industry event with TEAM2 and MecaTech.',
  type: 'STRATEGIC_INITIATIVE',
  status: 'ONGOING',
  email: 'win4c@crmgroup.be',
  sources: ['brochure#partners-win4c', 'brochure#key-figures', 'win4c-s3#s3-sid1', 'batmass-news#intro'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// BATMASS: an EU I3 project (not Interreg). The I3 instrument, about EUR 9.77 million and 22
// partners are from the EU I3 project page (domain.md); the full title was read on partner pages
// that repeat the project's EU data (ISMC, Politecnico di Milano), which also describe the
// 9.77 million as the I3 funding for the first 30 months -- so totalInvestment may be the EU
// amount rather than a total cost; the FUNDS edge carries no amount to avoid counting it twice.
// The partners are not named in our sources, so none is in the graph. Its Walloon link is the
// February 2025 workshop (007_events.cypher).
MERGE (n:Project {id: 'batmass'})
SET n += {name: 'BATMASS',
  acronym: 'BATMASS',
  title: 'EU circular BATtery valley for second life, recycling, and re-manufacturing of materials and black MASS',
  description: 'EU project funded by the Interregional Innovation Investments (I3) instrument (not an Interreg project) to implement a first EU Circular Battery Valley: about EUR 9.77 million, 22 partners. Held a co-creation workshop with Walloon and French stakeholders on 19-20 February 2025.',
  type: 'EU_GRANT',
  status: 'ONGOING',
  totalInvestment: 9770000.0,
  currency: 'EUR',
  sources: ['eu-i3-batmass#summary', 'batmass-news#intro'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// Status: the brochure says all seven selected projects are "currently under development"; a
// September 2024 press report says Nuode's was suspended. SUSPENDED is the later fact; both
// sources are kept.
MERGE (n:Project {id: 'nuode-copper-foil'})
SET n += {name: 'Nuode copper-foil plant',
  description: 'Plant producing copper foil for Li-ion battery anodes (current collectors), planned in Hainaut (Feluy, Ghlin or Tertre); EUR 500 million and 510 jobs announced. Selected by the Wallonie Entreprendre battery call in December 2023; suspended in September 2024.',
  type: 'INDUSTRIAL_INVESTMENT',
  status: 'SUSPENDED',
  totalInvestment: 500000000.0,
  currency: 'EUR',
  sources: ['trends-levif-battery-call#nuode', 'press-nuode-suspension#status', 'brochure#partners-wallonie-entreprendre'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Project {id: 'prayon-polyphosphoric-acid'})
SET n += {name: 'Prayon polyphosphoric acid for LiPF6',
  description: 'Production, with a patented process, of polyphosphoric acid used to make the LiPF6 electrolyte salt; EUR 25 million, 15 jobs. Selected by the Wallonie Entreprendre battery call in December 2023.',
  type: 'INDUSTRIAL_INVESTMENT',
  status: 'ONGOING',
  totalInvestment: 25000000.0,
  currency: 'EUR',
  sources: ['trends-levif-battery-call#prayon', 'brochure#partners-wallonie-entreprendre'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Project {id: 'botree-ncm-recycling'})
SET n += {name: 'Botree NCM battery recycling',
  description: 'Recycling of NCM (nickel-cobalt-manganese) lithium-ion batteries; EUR 91 million. Selected by the Wallonie Entreprendre battery call in December 2023.',
  type: 'INDUSTRIAL_INVESTMENT',
  status: 'ONGOING',
  totalInvestment: 91000000.0,
  currency: 'EUR',
  sources: ['trends-levif-battery-call#botree', 'brochure#partners-wallonie-entreprendre'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Project {id: 'revatech-portable-battery-recycling'})
SET n += {name: 'Revatech portable-battery recycling at Monsin',
  description: 'Recycling of portable batteries (phones, computers) at Monsin (Liège); EUR 4 million. Selected by the Wallonie Entreprendre battery call in December 2023.',
  type: 'INDUSTRIAL_INVESTMENT',
  status: 'ONGOING',
  totalInvestment: 4000000.0,
  currency: 'EUR',
  sources: ['trends-levif-battery-call#revatech', 'brochure#partners-wallonie-entreprendre'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Project {id: 'envirobelgium-lead-acid-recycling'})
SET n += {name: 'EnviroBelgium lead-acid battery recycling at Ghlin',
  description: 'Recycling of lead-acid batteries at Ghlin (Mons); EUR 85 million. Selected by the Wallonie Entreprendre battery call in December 2023.',
  type: 'INDUSTRIAL_INVESTMENT',
  status: 'ONGOING',
  totalInvestment: 85000000.0,
  currency: 'EUR',
  sources: ['trends-levif-battery-call#envirobelgium', 'brochure#partners-wallonie-entreprendre'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// One project with two participants: the press gives EUR 7.2 million for the two start-ups jointly.
MERGE (n:Project {id: 'octave-watt4ever-second-life-storage'})
SET n += {name: 'Octave and Watt4Ever second-life stationary storage',
  description: 'Reconditioning of used batteries for stationary storage applications, filed jointly by the start-ups Octave and Watt4Ever; EUR 7.2 million for the joint project. Selected by the Wallonie Entreprendre battery call in December 2023.',
  type: 'INDUSTRIAL_INVESTMENT',
  status: 'ONGOING',
  totalInvestment: 7200000.0,
  currency: 'EUR',
  sources: ['trends-levif-battery-call#octave-watt4ever', 'brochure#partners-wallonie-entreprendre'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// --- Funding programmes ---

MERGE (n:FundingProgramme {id: 'walloon-recovery-plan'})
SET n += {name: 'Walloon Recovery Plan (Plan de Relance de la Wallonie)',
  description: 'The Walloon Government\'s recovery plan; it finances the Wallonie Entreprendre battery call (EUR 25.5 million) and BatFactory (EUR 11.4 million).',
  level: 'REGIONAL',
  currency: 'EUR',
  sources: ['brochure#partners-wallonie-entreprendre', 'brochure#partners-batfactory', 'unamur-batfactory#funding'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// Instrument MIXED: the envelope is invested "as equity or quasi-equity" (domain.md, press), a mix
// the model's enum can only say as MIXED. Budget = the Recovery Plan envelope (25.5 M); Wallonie
// Entreprendre matches it at least equally from its own funds (the press speaks of EUR 50 million
// mobilised), which is not part of `budget`.
MERGE (n:FundingProgramme {id: 'we-battery-call'})
SET n += {name: 'Wallonie Entreprendre battery value-chain call',
  description: 'Call for industrial investment projects to develop a battery industry in Wallonia (production, reconditioning and recycling of batteries, cells and components). EUR 25.5 million from the Walloon Recovery Plan, allocated by the Walloon Government to Wallonie Entreprendre and matched at least equally by Wallonie Entreprendre, invested as equity or quasi-equity. Seven projects chosen in December 2023 out of proposals from 15 companies (press: 713 million of total investment, 613 direct jobs); the press names six project items, one of them joint (Octave and Watt4Ever).',
  level: 'REGIONAL',
  instrument: 'MIXED',
  budget: 25500000.0,
  currency: 'EUR',
  sources: ['brochure#partners-wallonie-entreprendre', 'trends-levif-battery-call#call', 'trends-levif-battery-call#selection'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:FundingProgramme {id: 'eu-i3'})
SET n += {name: 'Interregional Innovation Investments (I3) instrument',
  description: 'EU instrument for interregional innovation investments that funds BATMASS.',
  level: 'EU',
  instrument: 'GRANT',
  sources: ['eu-i3-batmass#summary'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:FundingProgramme {id: 'wallonia-s3'})
SET n += {name: 'Wallonia Smart Specialisation Strategy (S3)',
  description: 'Wallonia\'s smart specialisation strategy, the framework of its research and innovation policy, organised in Strategic Innovation Domains (SID); WIN4C is the Strategic Innovation Initiative of SID 1 (circular materials). BatFactory is aligned with it.',
  level: 'REGIONAL',
  sources: ['win4c-s3#s3-sid1', 'brochure#partners-win4c', 'brochure#partners-batfactory'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// --- PART_OF between programmes ---

MATCH (a:FundingProgramme {id: 'we-battery-call'}), (b:FundingProgramme {id: 'walloon-recovery-plan'})
MERGE (a)-[r:PART_OF]->(b)
SET r += {sources: ['brochure#partners-wallonie-entreprendre', 'trends-levif-battery-call#call'],
  confidence: 'SOURCED'};

// --- MANAGES ---

MATCH (a:Actor {id: 'wallonie-entreprendre'}), (b:FundingProgramme {id: 'we-battery-call'})
MERGE (a)-[r:MANAGES]->(b)
SET r += {sources: ['brochure#partners-wallonie-entreprendre', 'trends-levif-battery-call#call'],
  confidence: 'SOURCED'};

MATCH (a:Actor {id: 'spw'}), (b:FundingProgramme {id: 'walloon-recovery-plan'})
MERGE (a)-[r:MANAGES]->(b)
SET r += {sources: ['brochure#partners-wallonie-entreprendre'],
  confidence: 'SOURCED'};

MATCH (a:Actor {id: 'spw'}), (b:FundingProgramme {id: 'wallonia-s3'})
MERGE (a)-[r:MANAGES]->(b)
SET r += {sources: ['win4c-s3#s3-sid1'],
  confidence: 'INFERRED'};

MATCH (a:Actor {id: 'european-commission'}), (b:FundingProgramme {id: 'eu-i3'})
MERGE (a)-[r:MANAGES]->(b)
SET r += {sources: ['eu-i3-batmass#summary'],
  confidence: 'INFERRED'};

// --- FUNDS ---

MATCH (a:FundingProgramme {id: 'we-battery-call'}), (b:Project {id: 'nuode-copper-foil'})
MERGE (a)-[r:FUNDS]->(b)
SET r += {currency: 'EUR',
  instrument: 'MIXED',
  sources: ['trends-levif-battery-call#nuode', 'trends-levif-battery-call#selection'],
  confidence: 'SOURCED'};

MATCH (a:FundingProgramme {id: 'we-battery-call'}), (b:Project {id: 'prayon-polyphosphoric-acid'})
MERGE (a)-[r:FUNDS]->(b)
SET r += {currency: 'EUR',
  instrument: 'MIXED',
  sources: ['trends-levif-battery-call#prayon', 'trends-levif-battery-call#selection'],
  confidence: 'SOURCED'};

MATCH (a:FundingProgramme {id: 'we-battery-call'}), (b:Project {id: 'botree-ncm-recycling'})
MERGE (a)-[r:FUNDS]->(b)
SET r += {currency: 'EUR',
  instrument: 'MIXED',
  sources: ['trends-levif-battery-call#botree', 'trends-levif-battery-call#selection'],
  confidence: 'SOURCED'};

MATCH (a:FundingProgramme {id: 'we-battery-call'}), (b:Project {id: 'revatech-portable-battery-recycling'})
MERGE (a)-[r:FUNDS]->(b)
SET r += {currency: 'EUR',
  instrument: 'MIXED',
  sources: ['trends-levif-battery-call#revatech', 'trends-levif-battery-call#selection'],
  confidence: 'SOURCED'};

MATCH (a:FundingProgramme {id: 'we-battery-call'}), (b:Project {id: 'envirobelgium-lead-acid-recycling'})
MERGE (a)-[r:FUNDS]->(b)
SET r += {currency: 'EUR',
  instrument: 'MIXED',
  sources: ['trends-levif-battery-call#envirobelgium', 'trends-levif-battery-call#selection'],
  confidence: 'SOURCED'};

MATCH (a:FundingProgramme {id: 'we-battery-call'}), (b:Project {id: 'octave-watt4ever-second-life-storage'})
MERGE (a)-[r:FUNDS]->(b)
SET r += {currency: 'EUR',
  instrument: 'MIXED',
  sources: ['trends-levif-battery-call#octave-watt4ever', 'trends-levif-battery-call#selection'],
  confidence: 'SOURCED'};

MATCH (a:FundingProgramme {id: 'walloon-recovery-plan'}), (b:Project {id: 'batfactory'})
MERGE (a)-[r:FUNDS]->(b)
SET r += {amount: 11400000.0,
  currency: 'EUR',
  instrument: 'GRANT',
  sources: ['brochure#partners-batfactory', 'unamur-batfactory#funding'],
  confidence: 'SOURCED'};

MATCH (a:FundingProgramme {id: 'eu-i3'}), (b:Project {id: 'batmass'})
MERGE (a)-[r:FUNDS]->(b)
SET r += {currency: 'EUR',
  instrument: 'GRANT',
  sources: ['eu-i3-batmass#summary'],
  confidence: 'SOURCED'};

MATCH (a:FundingProgramme {id: 'wallonia-s3'}), (b:Project {id: 'win4c'})
MERGE (a)-[r:FUNDS]->(b)
SET r += {sources: ['win4c-s3#s3-sid1', 'brochure#partners-win4c'],
  confidence: 'INFERRED'};

// --- PARTICIPATES_IN ---
// BatFactory: the seven brochure partners carry both sources; ULiège only the newsroom's.
// MecaTech has role SUPPORT (newsroom: "avec le soutien du pôle MecaTech"), and the same fact
// is also a SUPPORTS edge below, as asked; counts of BatFactory's partners use the roles
// COORDINATOR and PARTNER (8).

MATCH (a:Actor {id: 'unamur'}), (b:Project {id: 'batfactory'})
MERGE (a)-[r:PARTICIPATES_IN]->(b)
SET r += {role: 'COORDINATOR',
  sources: ['brochure#partners-batfactory', 'unamur-batfactory#partners', 'unamur-batfactory#coordination'],
  confidence: 'SOURCED'};

MATCH (a:Actor {id: 'umons'}), (b:Project {id: 'batfactory'})
MERGE (a)-[r:PARTICIPATES_IN]->(b)
SET r += {role: 'PARTNER',
  sources: ['brochure#partners-batfactory', 'unamur-batfactory#partners'],
  confidence: 'SOURCED'};

MATCH (a:Actor {id: 'uclouvain'}), (b:Project {id: 'batfactory'})
MERGE (a)-[r:PARTICIPATES_IN]->(b)
SET r += {role: 'PARTNER',
  sources: ['brochure#partners-batfactory', 'unamur-batfactory#partners'],
  confidence: 'SOURCED'};

MATCH (a:Actor {id: 'ulb'}), (b:Project {id: 'batfactory'})
MERGE (a)-[r:PARTICIPATES_IN]->(b)
SET r += {role: 'PARTNER',
  sources: ['brochure#partners-batfactory', 'unamur-batfactory#partners'],
  confidence: 'SOURCED'};

MATCH (a:Actor {id: 'materia-nova'}), (b:Project {id: 'batfactory'})
MERGE (a)-[r:PARTICIPATES_IN]->(b)
SET r += {role: 'PARTNER',
  sources: ['brochure#partners-batfactory', 'unamur-batfactory#partners'],
  confidence: 'SOURCED'};

MATCH (a:Actor {id: 'crm-group'}), (b:Project {id: 'batfactory'})
MERGE (a)-[r:PARTICIPATES_IN]->(b)
SET r += {role: 'PARTNER',
  sources: ['brochure#partners-batfactory', 'unamur-batfactory#partners'],
  confidence: 'SOURCED'};

MATCH (a:Actor {id: 'cenaero'}), (b:Project {id: 'batfactory'})
MERGE (a)-[r:PARTICIPATES_IN]->(b)
SET r += {role: 'PARTNER',
  sources: ['brochure#partners-batfactory', 'unamur-batfactory#partners'],
  confidence: 'SOURCED'};

MATCH (a:Actor {id: 'uliege'}), (b:Project {id: 'batfactory'})
MERGE (a)-[r:PARTICIPATES_IN]->(b)
SET r += {role: 'PARTNER',
  sources: ['unamur-batfactory#partners'],
  confidence: 'SOURCED'};

MATCH (a:Actor {id: 'mecatech'}), (b:Project {id: 'batfactory'})
MERGE (a)-[r:PARTICIPATES_IN]->(b)
SET r += {role: 'SUPPORT',
  sources: ['unamur-batfactory#support'],
  confidence: 'SOURCED'};

// CRM Group takes part in WIN4C (its contact mailbox is at crmgroup.be); no source says it coordinates.
MATCH (a:Actor {id: 'crm-group'}), (b:Project {id: 'win4c'})
MERGE (a)-[r:PARTICIPATES_IN]->(b)
SET r += {role: 'PARTNER',
  sources: ['win4c-s3#partners', 'brochure#partners-win4c'],
  confidence: 'SOURCED'};

MATCH (a:Actor {id: 'nuode'}), (b:Project {id: 'nuode-copper-foil'})
MERGE (a)-[r:PARTICIPATES_IN]->(b)
SET r += {role: 'COORDINATOR',
  sources: ['trends-levif-battery-call#nuode'],
  confidence: 'SOURCED'};

MATCH (a:Actor {id: 'prayon'}), (b:Project {id: 'prayon-polyphosphoric-acid'})
MERGE (a)-[r:PARTICIPATES_IN]->(b)
SET r += {role: 'COORDINATOR',
  sources: ['trends-levif-battery-call#prayon'],
  confidence: 'SOURCED'};

MATCH (a:Actor {id: 'botree'}), (b:Project {id: 'botree-ncm-recycling'})
MERGE (a)-[r:PARTICIPATES_IN]->(b)
SET r += {role: 'COORDINATOR',
  sources: ['trends-levif-battery-call#botree'],
  confidence: 'SOURCED'};

MATCH (a:Actor {id: 'revatech'}), (b:Project {id: 'revatech-portable-battery-recycling'})
MERGE (a)-[r:PARTICIPATES_IN]->(b)
SET r += {role: 'COORDINATOR',
  sources: ['trends-levif-battery-call#revatech'],
  confidence: 'SOURCED'};

MATCH (a:Actor {id: 'envirobelgium'}), (b:Project {id: 'envirobelgium-lead-acid-recycling'})
MERGE (a)-[r:PARTICIPATES_IN]->(b)
SET r += {role: 'COORDINATOR',
  sources: ['trends-levif-battery-call#envirobelgium'],
  confidence: 'SOURCED'};

MATCH (a:Actor {id: 'octave'}), (b:Project {id: 'octave-watt4ever-second-life-storage'})
MERGE (a)-[r:PARTICIPATES_IN]->(b)
SET r += {role: 'PARTNER',
  sources: ['trends-levif-battery-call#octave-watt4ever'],
  confidence: 'SOURCED'};

MATCH (a:Actor {id: 'watt4ever'}), (b:Project {id: 'octave-watt4ever-second-life-storage'})
MERGE (a)-[r:PARTICIPATES_IN]->(b)
SET r += {role: 'PARTNER',
  sources: ['trends-levif-battery-call#octave-watt4ever'],
  confidence: 'SOURCED'};

// --- SUPPORTS ---
// Only supports with a concrete target. AWEX, WBI and NCP Wallonie support "companies of the
// battery ecosystem" in general: no edge.

MATCH (a:Actor {id: 'mecatech'}), (b:Project {id: 'batfactory'})
MERGE (a)-[r:SUPPORTS]->(b)
SET r += {sources: ['unamur-batfactory#support'],
  confidence: 'SOURCED'};

// --- TARGETS ---
// BatFactory's four axes (newsroom): active materials and electrodes -> materials/components;
// cell assembly and instrumentation -> cell manufacturing; packs and BMS -> module/pack.

// WIN4C -> collection/logistics is INFERRED from "attracting European waste flows"; BATMASS's
// stages come from its title (second life, recycling, re-manufacturing of materials, black mass).

MATCH (a:Project {id: 'batfactory'}), (b:ValueChainStage {id: 'stage-materials-components'})
MERGE (a)-[r:TARGETS]->(b)
SET r += {sources: ['unamur-batfactory#axes', 'brochure#partners-batfactory'],
  confidence: 'SOURCED'};

MATCH (a:Project {id: 'batfactory'}), (b:ValueChainStage {id: 'stage-cell-manufacturing'})
MERGE (a)-[r:TARGETS]->(b)
SET r += {sources: ['unamur-batfactory#axes', 'brochure#partners-batfactory'],
  confidence: 'SOURCED'};

MATCH (a:Project {id: 'batfactory'}), (b:ValueChainStage {id: 'stage-module-pack'})
MERGE (a)-[r:TARGETS]->(b)
SET r += {sources: ['unamur-batfactory#axes'],
  confidence: 'SOURCED'};

MATCH (a:Project {id: 'nuode-copper-foil'}), (b:ValueChainStage {id: 'stage-materials-components'})
MERGE (a)-[r:TARGETS]->(b)
SET r += {sources: ['trends-levif-battery-call#nuode'],
  confidence: 'SOURCED'};

MATCH (a:Project {id: 'prayon-polyphosphoric-acid'}), (b:ValueChainStage {id: 'stage-materials-components'})
MERGE (a)-[r:TARGETS]->(b)
SET r += {sources: ['trends-levif-battery-call#prayon'],
  confidence: 'SOURCED'};

MATCH (a:Project {id: 'botree-ncm-recycling'}), (b:ValueChainStage {id: 'stage-recycling-recovery'})
MERGE (a)-[r:TARGETS]->(b)
SET r += {sources: ['trends-levif-battery-call#botree'],
  confidence: 'SOURCED'};

MATCH (a:Project {id: 'revatech-portable-battery-recycling'}), (b:ValueChainStage {id: 'stage-recycling-recovery'})
MERGE (a)-[r:TARGETS]->(b)
SET r += {sources: ['trends-levif-battery-call#revatech'],
  confidence: 'SOURCED'};

MATCH (a:Project {id: 'revatech-portable-battery-recycling'}), (b:ValueChainStage {id: 'stage-collection-logistics'})
MERGE (a)-[r:TARGETS]->(b)
SET r += {sources: ['trends-levif-battery-call#revatech'],
  confidence: 'INFERRED'};

MATCH (a:Project {id: 'envirobelgium-lead-acid-recycling'}), (b:ValueChainStage {id: 'stage-recycling-recovery'})
MERGE (a)-[r:TARGETS]->(b)
SET r += {sources: ['trends-levif-battery-call#envirobelgium'],
  confidence: 'SOURCED'};

MATCH (a:Project {id: 'octave-watt4ever-second-life-storage'}), (b:ValueChainStage {id: 'stage-second-life'})
MERGE (a)-[r:TARGETS]->(b)
SET r += {sources: ['trends-levif-battery-call#octave-watt4ever'],
  confidence: 'SOURCED'};

MATCH (a:Project {id: 'win4c'}), (b:ValueChainStage {id: 'stage-recycling-recovery'})
MERGE (a)-[r:TARGETS]->(b)
SET r += {sources: ['brochure#partners-win4c', 'win4c-s3#s3-sid1'],
  confidence: 'SOURCED'};

MATCH (a:Project {id: 'win4c'}), (b:ValueChainStage {id: 'stage-collection-logistics'})
MERGE (a)-[r:TARGETS]->(b)
SET r += {sources: ['brochure#partners-win4c'],
  confidence: 'INFERRED'};

MATCH (a:Project {id: 'batmass'}), (b:ValueChainStage {id: 'stage-second-life'})
MERGE (a)-[r:TARGETS]->(b)
SET r += {sources: ['eu-i3-batmass#summary'],
  confidence: 'SOURCED'};

MATCH (a:Project {id: 'batmass'}), (b:ValueChainStage {id: 'stage-dismantling-pretreatment'})
MERGE (a)-[r:TARGETS]->(b)
SET r += {sources: ['eu-i3-batmass#summary'],
  confidence: 'SOURCED'};

MATCH (a:Project {id: 'batmass'}), (b:ValueChainStage {id: 'stage-recycling-recovery'})
MERGE (a)-[r:TARGETS]->(b)
SET r += {sources: ['eu-i3-batmass#summary', 'batmass-news#intro'],
  confidence: 'SOURCED'};
