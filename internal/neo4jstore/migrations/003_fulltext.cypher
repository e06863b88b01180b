// Full-text search over names and descriptions of everything a user may look for.
CREATE FULLTEXT INDEX entity_text IF NOT EXISTS
FOR (n:Actor|Project|FundingProgramme|ValueChainStage|Topic|Event|Factor|Person)
ON EACH [n.name, n.shortName, n.acronym, n.title, n.description, n.definition, n.text]
