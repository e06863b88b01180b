// 007_events.cypher -- the BATMASS co-creation workshop of 19-20 February 2025, its themes
// and dimensions (Topic nodes), and the edges ORGANISED, PART_OF, ADDRESSES, VISITED.
//
// One Event node for the two-day Walloon-French initiative: the BATMASS workshop was "hosted
// as part of a broader industry event" and the technical visits belong to the same "two-day
// initiative"; the news item gives no separate dates, so splitting it would add nothing.
// place: the news item does not say where the workshop took place -- left out (the two
// visited sites are in France, but that does not locate the workshop).
// participants: 40 from "nearly 40 Walloon and French stakeholders" (wording in description).
// Organisers: TEAM2 and MecaTech are Actors -> ORGANISED. WIN4C is a Project and the model has
// ORGANISED from Actor only; rather than credit CRM Group (no source says CRM Group
// organised anything), the event is recorded as PART_OF WIN4C (and PART_OF BATMASS), and
// the description names all three organisers.
// VISITED: (Actor)-[:VISITED]->(Event) is read as "the actor's site was visited during
// (hosted a technical visit of) the event": CRITT M2A and CREPIM.

MERGE (n:Event {id: 'batmass-workshop-2025-02'})
SET n += {name: 'BATMASS co-creation workshop on the Circular Battery Valley',
  description: 'Two-day Walloon-French initiative on 19-20 February 2025: an industry event organised by the TEAM2 Cluster, the MecaTech Cluster and WIN4C (Walloon Initiative for Circular Materials) hosted the BATMASS co-creation workshop on accelerating the implementation of the Circular Battery Valley, which "brought together nearly 40 Walloon and French stakeholders". Working groups analysed three themes across four dimensions; participants also made technical visits to CRITT M2A (battery testing facilities) and CREPIM (fire-safety testing of lithium-ion batteries). The place of the workshop is not published.',
  date: date('2025-02-19'),
  endDate: date('2025-02-20'),
  participants: 40,
  sources: ['batmass-news#intro', 'batmass-news#themes', 'batmass-news#dimensions', 'batmass-news#technical-visits'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Topic {id: 'theme-needs'})
SET n += {name: 'NEEDS',
  kind: 'WORKSHOP_THEME',
  description: 'Identifying key challenges and requirements for achieving circularity.',
  sources: ['batmass-news#themes'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Topic {id: 'theme-success-factors-implementation'})
SET n += {name: 'SUCCESS FACTORS FOR IMPLEMENTATION',
  kind: 'WORKSHOP_THEME',
  description: 'Defining the critical enablers for establishing the Circular Battery Valley.',
  sources: ['batmass-news#themes'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Topic {id: 'theme-awareness-raising-promotion-strategy'})
SET n += {name: 'AWARENESS-RAISING AND PROMOTION STRATEGY',
  kind: 'WORKSHOP_THEME',
  description: 'Developing approaches to increase engagement and drive adoption of circular principles.',
  sources: ['batmass-news#themes'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Topic {id: 'dimension-funding-regulatory-support'})
SET n += {name: 'Funding and regulatory support',
  kind: 'WORKSHOP_DIMENSION',
  description: 'One of the four dimensions across which the BATMASS workshop\'s working groups analysed the three themes.',
  sources: ['batmass-news#dimensions'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Topic {id: 'dimension-interregional-research-innovation'})
SET n += {name: 'Research and innovation through interregional collaboration',
  kind: 'WORKSHOP_DIMENSION',
  description: 'One of the four dimensions across which the BATMASS workshop\'s working groups analysed the three themes.',
  sources: ['batmass-news#dimensions'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Topic {id: 'dimension-social-acceptance-awareness'})
SET n += {name: 'Social acceptance and awareness',
  kind: 'WORKSHOP_DIMENSION',
  description: 'One of the four dimensions across which the BATMASS workshop\'s working groups analysed the three themes.',
  sources: ['batmass-news#dimensions'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Topic {id: 'dimension-skills-knowledge-transfer'})
SET n += {name: 'Skills development and knowledge transfer',
  kind: 'WORKSHOP_DIMENSION',
  description: 'One of the four dimensions across which the BATMASS workshop\'s working groups analysed the three themes.',
  sources: ['batmass-news#dimensions'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// --- ORGANISED, PART_OF, VISITED, ADDRESSES ---

MATCH (a:Actor {id: 'team2'}), (b:Event {id: 'batmass-workshop-2025-02'})
MERGE (a)-[r:ORGANISED]->(b)
SET r += {sources: ['batmass-news#intro'],
  confidence: 'SOURCED'};

MATCH (a:Actor {id: 'mecatech'}), (b:Event {id: 'batmass-workshop-2025-02'})
MERGE (a)-[r:ORGANISED]->(b)
SET r += {sources: ['batmass-news#intro'],
  confidence: 'SOURCED'};

MATCH (a:Event {id: 'batmass-workshop-2025-02'}), (b:Project {id: 'batmass'})
MERGE (a)-[r:PART_OF]->(b)
SET r += {sources: ['batmass-news#intro'],
  confidence: 'SOURCED'};

// WIN4C co-organised the event; PART_OF is the model's only Event->Project edge (see header).
MATCH (a:Event {id: 'batmass-workshop-2025-02'}), (b:Project {id: 'win4c'})
MERGE (a)-[r:PART_OF]->(b)
SET r += {sources: ['batmass-news#intro'],
  confidence: 'SOURCED'};

MATCH (a:Actor {id: 'critt-m2a'}), (b:Event {id: 'batmass-workshop-2025-02'})
MERGE (a)-[r:VISITED]->(b)
SET r += {sources: ['batmass-news#technical-visits'],
  confidence: 'SOURCED'};

MATCH (a:Actor {id: 'crepim'}), (b:Event {id: 'batmass-workshop-2025-02'})
MERGE (a)-[r:VISITED]->(b)
SET r += {sources: ['batmass-news#technical-visits'],
  confidence: 'SOURCED'};

MATCH (a:Event {id: 'batmass-workshop-2025-02'}), (b:Topic {id: 'theme-needs'})
MERGE (a)-[r:ADDRESSES]->(b)
SET r += {sources: ['batmass-news#themes'],
  confidence: 'SOURCED'};

MATCH (a:Event {id: 'batmass-workshop-2025-02'}), (b:Topic {id: 'theme-success-factors-implementation'})
MERGE (a)-[r:ADDRESSES]->(b)
SET r += {sources: ['batmass-news#themes'],
  confidence: 'SOURCED'};

MATCH (a:Event {id: 'batmass-workshop-2025-02'}), (b:Topic {id: 'theme-awareness-raising-promotion-strategy'})
MERGE (a)-[r:ADDRESSES]->(b)
SET r += {sources: ['batmass-news#themes'],
  confidence: 'SOURCED'};

MATCH (a:Event {id: 'batmass-workshop-2025-02'}), (b:Topic {id: 'dimension-funding-regulatory-support'})
MERGE (a)-[r:ADDRESSES]->(b)
SET r += {sources: ['batmass-news#dimensions'],
  confidence: 'SOURCED'};

MATCH (a:Event {id: 'batmass-workshop-2025-02'}), (b:Topic {id: 'dimension-interregional-research-innovation'})
MERGE (a)-[r:ADDRESSES]->(b)
SET r += {sources: ['batmass-news#dimensions'],
  confidence: 'SOURCED'};

MATCH (a:Event {id: 'batmass-workshop-2025-02'}), (b:Topic {id: 'dimension-social-acceptance-awareness'})
MERGE (a)-[r:ADDRESSES]->(b)
SET r += {sources: ['batmass-news#dimensions'],
  confidence: 'SOURCED'};

MATCH (a:Event {id: 'batmass-workshop-2025-02'}), (b:Topic {id: 'dimension-skills-knowledge-transfer'})
MERGE (a)-[r:ADDRESSES]->(b)
SET r += {sources: ['batmass-news#dimensions'],
  confidence: 'SOURCED'};
