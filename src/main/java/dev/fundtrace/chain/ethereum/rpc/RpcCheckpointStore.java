package dev.fundtrace.chain.ethereum.rpc;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What was gathered per chain, address and kind: one inclusive block range each (table {@code rpc_checkpoint},
 * see the migration {@code db/migration/V2__rpc_checkpoint.sql}). A range only grows; the gatherer fetches what lies outside it.
 */
public class RpcCheckpointStore {

    /** @param kind {@code token} or {@code native} */
    public record Checkpoint(String chain, String address, String kind, long fromBlock, long toBlock) {}

    public static final String TOKEN = "token";
    public static final String NATIVE = "native";

    private final JdbcTemplate jdbc;

    public RpcCheckpointStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the table when missing (the application's Flyway migration V2 makes the same table). */
    public RpcCheckpointStore createTable() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS rpc_checkpoint (chain VARCHAR(32) NOT NULL, address VARCHAR(42) NOT NULL, "
                + "kind VARCHAR(16) NOT NULL, from_block BIGINT NOT NULL, to_block BIGINT NOT NULL, "
                + "PRIMARY KEY (chain, address, kind))");
        return this;
    }

    /** Checkpoints of one chain and kind for the given addresses (lower-case), keyed by address. */
    public Map<String, Checkpoint> find(String chain, String kind, Collection<String> addresses) {
        Map<String, Checkpoint> out = new HashMap<>();
        List<String> list = new ArrayList<>(addresses);
        for (int i = 0; i < list.size(); i += 500) {
            List<String> part = list.subList(i, Math.min(list.size(), i + 500));
            String in = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
            List<Object> args = new ArrayList<>();
            args.add(chain);
            args.add(kind);
            args.addAll(part);
            jdbc.query("SELECT address, from_block, to_block FROM rpc_checkpoint WHERE chain = ? AND kind = ? AND address IN (" + in + ")",
                    rs -> { out.put(rs.getString(1), new Checkpoint(chain, rs.getString(1), kind, rs.getLong(2), rs.getLong(3))); },
                    args.toArray());
        }
        return out;
    }

    public List<Checkpoint> all(String chain) {
        return jdbc.query("SELECT address, kind, from_block, to_block FROM rpc_checkpoint WHERE chain = ? ORDER BY address, kind",
                (rs, n) -> new Checkpoint(chain, rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)), chain);
    }

    /** Writes checkpoints (update, else insert: portable across H2 and PostgreSQL). */
    public void save(Collection<Checkpoint> checkpoints) {
        for (Checkpoint c : checkpoints) {
            int n = jdbc.update("UPDATE rpc_checkpoint SET from_block = ?, to_block = ? WHERE chain = ? AND address = ? AND kind = ?",
                    c.fromBlock(), c.toBlock(), c.chain(), c.address(), c.kind());
            if (n == 0) {
                jdbc.update("INSERT INTO rpc_checkpoint (chain, address, kind, from_block, to_block) VALUES (?, ?, ?, ?, ?)",
                        c.chain(), c.address(), c.kind(), c.fromBlock(), c.toBlock());
            }
        }
    }
}
