package dev.fundtrace.chain.ethereum.rpc;

import dev.fundtrace.ledger.AssetInfo;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What token contracts answered to {@code symbol()} and {@code decimals()}, per chain and contract (table
 * {@code rpc_token_metadata}, see the migration {@code db/migration/V4__rpc_token_metadata.sql}), so that later nights do not ask again. An unknown answer
 * (a revert, an empty return) is kept too: the contract's code does not change, and asking again would only repeat it.
 * Rows are written once and never updated ({@code INSERT ... ON CONFLICT DO NOTHING}: PostgreSQL, and H2 in the
 * PostgreSQL mode that fundtrace opens it in).
 */
public class TokenMetadataCache {
    private final JdbcTemplate jdbc;

    public TokenMetadataCache(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the table when missing (the application also creates it: migration V4). */
    public TokenMetadataCache createTable() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS rpc_token_metadata (chain VARCHAR(32) NOT NULL, address VARCHAR(42) NOT NULL, "
                + "symbol VARCHAR(256), decimals INTEGER NOT NULL, PRIMARY KEY (chain, address))");
        return this;
    }

    /** The known answers for these contracts (lower-case), keyed by contract. */
    public Map<String, AssetInfo> find(String chain, Collection<String> tokens) {
        Map<String, AssetInfo> out = new HashMap<>();
        List<String> list = new ArrayList<>(tokens);
        for (int i = 0; i < list.size(); i += 500) {
            List<String> part = list.subList(i, Math.min(list.size(), i + 500));
            List<Object> args = new ArrayList<>();
            args.add(chain);
            args.addAll(part);
            jdbc.query("SELECT address, symbol, decimals FROM rpc_token_metadata WHERE chain = ? AND address IN ("
                            + String.join(",", Collections.nCopies(part.size(), "?")) + ")",
                    rs -> { out.put(rs.getString(1), new AssetInfo(rs.getString(1), rs.getString(2), rs.getInt(3))); },
                    args.toArray());
        }
        return out;
    }

    /** Records answers; a contract already recorded keeps its first answer. */
    public void save(String chain, Collection<AssetInfo> answers) {
        jdbc.batchUpdate("INSERT INTO rpc_token_metadata (chain, address, symbol, decimals) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                answers, 500, (ps, a) -> {
                    ps.setString(1, chain);
                    ps.setString(2, a.asset());
                    ps.setString(3, a.symbol());
                    ps.setInt(4, a.decimals());
                });
    }
}
