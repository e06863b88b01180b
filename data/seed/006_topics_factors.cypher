// 006_topics_factors.cypher -- the brochure's five workshop topics with their barriers and
// levers (Factor:Barrier / Factor:Lever), HAS_FACTOR, and CONCERNS to value-chain stages.
//
// Every bullet of the brochure is one factor; `text` is the bullet exactly as printed,
// `categories` the heading it is under, split on "/" ("Legal/Technological" ->
// [LEGAL, TECHNOLOGICAL]; "Political/societal" -> [POLITICAL, SOCIETAL]).
// Counts per topic (barriers / levers):
//   smart battery disassembly 3 / 3; battery recycling quest 3 / 1;
//   electrode materials 3 / 3; batteries second life 3 / 3; massification 3 / 3
//   -> 15 barriers, 13 levers, 28 factors.
// Kept as printed even where odd: the second-life lever "Standards/procedures ... are still
// not available" reads like a barrier but is printed under LEVERS; the last massification
// lever ends "in the Walloon" (truncated in print).
// CONCERNS edges are INFERRED (the brochure does not map factors to stages); traceability
// ("digital passport") is cross-cutting, so it is tied to the stage of its topic only.
// The BATMASS workshop's themes and dimensions are Topic nodes too (007_events.cypher).

MERGE (n:Topic {id: 'topic-smart-battery-disassembly'})
SET n += {name: 'Smart battery disassembly',
  kind: 'WORKSHOP_TOPIC',
  description: 'With the increasing demand for batteries in green energy and electric vehicles, sustainable recycling practices are essential. The session explored the integration of automation, digitalization, and artificial intelligence to address the challenges of battery disassembly, emphasizing safety, environmental sustainability, and economic viability.',
  sources: ['brochure#topic-smart-battery-disassembly'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Factor {id: 'barrier-disassembly-high-capex'})
SET n:Barrier
SET n += {name: 'High CAPEX for the disassembly line',
  text: 'High CAPEX for the disassembly line',
  categories: ['ECONOMICAL'],
  sources: ['brochure#topic-smart-battery-disassembly'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Factor {id: 'barrier-disassembly-competitiveness-china'})
SET n:Barrier
SET n += {name: 'Competitiveness with China and other recycling options',
  text: 'Competitiveness with China and other recycling options',
  categories: ['ECONOMICAL'],
  sources: ['brochure#topic-smart-battery-disassembly'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Factor {id: 'barrier-disassembly-battery-ownership'})
SET n:Barrier
SET n += {name: 'Ownership of battery (the producer should be in charge of disassembling)',
  text: 'Ownership of battery (the producer should be in charge of disassembling)',
  categories: ['ENVIRONMENTAL'],
  sources: ['brochure#topic-smart-battery-disassembly'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Factor {id: 'lever-disassembly-standardised-design'})
SET n:Lever
SET n += {name: 'Standardisation of the batteries design',
  text: 'Standardisation of the batteries design',
  categories: ['TECHNOLOGICAL'],
  sources: ['brochure#topic-smart-battery-disassembly'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Factor {id: 'lever-disassembly-efficient-safe-process'})
SET n:Lever
SET n += {name: 'Develop more efficient and safe process',
  text: 'Develop more efficient and safe process',
  categories: ['TECHNOLOGICAL'],
  sources: ['brochure#topic-smart-battery-disassembly'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Factor {id: 'lever-disassembly-digital-passport'})
SET n:Lever
SET n += {name: 'Create a digital passport of the battery',
  text: 'Create a digital passport of the battery',
  categories: ['POLITICAL'],
  sources: ['brochure#topic-smart-battery-disassembly'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Topic {id: 'topic-battery-recycling-quest'})
SET n += {name: 'Battery recycling quest',
  kind: 'WORKSHOP_TOPIC',
  description: 'This workshop focused on pioneering affordable battery recycling solutions. Techniques such as hydrometallurgy, direct recycling, and pyrometallurgy were examined for their effectiveness in minimizing environmental impact and enhancing economic efficiency.',
  sources: ['brochure#topic-battery-recycling-quest'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Factor {id: 'barrier-recycling-diverse-chemistry'})
SET n:Barrier
SET n += {name: 'Battery Chemistry diverse, under development',
  text: 'Battery Chemistry diverse, under development',
  categories: ['TECHNOLOGICAL'],
  sources: ['brochure#topic-battery-recycling-quest'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Factor {id: 'barrier-recycling-recycled-cost'})
SET n:Barrier
SET n += {name: 'Recycled materials cost more than primary material price',
  text: 'Recycled materials cost more than primary material price',
  categories: ['ECONOMICAL'],
  sources: ['brochure#topic-battery-recycling-quest'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Factor {id: 'barrier-recycling-timeline-sync'})
SET n:Barrier
SET n += {name: 'Timeline sync between politics and technology, which couldn\'t afford the poli...',
  text: 'Timeline sync between politics and technology, which couldn\'t afford the political regulations',
  categories: ['POLITICAL'],
  sources: ['brochure#topic-battery-recycling-quest'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Factor {id: 'lever-recycling-regulations'})
SET n:Lever
SET n += {name: '(Regulations) eco-design, standardization, EU value chain, education...',
  text: '(Regulations) eco-design, standardization, EU value chain, education...',
  categories: ['LEGAL'],
  sources: ['brochure#topic-battery-recycling-quest'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Topic {id: 'topic-electrode-materials'})
SET n += {name: 'Electrode materials for sustainable batteries',
  kind: 'WORKSHOP_TOPIC',
  description: 'During this workshop discussions concentrated on innovative developments in key battery cell constituents including cathode active materials, anode materials, and electrolyte materials. Participants explored technological solutions that not only improve the life cycle of batteries but also reduce environmental impact and support the economic viability of recycling processes.',
  sources: ['brochure#topic-electrode-materials'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Factor {id: 'barrier-electrode-geopolitical-risk'})
SET n:Barrier
SET n += {name: 'International conflicts and geopolitical risks on the critical materials (Ni,...',
  text: 'International conflicts and geopolitical risks on the critical materials (Ni, Co, Li) supply',
  categories: ['SOCIETAL'],
  sources: ['brochure#topic-electrode-materials'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Factor {id: 'barrier-electrode-li-metal-safety'})
SET n:Barrier
SET n += {name: 'Security issue related to the use of certain materials such as Li metal',
  text: 'Security issue related to the use of certain materials such as Li metal',
  categories: ['TECHNOLOGICAL'],
  sources: ['brochure#topic-electrode-materials'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Factor {id: 'barrier-electrode-investment-risk'})
SET n:Barrier
SET n += {name: 'This sector requires significant investment and presents many risks associate...',
  text: 'This sector requires significant investment and presents many risks associated with evolving legislation. Investments are difficult to find',
  categories: ['ECONOMICAL'],
  sources: ['brochure#topic-electrode-materials'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Factor {id: 'lever-electrode-eu-regulations'})
SET n:Lever
SET n += {name: 'EU regulations promote battery actors and accelerate industry development',
  text: 'EU regulations promote battery actors and accelerate industry development',
  categories: ['LEGAL'],
  sources: ['brochure#topic-electrode-materials'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Factor {id: 'lever-electrode-sbb-design'})
SET n:Lever
SET n += {name: 'Advancements like SBB aim to enhance safety and performance, emphasizing the...',
  text: 'Advancements like SBB aim to enhance safety and performance, emphasizing the importance of design and electrode selection for achieving a circular economy',
  categories: ['TECHNOLOGICAL'],
  sources: ['brochure#topic-electrode-materials'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Factor {id: 'lever-electrode-changing-habits'})
SET n:Lever
SET n += {name: 'Sustainable solutions require changing habits and mindset',
  text: 'Sustainable solutions require changing habits and mindset',
  categories: ['SOCIETAL'],
  sources: ['brochure#topic-electrode-materials'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Topic {id: 'topic-batteries-second-life'})
SET n += {name: 'Batteries second life',
  kind: 'WORKSHOP_TOPIC',
  description: 'Stakeholders from across the battery lifecycle converged to address how manufacturers of second battery life solutions can collaborate more effectively with battery and cell providers. The focus was on leveraging digital solutions to track battery health and history (\'Battery Passport\'), enhancing collaboration between second life battery and cell producers, and ensuring robust warranty systems for refurbished battery products.',
  sources: ['brochure#topic-batteries-second-life'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Factor {id: 'barrier-second-life-warranty'})
SET n:Barrier
SET n += {name: 'Refurbished batteries must comply with same warranty/insurance vs. new ones',
  text: 'Refurbished batteries must comply with same warranty/insurance vs. new ones',
  categories: ['TECHNOLOGICAL'],
  sources: ['brochure#topic-batteries-second-life'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Factor {id: 'barrier-second-life-data-sharing'})
SET n:Barrier
SET n += {name: 'Data sharing is a must to efficiently refurbish EoL batteries',
  text: 'Data sharing is a must to efficiently refurbish EoL batteries',
  categories: ['TECHNOLOGICAL'],
  sources: ['brochure#topic-batteries-second-life'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Factor {id: 'barrier-second-life-regulation-favours-recycling'})
SET n:Barrier
SET n += {name: 'Current EU Regulation Favours Recycling',
  text: 'Current EU Regulation Favours Recycling',
  categories: ['LEGAL'],
  sources: ['brochure#topic-batteries-second-life'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Factor {id: 'lever-second-life-eol-handling-standards'})
SET n:Lever
SET n += {name: 'Standards/procedures that define how should EoL batteries be handled to ensur...',
  text: 'Standards/procedures that define how should EoL batteries be handled to ensure a good 2nd Life product are still not available',
  categories: ['LEGAL', 'TECHNOLOGICAL'],
  sources: ['brochure#topic-batteries-second-life'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Factor {id: 'lever-second-life-material-efficiency'})
SET n:Lever
SET n += {name: '2nd Life batteries can increase material use efficiency thus drastically redu...',
  text: '2nd Life batteries can increase material use efficiency thus drastically reducing pollution',
  categories: ['ENVIRONMENTAL'],
  sources: ['brochure#topic-batteries-second-life'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Factor {id: 'lever-second-life-avoiding-waste-ethics'})
SET n:Lever
SET n += {name: 'Avoiding waste is not only an environmental question but also ethical one',
  text: 'Avoiding waste is not only an environmental question but also ethical one',
  categories: ['SOCIETAL'],
  sources: ['brochure#topic-batteries-second-life'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Topic {id: 'topic-massification-cross-border'})
SET n += {name: 'Massification through cross-border collaboration',
  kind: 'WORKSHOP_TOPIC',
  description: 'This workshop addressed the strategic imperative of attracting a significant volume of End-of-Life (EoL) batteries to Wallonia. Participants explored system-level aspects necessary to build a sustainable EoL battery ecosystem. Key discussions revolved around optimizing logistics, navigating regulatory landscapes, and identifying new business opportunities',
  sources: ['brochure#topic-massification-cross-border'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Factor {id: 'barrier-massification-sme-funding'})
SET n:Barrier
SET n += {name: 'Difficult access to funding for SME\'s',
  text: 'Difficult access to funding for SME\'s',
  categories: ['ECONOMICAL'],
  sources: ['brochure#topic-massification-cross-border'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Factor {id: 'barrier-massification-industrialisation-investment'})
SET n:Barrier
SET n += {name: 'Lack of investment for industrialization of R&D results',
  text: 'Lack of investment for industrialization of R&D results',
  categories: ['ECONOMICAL'],
  sources: ['brochure#topic-massification-cross-border'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Factor {id: 'barrier-massification-nimby'})
SET n:Barrier
SET n += {name: 'NIMBY (not in my backyard) potential nuisances and environmental impact of gi...',
  text: 'NIMBY (not in my backyard) potential nuisances and environmental impact of gigafactories',
  categories: ['POLITICAL', 'SOCIETAL'],
  sources: ['brochure#topic-massification-cross-border'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Factor {id: 'lever-massification-cross-border-funding'})
SET n:Lever
SET n += {name: 'Cross-border funding programs foster collaboration and financial support for...',
  text: 'Cross-border funding programs foster collaboration and financial support for projects',
  categories: ['ECONOMICAL'],
  sources: ['brochure#topic-massification-cross-border'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Factor {id: 'lever-massification-education-acceptance'})
SET n:Lever
SET n += {name: 'Education raise awareness and increase social acceptance of recycling activities',
  text: 'Education raise awareness and increase social acceptance of recycling activities',
  categories: ['POLITICAL', 'SOCIETAL'],
  sources: ['brochure#topic-massification-cross-border'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Factor {id: 'lever-massification-massify-flows'})
SET n:Lever
SET n += {name: 'Massify recycling flows, implement flexible processes, and leverage the knowl...',
  text: 'Massify recycling flows, implement flexible processes, and leverage the knowledge in the Walloon',
  categories: ['TECHNOLOGICAL'],
  sources: ['brochure#topic-massification-cross-border'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// --- HAS_FACTOR and CONCERNS ---

MATCH (a:Topic {id: 'topic-smart-battery-disassembly'}), (b:Factor {id: 'barrier-disassembly-high-capex'})
MERGE (a)-[r:HAS_FACTOR]->(b)
SET r += {sources: ['brochure#topic-smart-battery-disassembly'],
  confidence: 'SOURCED'};

MATCH (a:Factor {id: 'barrier-disassembly-high-capex'}), (b:ValueChainStage {id: 'stage-dismantling-pretreatment'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-smart-battery-disassembly'],
  confidence: 'INFERRED'};

MATCH (a:Topic {id: 'topic-smart-battery-disassembly'}), (b:Factor {id: 'barrier-disassembly-competitiveness-china'})
MERGE (a)-[r:HAS_FACTOR]->(b)
SET r += {sources: ['brochure#topic-smart-battery-disassembly'],
  confidence: 'SOURCED'};

MATCH (a:Factor {id: 'barrier-disassembly-competitiveness-china'}), (b:ValueChainStage {id: 'stage-dismantling-pretreatment'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-smart-battery-disassembly'],
  confidence: 'INFERRED'};

MATCH (a:Factor {id: 'barrier-disassembly-competitiveness-china'}), (b:ValueChainStage {id: 'stage-recycling-recovery'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-smart-battery-disassembly'],
  confidence: 'INFERRED'};

MATCH (a:Topic {id: 'topic-smart-battery-disassembly'}), (b:Factor {id: 'barrier-disassembly-battery-ownership'})
MERGE (a)-[r:HAS_FACTOR]->(b)
SET r += {sources: ['brochure#topic-smart-battery-disassembly'],
  confidence: 'SOURCED'};

MATCH (a:Factor {id: 'barrier-disassembly-battery-ownership'}), (b:ValueChainStage {id: 'stage-dismantling-pretreatment'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-smart-battery-disassembly'],
  confidence: 'INFERRED'};

MATCH (a:Topic {id: 'topic-smart-battery-disassembly'}), (b:Factor {id: 'lever-disassembly-standardised-design'})
MERGE (a)-[r:HAS_FACTOR]->(b)
SET r += {sources: ['brochure#topic-smart-battery-disassembly'],
  confidence: 'SOURCED'};

MATCH (a:Factor {id: 'lever-disassembly-standardised-design'}), (b:ValueChainStage {id: 'stage-module-pack'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-smart-battery-disassembly'],
  confidence: 'INFERRED'};

MATCH (a:Factor {id: 'lever-disassembly-standardised-design'}), (b:ValueChainStage {id: 'stage-dismantling-pretreatment'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-smart-battery-disassembly'],
  confidence: 'INFERRED'};

MATCH (a:Topic {id: 'topic-smart-battery-disassembly'}), (b:Factor {id: 'lever-disassembly-efficient-safe-process'})
MERGE (a)-[r:HAS_FACTOR]->(b)
SET r += {sources: ['brochure#topic-smart-battery-disassembly'],
  confidence: 'SOURCED'};

MATCH (a:Factor {id: 'lever-disassembly-efficient-safe-process'}), (b:ValueChainStage {id: 'stage-dismantling-pretreatment'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-smart-battery-disassembly'],
  confidence: 'INFERRED'};

MATCH (a:Topic {id: 'topic-smart-battery-disassembly'}), (b:Factor {id: 'lever-disassembly-digital-passport'})
MERGE (a)-[r:HAS_FACTOR]->(b)
SET r += {sources: ['brochure#topic-smart-battery-disassembly'],
  confidence: 'SOURCED'};

MATCH (a:Factor {id: 'lever-disassembly-digital-passport'}), (b:ValueChainStage {id: 'stage-dismantling-pretreatment'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-smart-battery-disassembly'],
  confidence: 'INFERRED'};

MATCH (a:Topic {id: 'topic-battery-recycling-quest'}), (b:Factor {id: 'barrier-recycling-diverse-chemistry'})
MERGE (a)-[r:HAS_FACTOR]->(b)
SET r += {sources: ['brochure#topic-battery-recycling-quest'],
  confidence: 'SOURCED'};

MATCH (a:Factor {id: 'barrier-recycling-diverse-chemistry'}), (b:ValueChainStage {id: 'stage-recycling-recovery'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-battery-recycling-quest'],
  confidence: 'INFERRED'};

MATCH (a:Topic {id: 'topic-battery-recycling-quest'}), (b:Factor {id: 'barrier-recycling-recycled-cost'})
MERGE (a)-[r:HAS_FACTOR]->(b)
SET r += {sources: ['brochure#topic-battery-recycling-quest'],
  confidence: 'SOURCED'};

MATCH (a:Factor {id: 'barrier-recycling-recycled-cost'}), (b:ValueChainStage {id: 'stage-recycling-recovery'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-battery-recycling-quest'],
  confidence: 'INFERRED'};

MATCH (a:Topic {id: 'topic-battery-recycling-quest'}), (b:Factor {id: 'barrier-recycling-timeline-sync'})
MERGE (a)-[r:HAS_FACTOR]->(b)
SET r += {sources: ['brochure#topic-battery-recycling-quest'],
  confidence: 'SOURCED'};

MATCH (a:Factor {id: 'barrier-recycling-timeline-sync'}), (b:ValueChainStage {id: 'stage-recycling-recovery'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-battery-recycling-quest'],
  confidence: 'INFERRED'};

MATCH (a:Topic {id: 'topic-battery-recycling-quest'}), (b:Factor {id: 'lever-recycling-regulations'})
MERGE (a)-[r:HAS_FACTOR]->(b)
SET r += {sources: ['brochure#topic-battery-recycling-quest'],
  confidence: 'SOURCED'};

MATCH (a:Factor {id: 'lever-recycling-regulations'}), (b:ValueChainStage {id: 'stage-recycling-recovery'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-battery-recycling-quest'],
  confidence: 'INFERRED'};

MATCH (a:Topic {id: 'topic-electrode-materials'}), (b:Factor {id: 'barrier-electrode-geopolitical-risk'})
MERGE (a)-[r:HAS_FACTOR]->(b)
SET r += {sources: ['brochure#topic-electrode-materials'],
  confidence: 'SOURCED'};

MATCH (a:Factor {id: 'barrier-electrode-geopolitical-risk'}), (b:ValueChainStage {id: 'stage-extraction'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-electrode-materials'],
  confidence: 'INFERRED'};

MATCH (a:Factor {id: 'barrier-electrode-geopolitical-risk'}), (b:ValueChainStage {id: 'stage-refining'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-electrode-materials'],
  confidence: 'INFERRED'};

MATCH (a:Topic {id: 'topic-electrode-materials'}), (b:Factor {id: 'barrier-electrode-li-metal-safety'})
MERGE (a)-[r:HAS_FACTOR]->(b)
SET r += {sources: ['brochure#topic-electrode-materials'],
  confidence: 'SOURCED'};

MATCH (a:Factor {id: 'barrier-electrode-li-metal-safety'}), (b:ValueChainStage {id: 'stage-materials-components'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-electrode-materials'],
  confidence: 'INFERRED'};

MATCH (a:Factor {id: 'barrier-electrode-li-metal-safety'}), (b:ValueChainStage {id: 'stage-cell-manufacturing'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-electrode-materials'],
  confidence: 'INFERRED'};

MATCH (a:Topic {id: 'topic-electrode-materials'}), (b:Factor {id: 'barrier-electrode-investment-risk'})
MERGE (a)-[r:HAS_FACTOR]->(b)
SET r += {sources: ['brochure#topic-electrode-materials'],
  confidence: 'SOURCED'};

MATCH (a:Factor {id: 'barrier-electrode-investment-risk'}), (b:ValueChainStage {id: 'stage-materials-components'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-electrode-materials'],
  confidence: 'INFERRED'};

MATCH (a:Topic {id: 'topic-electrode-materials'}), (b:Factor {id: 'lever-electrode-eu-regulations'})
MERGE (a)-[r:HAS_FACTOR]->(b)
SET r += {sources: ['brochure#topic-electrode-materials'],
  confidence: 'SOURCED'};

MATCH (a:Factor {id: 'lever-electrode-eu-regulations'}), (b:ValueChainStage {id: 'stage-materials-components'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-electrode-materials'],
  confidence: 'INFERRED'};

MATCH (a:Topic {id: 'topic-electrode-materials'}), (b:Factor {id: 'lever-electrode-sbb-design'})
MERGE (a)-[r:HAS_FACTOR]->(b)
SET r += {sources: ['brochure#topic-electrode-materials'],
  confidence: 'SOURCED'};

MATCH (a:Factor {id: 'lever-electrode-sbb-design'}), (b:ValueChainStage {id: 'stage-materials-components'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-electrode-materials'],
  confidence: 'INFERRED'};

MATCH (a:Factor {id: 'lever-electrode-sbb-design'}), (b:ValueChainStage {id: 'stage-cell-manufacturing'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-electrode-materials'],
  confidence: 'INFERRED'};

MATCH (a:Topic {id: 'topic-electrode-materials'}), (b:Factor {id: 'lever-electrode-changing-habits'})
MERGE (a)-[r:HAS_FACTOR]->(b)
SET r += {sources: ['brochure#topic-electrode-materials'],
  confidence: 'SOURCED'};

MATCH (a:Factor {id: 'lever-electrode-changing-habits'}), (b:ValueChainStage {id: 'stage-materials-components'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-electrode-materials'],
  confidence: 'INFERRED'};

MATCH (a:Topic {id: 'topic-batteries-second-life'}), (b:Factor {id: 'barrier-second-life-warranty'})
MERGE (a)-[r:HAS_FACTOR]->(b)
SET r += {sources: ['brochure#topic-batteries-second-life'],
  confidence: 'SOURCED'};

MATCH (a:Factor {id: 'barrier-second-life-warranty'}), (b:ValueChainStage {id: 'stage-second-life'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-batteries-second-life'],
  confidence: 'INFERRED'};

MATCH (a:Topic {id: 'topic-batteries-second-life'}), (b:Factor {id: 'barrier-second-life-data-sharing'})
MERGE (a)-[r:HAS_FACTOR]->(b)
SET r += {sources: ['brochure#topic-batteries-second-life'],
  confidence: 'SOURCED'};

MATCH (a:Factor {id: 'barrier-second-life-data-sharing'}), (b:ValueChainStage {id: 'stage-second-life'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-batteries-second-life'],
  confidence: 'INFERRED'};

MATCH (a:Topic {id: 'topic-batteries-second-life'}), (b:Factor {id: 'barrier-second-life-regulation-favours-recycling'})
MERGE (a)-[r:HAS_FACTOR]->(b)
SET r += {sources: ['brochure#topic-batteries-second-life'],
  confidence: 'SOURCED'};

MATCH (a:Factor {id: 'barrier-second-life-regulation-favours-recycling'}), (b:ValueChainStage {id: 'stage-second-life'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-batteries-second-life'],
  confidence: 'INFERRED'};

MATCH (a:Topic {id: 'topic-batteries-second-life'}), (b:Factor {id: 'lever-second-life-eol-handling-standards'})
MERGE (a)-[r:HAS_FACTOR]->(b)
SET r += {sources: ['brochure#topic-batteries-second-life'],
  confidence: 'SOURCED'};

MATCH (a:Factor {id: 'lever-second-life-eol-handling-standards'}), (b:ValueChainStage {id: 'stage-collection-logistics'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-batteries-second-life'],
  confidence: 'INFERRED'};

MATCH (a:Factor {id: 'lever-second-life-eol-handling-standards'}), (b:ValueChainStage {id: 'stage-second-life'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-batteries-second-life'],
  confidence: 'INFERRED'};

MATCH (a:Topic {id: 'topic-batteries-second-life'}), (b:Factor {id: 'lever-second-life-material-efficiency'})
MERGE (a)-[r:HAS_FACTOR]->(b)
SET r += {sources: ['brochure#topic-batteries-second-life'],
  confidence: 'SOURCED'};

MATCH (a:Factor {id: 'lever-second-life-material-efficiency'}), (b:ValueChainStage {id: 'stage-second-life'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-batteries-second-life'],
  confidence: 'INFERRED'};

MATCH (a:Topic {id: 'topic-batteries-second-life'}), (b:Factor {id: 'lever-second-life-avoiding-waste-ethics'})
MERGE (a)-[r:HAS_FACTOR]->(b)
SET r += {sources: ['brochure#topic-batteries-second-life'],
  confidence: 'SOURCED'};

MATCH (a:Factor {id: 'lever-second-life-avoiding-waste-ethics'}), (b:ValueChainStage {id: 'stage-second-life'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-batteries-second-life'],
  confidence: 'INFERRED'};

MATCH (a:Topic {id: 'topic-massification-cross-border'}), (b:Factor {id: 'barrier-massification-sme-funding'})
MERGE (a)-[r:HAS_FACTOR]->(b)
SET r += {sources: ['brochure#topic-massification-cross-border'],
  confidence: 'SOURCED'};

MATCH (a:Factor {id: 'barrier-massification-sme-funding'}), (b:ValueChainStage {id: 'stage-collection-logistics'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-massification-cross-border'],
  confidence: 'INFERRED'};

MATCH (a:Factor {id: 'barrier-massification-sme-funding'}), (b:ValueChainStage {id: 'stage-recycling-recovery'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-massification-cross-border'],
  confidence: 'INFERRED'};

MATCH (a:Topic {id: 'topic-massification-cross-border'}), (b:Factor {id: 'barrier-massification-industrialisation-investment'})
MERGE (a)-[r:HAS_FACTOR]->(b)
SET r += {sources: ['brochure#topic-massification-cross-border'],
  confidence: 'SOURCED'};

MATCH (a:Factor {id: 'barrier-massification-industrialisation-investment'}), (b:ValueChainStage {id: 'stage-recycling-recovery'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-massification-cross-border'],
  confidence: 'INFERRED'};

MATCH (a:Topic {id: 'topic-massification-cross-border'}), (b:Factor {id: 'barrier-massification-nimby'})
MERGE (a)-[r:HAS_FACTOR]->(b)
SET r += {sources: ['brochure#topic-massification-cross-border'],
  confidence: 'SOURCED'};

MATCH (a:Factor {id: 'barrier-massification-nimby'}), (b:ValueChainStage {id: 'stage-cell-manufacturing'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-massification-cross-border'],
  confidence: 'INFERRED'};

MATCH (a:Factor {id: 'barrier-massification-nimby'}), (b:ValueChainStage {id: 'stage-recycling-recovery'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-massification-cross-border'],
  confidence: 'INFERRED'};

MATCH (a:Topic {id: 'topic-massification-cross-border'}), (b:Factor {id: 'lever-massification-cross-border-funding'})
MERGE (a)-[r:HAS_FACTOR]->(b)
SET r += {sources: ['brochure#topic-massification-cross-border'],
  confidence: 'SOURCED'};

MATCH (a:Factor {id: 'lever-massification-cross-border-funding'}), (b:ValueChainStage {id: 'stage-collection-logistics'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-massification-cross-border'],
  confidence: 'INFERRED'};

MATCH (a:Factor {id: 'lever-massification-cross-border-funding'}), (b:ValueChainStage {id: 'stage-recycling-recovery'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-massification-cross-border'],
  confidence: 'INFERRED'};

MATCH (a:Topic {id: 'topic-massification-cross-border'}), (b:Factor {id: 'lever-massification-education-acceptance'})
MERGE (a)-[r:HAS_FACTOR]->(b)
SET r += {sources: ['brochure#topic-massification-cross-border'],
  confidence: 'SOURCED'};

MATCH (a:Factor {id: 'lever-massification-education-acceptance'}), (b:ValueChainStage {id: 'stage-recycling-recovery'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-massification-cross-border'],
  confidence: 'INFERRED'};

MATCH (a:Topic {id: 'topic-massification-cross-border'}), (b:Factor {id: 'lever-massification-massify-flows'})
MERGE (a)-[r:HAS_FACTOR]->(b)
SET r += {sources: ['brochure#topic-massification-cross-border'],
  confidence: 'SOURCED'};

MATCH (a:Factor {id: 'lever-massification-massify-flows'}), (b:ValueChainStage {id: 'stage-collection-logistics'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-massification-cross-border'],
  confidence: 'INFERRED'};

MATCH (a:Factor {id: 'lever-massification-massify-flows'}), (b:ValueChainStage {id: 'stage-recycling-recovery'})
MERGE (a)-[r:CONCERNS]->(b)
SET r += {sources: ['brochure#topic-massification-cross-border'],
  confidence: 'INFERRED'};
