// A cypher-shell session file: parameters, blocks, a rollback, a database switch.
:use neo4j
:param year => 1999
:param {studio: 'Warner', tags: ['sci-fi', 'action']}

:begin
CREATE (:Film {title: 'kept', year: $year, studio: $studio, tags: $tags});
CREATE (:Film {title: 'kept too', year: $year + 1});
:commit

:begin
CREATE (:Film {title: 'rolled back'});
:rollback

// outside any block: one transaction for the run
:param next => $year + 10
CREATE (:Film {title: 'later', year: $next});
