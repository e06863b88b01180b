// 002_stages.cypher -- the ten value-chain stages and the NEXT edges between them.
//
// Stages, codes and order follow domain.md, whose basis is the EU Strategic Action Plan on
// Batteries (value-chain segments), Regulation (EU) 2023/1542 Art. 3 (re-use, repurposing,
// remanufacturing, treatment, recycling) and the Battery Pass data model (life-cycle status).
// Design, safety testing, traceability and skills are cross-cutting themes, not stages.
//
// NEXT edges (13), a choice documented here:
//   PRIMARY  1->2->3->4->5->6->7->8->9->10  the forward chain in stage order; 7->8 is the
//            branch of collected batteries that are re-used, repurposed or remanufactured,
//            8->9 the end of a second life.
//   PRIMARY  7->9   collected batteries that are not re-used go straight to dismantling and
//                   pre-treatment (the more common path, hence PRIMARY, not CIRCULAR).
//   CIRCULAR 10->2  recovered metals (black-mass leachates, salts) go back to refining.
//   CIRCULAR 10->3  recovered materials go straight back into active materials/components
//                   (direct recycling; the Regulation's recycled-content targets).
//   CIRCULAR 8->6   a repurposed or re-used battery goes back into use (e.g. an EV battery
//                   in stationary storage).
// No NEXT edge comes back into stage 1: recycling replaces extraction, it does not feed it.

MERGE (n:ValueChainStage {id: 'stage-extraction'})
SET n += {name: 'Extraction', code: 'EXTRACTION', order: 1,
  definition: 'Mining and primary production of the raw materials batteries need, such as lithium, cobalt, nickel, manganese and natural graphite.',
  sources: ['eu-battery-action-plan#value-chain', 'battery-pass-data-model#lifecycle'],
  confidence: 'SOURCED', updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:ValueChainStage {id: 'stage-refining'})
SET n += {name: 'Refining', code: 'REFINING', order: 2,
  definition: 'Processing and refining of ores, concentrates and recovered metals into battery-grade chemicals such as lithium hydroxide or carbonate and nickel, cobalt and manganese sulphates.',
  sources: ['eu-battery-action-plan#value-chain', 'battery-pass-data-model#lifecycle'],
  confidence: 'SOURCED', updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:ValueChainStage {id: 'stage-materials-components'})
SET n += {name: 'Materials and components', code: 'MATERIALS_COMPONENTS', order: 3,
  definition: 'Production of cell materials and components: cathode and anode active materials, electrolyte and its salts, separators and current-collector foils.',
  sources: ['eu-battery-action-plan#value-chain', 'battery-pass-data-model#lifecycle'],
  confidence: 'SOURCED', updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:ValueChainStage {id: 'stage-cell-manufacturing'})
SET n += {name: 'Cell manufacturing', code: 'CELL_MANUFACTURING', order: 4,
  definition: 'Manufacture of battery cells: electrode coating, cell assembly, electrolyte filling and formation.',
  sources: ['eu-battery-action-plan#value-chain', 'battery-pass-data-model#lifecycle'],
  confidence: 'SOURCED', updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:ValueChainStage {id: 'stage-module-pack'})
SET n += {name: 'Modules and packs', code: 'MODULE_PACK', order: 5,
  definition: 'Assembly of cells into modules and battery packs, including the battery management system (BMS) and thermal management.',
  sources: ['eu-battery-action-plan#value-chain', 'eu-battery-regulation#art-3-definitions', 'battery-pass-data-model#lifecycle'],
  confidence: 'SOURCED', updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:ValueChainStage {id: 'stage-integration-use'})
SET n += {name: 'Integration and use', code: 'INTEGRATION_USE', order: 6,
  definition: 'Integration of batteries into vehicles, stationary energy storage and other applications, and their use during the first life.',
  sources: ['eu-battery-action-plan#value-chain', 'battery-pass-data-model#lifecycle'],
  confidence: 'SOURCED', updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:ValueChainStage {id: 'stage-collection-logistics'})
SET n += {name: 'Collection and logistics', code: 'COLLECTION_LOGISTICS', order: 7,
  definition: 'Separate collection of waste batteries under extended producer responsibility, and their safe storage and transport to re-use or treatment.',
  sources: ['eu-battery-regulation#end-of-life', 'battery-pass-data-model#lifecycle'],
  confidence: 'SOURCED', updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:ValueChainStage {id: 'stage-second-life'})
SET n += {name: 'Second life', code: 'SECOND_LIFE', order: 8,
  definition: 'Re-use, repurposing and remanufacturing of batteries, as Regulation (EU) 2023/1542 Art. 3 defines them, to give a used battery a further life in the same or another application.',
  sources: ['eu-battery-regulation#art-3-definitions', 'battery-pass-data-model#lifecycle'],
  confidence: 'SOURCED', updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:ValueChainStage {id: 'stage-dismantling-pretreatment'})
SET n += {name: 'Dismantling and pre-treatment', code: 'DISMANTLING_PRETREATMENT', order: 9,
  definition: 'Preparation of waste batteries for recycling: discharge, disassembly of packs and modules, and mechanical pre-treatment into black mass.',
  sources: ['eu-battery-regulation#end-of-life', 'eu-battery-action-plan#value-chain'],
  confidence: 'SOURCED', updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:ValueChainStage {id: 'stage-recycling-recovery'})
