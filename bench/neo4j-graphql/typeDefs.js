// The batterykg graph (docs/model.md) described for the Neo4j GraphQL Library, as close to
// schema.graphqls as the library allows, for the side-by-side benchmark of `go run ./cmd/bench
// compare`. Differences that matter for the benchmark:
//
// - An actor's kind is a label (Company, University, ...), which the library cannot map to a
//   field: `kind` is a @cypher field (a subquery per actor), and there is no kind filter.
// - Role and money sit on the relationships, as @relationshipProperties (Participation,
//   Funding); the library exposes them on connection edges (`edges { properties { role } }`).
// - A funder is a programme or an actor: a union relationship.
// - Lists are connections the library generates (`projectsConnection`, ...), with its own
//   filter (`where`) and sort inputs; aggregates are `xConnection { aggregate { count } }`.
// - Paths (shortestPaths, neighbourhood) and grouped counts have no generated equivalent.
export const typeDefs = /* GraphQL */ `
  enum Confidence { SOURCED INFERRED }
  enum Region { WAL BRU VLG FOREIGN }
  enum ActorKind { COMPANY UNIVERSITY LAB RESEARCH_CENTRE CLUSTER PUBLIC_AGENCY FUNDER }
  enum ActivityType { HES PRC REC PUB OTH }
  enum ProjectType { RESEARCH_PORTFOLIO INDUSTRIAL_INVESTMENT STRATEGIC_INITIATIVE EU_GRANT }
  enum ProjectStatus { ANNOUNCED ONGOING SUSPENDED CLOSED }
  enum ParticipationRole { COORDINATOR PARTNER ASSOCIATED SUPPORT }
  enum ProgrammeLevel { EU FEDERAL REGIONAL }
  enum FundingInstrument { GRANT EQUITY LOAN MIXED }
  enum StageFlow { PRIMARY CIRCULAR }
  enum StageCode {
    EXTRACTION REFINING MATERIALS_COMPONENTS CELL_MANUFACTURING MODULE_PACK
    INTEGRATION_USE COLLECTION_LOGISTICS SECOND_LIFE DISMANTLING_PRETREATMENT RECYCLING_RECOVERY
  }

  type Participation @relationshipProperties {
    role: ParticipationRole!
    sources: [String!]!
    confidence: Confidence!
  }

  type Funding @relationshipProperties {
    amount: Float
    currency: String
    instrument: FundingInstrument
    date: Date
    sources: [String!]!
    confidence: Confidence!
  }

  type Flow @relationshipProperties {
    flow: StageFlow!
  }

  type Actor @node {
    id: ID!
    name: String!
    kind: ActorKind
      @cypher(
        statement: """
        RETURN CASE
          WHEN this:Company THEN 'COMPANY' WHEN this:University THEN 'UNIVERSITY' WHEN this:Lab THEN 'LAB'
          WHEN this:ResearchCentre THEN 'RESEARCH_CENTRE' WHEN this:Cluster THEN 'CLUSTER'
          WHEN this:PublicAgency THEN 'PUBLIC_AGENCY' WHEN this:Funder THEN 'FUNDER' END AS kind
        """
        columnName: "kind"
      )
    shortName: String
    description: String
    city: String
    country: String
    region: Region
    website: String
    activityType: ActivityType
    email: String
    sources: [String!]!
    confidence: Confidence!
    updatedAt: DateTime
    projects: [Project!]! @relationship(type: "PARTICIPATES_IN", direction: OUT, properties: "Participation")
    stages: [ValueChainStage!]! @relationship(type: "ACTIVE_IN", direction: OUT)
    fundings: [Project!]! @relationship(type: "FUNDS", direction: OUT, properties: "Funding")
    manages: [FundingProgramme!]! @relationship(type: "MANAGES", direction: OUT)
    partOf: [Actor!]! @relationship(type: "PART_OF", direction: OUT)
    parts: [Actor!]! @relationship(type: "PART_OF", direction: IN)
    memberOf: [Actor!]! @relationship(type: "MEMBER_OF", direction: OUT)
  }

  union Funder = FundingProgramme | Actor

  type Project @node {
    id: ID!
    name: String!
    acronym: String
    title: String
    description: String
    type: ProjectType!
    status: ProjectStatus
    startDate: Date
    endDate: Date
    totalInvestment: Float
    currency: String
    email: String
    sources: [String!]!
    confidence: Confidence!
    updatedAt: DateTime
    participants: [Actor!]! @relationship(type: "PARTICIPATES_IN", direction: IN, properties: "Participation")
    funders: [Funder!]! @relationship(type: "FUNDS", direction: IN, properties: "Funding")
    stages: [ValueChainStage!]! @relationship(type: "TARGETS", direction: OUT)
  }

  type FundingProgramme @node {
    id: ID!
    name: String!
    description: String
    level: ProgrammeLevel
    instrument: FundingInstrument
    budget: Float
    currency: String
    sources: [String!]!
    confidence: Confidence!
    updatedAt: DateTime
    managers: [Actor!]! @relationship(type: "MANAGES", direction: IN)
    partOf: [FundingProgramme!]! @relationship(type: "PART_OF", direction: OUT)
    parts: [FundingProgramme!]! @relationship(type: "PART_OF", direction: IN)
    fundings: [Project!]! @relationship(type: "FUNDS", direction: OUT, properties: "Funding")
  }

  type ValueChainStage @node {
    id: ID!
    code: StageCode!
    order: Int!
    name: String!
    definition: String
    sources: [String!]!
    confidence: Confidence!
    next: [ValueChainStage!]! @relationship(type: "NEXT", direction: OUT, properties: "Flow")
    actors: [Actor!]! @relationship(type: "ACTIVE_IN", direction: IN)
    projects: [Project!]! @relationship(type: "TARGETS", direction: IN)
  }
`;
