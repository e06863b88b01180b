// The sort keys of actors and projects (kg.NameKey): lists sorted by name walk these in
// order and stop at the end of the page. Migrate fills the keys in after the migrations.
CREATE INDEX actor_name_key IF NOT EXISTS FOR (n:Actor) ON (n.nameKey);
CREATE INDEX project_name_key IF NOT EXISTS FOR (n:Project) ON (n.nameKey)
