:begin
CREATE CONSTRAINT UNIQUE_IMPORT_NAME FOR (node:`UNIQUE IMPORT LABEL`) REQUIRE (node.`UNIQUE IMPORT ID`) IS UNIQUE;
:commit
CALL db.awaitIndexes(300);
:begin
UNWIND [{_id:1000, properties:{updatedAt:datetime('2026-11-30T00:00:00Z'), confidence:"SOURCED", city:"Namur", name:"Apoc Cells SRL", sources:["brochure#contacts"], id:"apoc-cells", region:"WAL", country:"BE"}}, {_id:1001, properties:{updatedAt:datetime('2026-11-30T00:00:00Z'), confidence:"INFERRED", name:"Apoc Lab", sources:["brochure#contacts"], id:"apoc-lab"}}] AS row
CREATE (n:`UNIQUE IMPORT LABEL`{`UNIQUE IMPORT ID`: row._id}) SET n += row.properties SET n:Actor:Company;
:commit
:begin
UNWIND [{start: {_id:1001}, end: {_id:1000}, properties:{sources:["brochure#contacts"], confidence:"INFERRED"}}] AS row
MATCH (start:`UNIQUE IMPORT LABEL`{`UNIQUE IMPORT ID`: row.start._id})
MATCH (end:`UNIQUE IMPORT LABEL`{`UNIQUE IMPORT ID`: row.end._id})
CREATE (start)-[r:PART_OF]->(end) SET r += row.properties;
:commit
:begin
MATCH (n:`UNIQUE IMPORT LABEL`)  WITH n LIMIT 20000 REMOVE n:`UNIQUE IMPORT LABEL` REMOVE n.`UNIQUE IMPORT ID`;
:commit
:begin
DROP CONSTRAINT UNIQUE_IMPORT_NAME;
:commit
