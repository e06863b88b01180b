// A minimal GraphQL server over the batterykg graph built with the Neo4j GraphQL Library, for
// the side-by-side benchmark of `go run ./cmd/bench compare`, which starts it against the same
// Neo4j as batterykg. Configuration by environment:
//
//   NEO4J_URI (bolt://127.0.0.1:7687), NEO4J_USER (neo4j), NEO4J_PASSWORD, NEO4J_DATABASE
//   (neo4j), PORT (4000, on 127.0.0.1; 0 picks a free port), PRINT_SCHEMA=1 prints the
//   generated schema and exits.
//
// It prints "listening on http://127.0.0.1:PORT/graphql" once it serves.
import { createServer } from "node:http";
import { Neo4jGraphQL } from "@neo4j/graphql";
import { printSchema } from "graphql";
import { createYoga } from "graphql-yoga";
import neo4j from "neo4j-driver";
import { typeDefs } from "./typeDefs.js";

const env = process.env;
const auth = env.NEO4J_PASSWORD ? neo4j.auth.basic(env.NEO4J_USER || "neo4j", env.NEO4J_PASSWORD) : undefined;
// The same pool size as batterykg's store (internal/neo4jstore: MaxConnectionPoolSize 50).
const driver = neo4j.driver(env.NEO4J_URI || "bolt://127.0.0.1:7687", auth, { maxConnectionPoolSize: 50 });

const neoSchema = new Neo4jGraphQL({ typeDefs, driver });
const schema = await neoSchema.getSchema();
if (env.PRINT_SCHEMA) {
  console.log(printSchema(schema));
  await driver.close();
  process.exit(0);
}

const yoga = createYoga({
  schema,
  graphiql: false,
  landingPage: false,
  logging: "warn",
  context: { sessionConfig: { database: env.NEO4J_DATABASE || "neo4j" } },
});
const server = createServer(yoga);
const port = Number(env.PORT || 4000);
server.listen(port, "127.0.0.1", () => console.log(`listening on http://127.0.0.1:${server.address().port}/graphql`));

for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    server.close();
    driver.close().finally(() => process.exit(0));
  });
}
