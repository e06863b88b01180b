// 005_people.cypher -- published contact points (Person), CONTACT_FOR and WORKS_FOR.
//
// Emails are exactly as printed in the brochure, look-alike characters included (see
// Rafaël Jaimes Contreras). Roles only where printed (the MecaTech experts, Prof. Su).
// WORKS_FOR is SOURCED where the brochure says whose staff the person is (MecaTech experts;
// "(UNamur)" after Prof. Su) and INFERRED where only the address's domain shows it.
// Generic mailboxes are not persons: transition@wallonie-entreprendre.be is the email of
// the Wallonie Entreprendre actor, win4c@crmgroup.be that of the WIN4C project.

MERGE (n:Person {id: 'raphaelle-albessard'})
SET n += {name: 'Raphaëlle Albessard',
  email: 'r.albessard@awex.be',
  sources: ['brochure#partners-awex'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// The printed address contains two Cyrillic letters (U+0435, U+0441) -- kept as printed, see description.
MERGE (n:Person {id: 'rafael-jaimes-contreras'})
SET n += {name: 'Rafaël Jaimes Contreras',
  email: 'r.jaimесcontreras@awex.be',
  description: 'Email kept exactly as printed in the brochure: "r.jaimесcontreras@awex.be", whose "е" and "с" are Cyrillic look-alikes (U+0435, U+0441), not Latin e and c; the intended address is presumably r.jaimescontreras@awex.be, but that is not published.',
  sources: ['brochure#partners-awex'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Person {id: 'loic-lefevre'})
SET n += {name: 'Loïc Lefèvre',
  email: 'l.lefèvre@wbi.be',
  description: 'Email kept exactly as printed, with an accented "è" in the local part.',
  sources: ['brochure#partners-wbi'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Person {id: 'anaelle-demarche'})
SET n += {name: 'Anaëlle Demarche',
  email: 'a.demarche@wbi.be',
  sources: ['brochure#partners-wbi'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Person {id: 'jean-jacques-lemaire'})
SET n += {name: 'Jean-Jacques Lemaire',
  email: 'jean-jacques.lemaire@ncpwallonie.be',
  sources: ['brochure#partners-ncp-wallonie'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Person {id: 'sixtine-descrousseaux-de-medrano'})
SET n += {name: 'Sixtine Descrousseaux de Medrano',
  email: 'sixtine.desrousseauxdemedrano@ncpwallonie.be',
  description: 'Name and email as printed; they disagree: the name reads "Descrousseaux", the address "desrousseaux" (no c).',
  sources: ['brochure#partners-ncp-wallonie'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Person {id: 'melanie-rensonnet'})
SET n += {name: 'Mélanie Rensonnet',
  email: 'melanie.rensonnet@spw.wallonie.be',
  description: 'Contact for Circular Wallonia; her address is at the Service public de Wallonie (spw.wallonie.be).',
  sources: ['brochure#partners-circular-wallonia'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Person {id: 'bao-lian-su'})
SET n += {name: 'Bao-Lian Su',
  role: 'Professor (UNamur); BatFactory coordinator',
  email: 'bao-lian.su@unamur.be',
  description: 'Printed "Prof. Bao-Lian SU" with "(UNamur)"; coordinator of BatFactory according to the UNamur newsroom.',
  sources: ['brochure#partners-batfactory', 'unamur-batfactory#coordination'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Person {id: 'perrine-flament'})
SET n += {name: 'Perrine Flament',
  role: 'Projects & Innovation Director',
  email: 'perrine.flament@polemecatech.be',
  sources: ['brochure#contacts'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Person {id: 'philippe-stegen'})
SET n += {name: 'Philippe Stégen',
  role: 'Energy Expert',
  email: 'philippe.stegen@polemecatech.be',
  sources: ['brochure#contacts'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

MERGE (n:Person {id: 'jean-paul-de-mussy'})
SET n += {name: 'Jean-Paul de Mussy',
  role: 'Battery Expert',
  email: 'jeanpaul.demussy@polemecatech.be',
  sources: ['brochure#contacts'],
  confidence: 'SOURCED',
  updatedAt: datetime('2026-11-22T00:00:00Z')};

// --- CONTACT_FOR and WORKS_FOR ---

MATCH (a:Person {id: 'raphaelle-albessard'}), (b:Actor {id: 'awex'})
MERGE (a)-[r:CONTACT_FOR]->(b)
SET r += {sources: ['brochure#partners-awex'],
  confidence: 'SOURCED'};

MATCH (a:Person {id: 'raphaelle-albessard'}), (b:Actor {id: 'awex'})
MERGE (a)-[r:WORKS_FOR]->(b)
SET r += {sources: ['brochure#partners-awex'],
  confidence: 'INFERRED'};

MATCH (a:Person {id: 'rafael-jaimes-contreras'}), (b:Actor {id: 'awex'})
MERGE (a)-[r:CONTACT_FOR]->(b)
SET r += {sources: ['brochure#partners-awex'],
  confidence: 'SOURCED'};

MATCH (a:Person {id: 'rafael-jaimes-contreras'}), (b:Actor {id: 'awex'})
MERGE (a)-[r:WORKS_FOR]->(b)
SET r += {sources: ['brochure#partners-awex'],
  confidence: 'INFERRED'};

MATCH (a:Person {id: 'loic-lefevre'}), (b:Actor {id: 'wbi'})
MERGE (a)-[r:CONTACT_FOR]->(b)
SET r += {sources: ['brochure#partners-wbi'],
  confidence: 'SOURCED'};

MATCH (a:Person {id: 'loic-lefevre'}), (b:Actor {id: 'wbi'})
MERGE (a)-[r:WORKS_FOR]->(b)
SET r += {sources: ['brochure#partners-wbi'],
  confidence: 'INFERRED'};

MATCH (a:Person {id: 'anaelle-demarche'}), (b:Actor {id: 'wbi'})
MERGE (a)-[r:CONTACT_FOR]->(b)
SET r += {sources: ['brochure#partners-wbi'],
  confidence: 'SOURCED'};

MATCH (a:Person {id: 'anaelle-demarche'}), (b:Actor {id: 'wbi'})
MERGE (a)-[r:WORKS_FOR]->(b)
SET r += {sources: ['brochure#partners-wbi'],
  confidence: 'INFERRED'};

MATCH (a:Person {id: 'jean-jacques-lemaire'}), (b:Actor {id: 'ncp-wallonie'})
MERGE (a)-[r:CONTACT_FOR]->(b)
SET r += {sources: ['brochure#partners-ncp-wallonie'],
  confidence: 'SOURCED'};

MATCH (a:Person {id: 'jean-jacques-lemaire'}), (b:Actor {id: 'ncp-wallonie'})
MERGE (a)-[r:WORKS_FOR]->(b)
SET r += {sources: ['brochure#partners-ncp-wallonie'],
  confidence: 'INFERRED'};

MATCH (a:Person {id: 'sixtine-descrousseaux-de-medrano'}), (b:Actor {id: 'ncp-wallonie'})
MERGE (a)-[r:CONTACT_FOR]->(b)
SET r += {sources: ['brochure#partners-ncp-wallonie'],
  confidence: 'SOURCED'};

MATCH (a:Person {id: 'sixtine-descrousseaux-de-medrano'}), (b:Actor {id: 'ncp-wallonie'})
MERGE (a)-[r:WORKS_FOR]->(b)
SET r += {sources: ['brochure#partners-ncp-wallonie'],
  confidence: 'INFERRED'};

MATCH (a:Person {id: 'melanie-rensonnet'}), (b:Actor {id: 'circular-wallonia'})
MERGE (a)-[r:CONTACT_FOR]->(b)
SET r += {sources: ['brochure#partners-circular-wallonia'],
  confidence: 'SOURCED'};

MATCH (a:Person {id: 'melanie-rensonnet'}), (b:Actor {id: 'spw'})
MERGE (a)-[r:WORKS_FOR]->(b)
SET r += {sources: ['brochure#partners-circular-wallonia'],
  confidence: 'INFERRED'};

MATCH (a:Person {id: 'bao-lian-su'}), (b:Project {id: 'batfactory'})
MERGE (a)-[r:CONTACT_FOR]->(b)
SET r += {sources: ['brochure#partners-batfactory', 'unamur-batfactory#coordination'],
  confidence: 'SOURCED'};

MATCH (a:Person {id: 'bao-lian-su'}), (b:Actor {id: 'unamur'})
MERGE (a)-[r:WORKS_FOR]->(b)
SET r += {sources: ['brochure#partners-batfactory'],
  confidence: 'SOURCED'};

MATCH (a:Person {id: 'perrine-flament'}), (b:Actor {id: 'mecatech'})
MERGE (a)-[r:CONTACT_FOR]->(b)
SET r += {sources: ['brochure#contacts'],
  confidence: 'SOURCED'};

MATCH (a:Person {id: 'perrine-flament'}), (b:Actor {id: 'mecatech'})
MERGE (a)-[r:WORKS_FOR]->(b)
SET r += {sources: ['brochure#contacts'],
  confidence: 'SOURCED'};

MATCH (a:Person {id: 'philippe-stegen'}), (b:Actor {id: 'mecatech'})
MERGE (a)-[r:CONTACT_FOR]->(b)
SET r += {sources: ['brochure#contacts'],
  confidence: 'SOURCED'};

MATCH (a:Person {id: 'philippe-stegen'}), (b:Actor {id: 'mecatech'})
MERGE (a)-[r:WORKS_FOR]->(b)
SET r += {sources: ['brochure#contacts'],
  confidence: 'SOURCED'};

MATCH (a:Person {id: 'jean-paul-de-mussy'}), (b:Actor {id: 'mecatech'})
MERGE (a)-[r:CONTACT_FOR]->(b)
SET r += {sources: ['brochure#contacts'],
  confidence: 'SOURCED'};

MATCH (a:Person {id: 'jean-paul-de-mussy'}), (b:Actor {id: 'mecatech'})
MERGE (a)-[r:WORKS_FOR]->(b)
SET r += {sources: ['brochure#contacts'],
  confidence: 'SOURCED'};
