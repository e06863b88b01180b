// Search that ignores accents and case (issue 17): the same fields as entity_text, analysed by
// Lucene's standard analyser with ASCII folding ("Liège" and "liege" are one term). A new
// name, so that this migration is idempotent; the old index goes.
DROP INDEX entity_text IF EXISTS;
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Actor|Project|FundingProgramme|ValueChainStage|Topic|Event|Factor|Person)
ON EACH [n.name, n.shortName, n.acronym, n.title, n.description, n.definition, n.text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}
