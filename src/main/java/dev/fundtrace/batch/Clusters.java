package dev.fundtrace.batch;

import dev.fundtrace.report.RunReport;
import dev.fundtrace.trace.coin.CoinTrace;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/** The seeds' address clusters on UTXO chains, kept with the run as a fact for the report (and a reused trace). */
final class Clusters {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Clusters() {}

    static String json(List<CoinTrace> traces) {
        List<RunReport.ClusterRow> rows = new ArrayList<>();
        for (CoinTrace t : traces) {
            t.clusters().forEach(c -> rows.add(new RunReport.ClusterRow(c.chain(), c.seeds(), c.size(), c.addresses(),
                    c.evidence(), c.excludedCoinJoins(), c.heuristic())));
        }
        return JSON.writeValueAsString(rows);
    }

    static List<RunReport.ClusterRow> read(String json) {
        return JSON.readValue(json, new TypeReference<List<RunReport.ClusterRow>>() {});
    }
}
