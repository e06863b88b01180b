package org.batterykg.plugin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.collections.api.iterator.LongIterator;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.NotFoundException;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.api.txstate.TxStateHolder;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;
import org.neo4j.storageengine.api.txstate.NodeState;
import org.neo4j.storageengine.api.txstate.ReadableTransactionState;
import org.neo4j.storageengine.api.txstate.RelationshipState;

/**
 * What the calling transaction has written so far, read from its own transaction state, and
 * the committed graph without it: the importer's model check runs validate's checks on these
 * elements only (internal/neo4jstore, ValidateOptions.Touched), and the store adjusts the
 * stage coverage counts by what changed (internal/neo4jstore/coverage.go). Built and
 * installed by internal/neo4jplugin.
 */
public class TouchedProcedures {
    @Context
    public Transaction tx;

    @Context
    public GraphDatabaseService db;

    public static class NodeRow {
        public Node node;

        NodeRow(Node node) { this.node = node; }
    }

    public static class RelationshipRow {
        public Relationship relationship;

        RelationshipRow(Relationship relationship) { this.relationship = relationship; }
    }

    public static class IdRow {
        public String id;

        IdRow(String id) { this.id = id; }
    }

    public static class NodeIdRow {
        public long id;

        NodeIdRow(long id) { this.id = id; }
    }

    public static class MapRow {
        public Map<String, Object> row;

        MapRow(Map<String, Object> row) { this.row = row; }
    }

    /** The transaction's state, or null when it has written nothing. */
    private ReadableTransactionState state() {
        KernelTransaction ktx = ((InternalTransaction) tx).kernelTransaction();
        if (!(ktx instanceof TxStateHolder holder) || !holder.hasTxStateWithChanges()) {
            return null;
        }
        return holder.txState();
    }

    @Procedure(name = "batterykg.touchedNodes", mode = Mode.READ)
    @Description("The nodes the calling transaction created or changed (labels, properties or relationships) and did not delete.")
    public Stream<NodeRow> touchedNodes() {
        ReadableTransactionState s = state();
        if (s == null) {
            return Stream.empty();
        }
        Set<Long> ids = new HashSet<>();
        for (LongIterator it = s.addedAndRemovedNodes().getAdded().longIterator(); it.hasNext(); ) {
            ids.add(it.next());
        }
        for (NodeState n : s.modifiedNodes()) {
            ids.add(n.getId());
        }
        List<NodeRow> out = new ArrayList<>(ids.size());
        for (long id : ids) {
            if (!s.nodeIsDeletedInThisBatch(id)) {
                out.add(new NodeRow(tx.getNodeById(id)));
            }
        }
        return out.stream();
    }

    @Procedure(name = "batterykg.touchedRelationships", mode = Mode.READ)
    @Description("The relationships the calling transaction created or changed and did not delete, and every relationship of a node whose labels it changed.")
    public Stream<RelationshipRow> touchedRelationships() {
        ReadableTransactionState s = state();
        if (s == null) {
            return Stream.empty();
        }
        Set<Long> ids = new HashSet<>();
        for (LongIterator it = s.addedAndRemovedRelationships().getAdded().longIterator(); it.hasNext(); ) {
            ids.add(it.next());
        }
        for (RelationshipState r : s.modifiedRelationships()) {
            ids.add(r.getId());
        }
        for (NodeState n : s.modifiedNodes()) {
            if (n.labelDiffSets().isEmpty() || s.nodeIsDeletedInThisBatch(n.getId())) {
                continue;
            }
            for (Relationship r : tx.getNodeById(n.getId()).getRelationships()) {
                ids.add(r.getId());
            }
        }
        List<RelationshipRow> out = new ArrayList<>(ids.size());
        for (long id : ids) {
            if (!s.relationshipIsDeletedInThisBatch(id)) {
                out.add(new RelationshipRow(tx.getRelationshipById(id)));
            }
        }
        return out.stream();
    }

    @Procedure(name = "batterykg.removedSourceIds", mode = Mode.READ)
    @Description("The ids, as committed, of the Source nodes the calling transaction deleted or changed (labels or properties): the sources that may no longer exist.")
    public Stream<IdRow> removedSourceIds() {
        ReadableTransactionState s = state();
        if (s == null) {
            return Stream.empty();
        }
        List<Long> candidates = new ArrayList<>();
        for (LongIterator it = s.addedAndRemovedNodes().getRemoved().longIterator(); it.hasNext(); ) {
            candidates.add(it.next());
        }
        for (NodeState n : s.modifiedNodes()) {
            if (!n.labelDiffSets().isEmpty() || n.hasPropertyChanges()) {
                candidates.add(n.getId());
            }
        }
        if (candidates.isEmpty()) {
            return Stream.empty();
        }
        // The committed graph, as another transaction sees it: what these nodes were.
        Label source = Label.label("Source");
        List<IdRow> out = new ArrayList<>();
        try (Transaction committed = db.beginTx()) {
            for (long id : candidates) {
                if (s.nodeIsAddedInThisBatch(id)) {
                    continue;
                }
                try {
                    Node n = committed.getNodeById(id);
                    if (n.hasLabel(source) && n.getProperty("id", null) instanceof String sid) {
                        out.add(new IdRow(sid));
                    }
                } catch (NotFoundException e) {
                    // created and deleted by this transaction: never committed
                }
            }
        }
        return out.stream();
    }

    @Procedure(name = "batterykg.removedNodes", mode = Mode.READ)
    @Description("The internal ids of the committed nodes the calling transaction deleted.")
    public Stream<NodeIdRow> removedNodes() {
        ReadableTransactionState s = state();
        if (s == null) {
            return Stream.empty();
        }
        List<NodeIdRow> out = new ArrayList<>();
        for (LongIterator it = s.addedAndRemovedNodes().getRemoved().longIterator(); it.hasNext(); ) {
            long id = it.next();
            if (!s.nodeIsAddedInThisBatch(id)) {
                out.add(new NodeIdRow(id));
            }
        }
        return out.stream();
    }

    @Procedure(name = "batterykg.committed", mode = Mode.READ)
    @Description("Runs a statement on the committed graph, as another transaction sees it (without the calling transaction's writes), in a transaction that is then rolled back: its rows, as maps of plain values.")
    public Stream<MapRow> committed(@Name("statement") String statement, @Name(value = "params", defaultValue = "{}") Map<String, Object> params) {
        List<MapRow> out = new ArrayList<>();
        try (Transaction committed = db.beginTx()) {
            try (Result r = committed.execute(statement, params)) {
                while (r.hasNext()) {
                    out.add(new MapRow(r.next()));
                }
            }
            committed.rollback();
        }
        return out.stream();
    }
}