SET n += {name: 'Recycling and recovery', code: 'RECYCLING_RECOVERY', order: 10,
  definition: 'Hydrometallurgical, pyrometallurgical or direct recycling that recovers materials such as cobalt, nickel, lithium and copper to the recycling efficiencies and recovery targets the Regulation sets.',
  sources: ['eu-battery-regulation#end-of-life', 'eu-battery-action-plan#value-chain'],
  confidence: 'SOURCED', updatedAt: datetime('2026-11-22T00:00:00Z')};

// --- NEXT: the forward chain ---
MATCH (a:ValueChainStage {id: 'stage-extraction'}), (b:ValueChainStage {id: 'stage-refining'})
MERGE (a)-[r:NEXT]->(b)
SET r += {flow: 'PRIMARY', sources: ['eu-battery-action-plan#value-chain'], confidence: 'SOURCED'};

MATCH (a:ValueChainStage {id: 'stage-refining'}), (b:ValueChainStage {id: 'stage-materials-components'})
MERGE (a)-[r:NEXT]->(b)
SET r += {flow: 'PRIMARY', sources: ['eu-battery-action-plan#value-chain'], confidence: 'SOURCED'};

MATCH (a:ValueChainStage {id: 'stage-materials-components'}), (b:ValueChainStage {id: 'stage-cell-manufacturing'})
MERGE (a)-[r:NEXT]->(b)
SET r += {flow: 'PRIMARY', sources: ['eu-battery-action-plan#value-chain'], confidence: 'SOURCED'};

MATCH (a:ValueChainStage {id: 'stage-cell-manufacturing'}), (b:ValueChainStage {id: 'stage-module-pack'})
MERGE (a)-[r:NEXT]->(b)
SET r += {flow: 'PRIMARY', sources: ['eu-battery-action-plan#value-chain'], confidence: 'SOURCED'};

MATCH (a:ValueChainStage {id: 'stage-module-pack'}), (b:ValueChainStage {id: 'stage-integration-use'})
MERGE (a)-[r:NEXT]->(b)
SET r += {flow: 'PRIMARY', sources: ['eu-battery-action-plan#value-chain'], confidence: 'SOURCED'};

MATCH (a:ValueChainStage {id: 'stage-integration-use'}), (b:ValueChainStage {id: 'stage-collection-logistics'})
MERGE (a)-[r:NEXT]->(b)
SET r += {flow: 'PRIMARY', sources: ['eu-battery-regulation#end-of-life', 'battery-pass-data-model#lifecycle'], confidence: 'SOURCED'};

MATCH (a:ValueChainStage {id: 'stage-collection-logistics'}), (b:ValueChainStage {id: 'stage-second-life'})
MERGE (a)-[r:NEXT]->(b)
SET r += {flow: 'PRIMARY', sources: ['eu-battery-regulation#art-3-definitions', 'battery-pass-data-model#lifecycle'], confidence: 'SOURCED'};

MATCH (a:ValueChainStage {id: 'stage-second-life'}), (b:ValueChainStage {id: 'stage-dismantling-pretreatment'})
MERGE (a)-[r:NEXT]->(b)
SET r += {flow: 'PRIMARY', sources: ['eu-battery-regulation#end-of-life', 'battery-pass-data-model#lifecycle'], confidence: 'SOURCED'};

MATCH (a:ValueChainStage {id: 'stage-dismantling-pretreatment'}), (b:ValueChainStage {id: 'stage-recycling-recovery'})
MERGE (a)-[r:NEXT]->(b)
SET r += {flow: 'PRIMARY', sources: ['eu-battery-regulation#end-of-life'], confidence: 'SOURCED'};

// --- NEXT: collected batteries that are not re-used skip second life ---
MATCH (a:ValueChainStage {id: 'stage-collection-logistics'}), (b:ValueChainStage {id: 'stage-dismantling-pretreatment'})
MERGE (a)-[r:NEXT]->(b)
SET r += {flow: 'PRIMARY', sources: ['eu-battery-regulation#end-of-life'], confidence: 'SOURCED'};

// --- NEXT: circular loops ---
MATCH (a:ValueChainStage {id: 'stage-recycling-recovery'}), (b:ValueChainStage {id: 'stage-refining'})
MERGE (a)-[r:NEXT]->(b)
SET r += {flow: 'CIRCULAR', sources: ['eu-battery-regulation#end-of-life', 'eu-battery-action-plan#value-chain'], confidence: 'SOURCED'};

MATCH (a:ValueChainStage {id: 'stage-recycling-recovery'}), (b:ValueChainStage {id: 'stage-materials-components'})
MERGE (a)-[r:NEXT]->(b)
SET r += {flow: 'CIRCULAR', sources: ['eu-battery-regulation#end-of-life', 'eu-battery-action-plan#value-chain'], confidence: 'SOURCED'};

MATCH (a:ValueChainStage {id: 'stage-second-life'}), (b:ValueChainStage {id: 'stage-integration-use'})
MERGE (a)-[r:NEXT]->(b)
SET r += {flow: 'CIRCULAR', sources: ['eu-battery-regulation#art-3-definitions', 'battery-pass-data-model#lifecycle'], confidence: 'SOURCED'};
