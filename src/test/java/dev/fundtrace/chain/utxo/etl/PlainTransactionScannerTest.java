package dev.fundtrace.chain.utxo.etl;

import dev.fundtrace.ledger.Chain;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast path must give exactly what the Jackson mappers give, or step aside: on real bitcoin-etl rows, planted
 * rows, and those rows cut short or with a byte changed, it never accepts a row the mappers refuse and never maps
 * a row differently.
 */
class PlainTransactionScannerTest {

    private final JsonFactory json = new JsonFactory();
    private final LedgerAddresses forms = new LedgerAddresses(Chain.BITCOIN);
    private final PlainTransactionScanner scanner = new PlainTransactionScanner(new AddressKeys(forms));
    private final RowPlace place = new RowPlace(0, 0, 0, 0);

    @Test
    void real_rows_take_the_fast_path_and_map_as_the_mappers_do() throws IOException {
        int fast = 0;
        for (String row : realRows()) {
            if (agree(row)) fast++;
        }
        assertThat(fast).as("real enriched and plain rows are plain JSON").isGreaterThan(20);
    }

    @Test
    void planted_rows_agree_with_the_mappers() {
        String a = EtlRows.h(1), b = EtlRows.h(2);
        for (String row : List.of(
                EtlRows.coinbase(a, 10, 0, EtlRows.out(0, 5000, "1BoatSLRHtKNngkdXEeobR76b53LETtpyT")),
                EtlRows.tx(b, 11, 1, List.of(EtlRows.in(a, 0, 5000, "1BoatSLRHtKNngkdXEeobR76b53LETtpyT")),
                        List.of(EtlRows.out(0, 4000, "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"))),
                EtlRows.tx(b, 11, 1, List.of(EtlRows.plainIn(a, 0)), List.of(EtlRows.out(0, 4000))),
                EtlRows.tx(b, 11, null, List.of(EtlRows.in(a, 0, 5000)), List.of(EtlRows.out(0, 4000, "a", "b", "c"))),
                EtlRows.tx(b, 11, 1, List.of(), List.of(EtlRows.out(0, 4000))),
                EtlRows.coinbase(a, 10, 0, EtlRows.out(1, 5000)),
                "{\"hash\": \"" + a + "\", \"block_number\": 1, \"is_coinbase\": true, \"inputs\": [], \"outputs\": [], \"type\": \"transaction\"}",
                "{\"hash\": \"" + a + "\", \"block_number\": \"1\", \"is_coinbase\": \"true\", \"inputs\": [], \"outputs\": []}",
                "{\"hash\": \"" + a + "\", \"block_number\": 1, \"is_coinbase\": true, \"inputs\": [], \"outputs\": []} x",
                "{\"hash\": \"" + a + "\", \"block_number\": 01, \"is_coinbase\": true, \"inputs\": [], \"outputs\": []}",
                "{\"hash\": \"" + a + "\", \"block_number\": 1, \"is_coinbase\": true, \"inputs\": [], \"outputs\": [], \"x\": [1,]}",
                "{\"hash\": \"" + a + "\", \"block_number\": 1, \"is_coinbase\": true, \"inputs\": [], \"outputs\": [], \"x\": -0.5e+3}",
                "{\"hash\": \"" + a + "\", \"block_number\": 1, \"is_coinbase\": true, \"inputs\": [], \"outputs\": [], \"x\": \"\\u0041\"}",
                "{\"hash\": \"" + a + "\", \"block_number\": 99999999999999999999, \"is_coinbase\": true, \"inputs\": [], \"outputs\": []}")) {
            agree(row);
        }
    }

    @Test
    void damaged_rows_are_never_accepted_when_the_mappers_refuse_them() throws IOException {
        SplittableRandom random = new SplittableRandom(14);
        byte[] noise = "{}[]\",:0-9. eE+tfnul\\x".getBytes(StandardCharsets.US_ASCII);
        for (String row : realRows()) {
            byte[] bytes = row.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 40; i++) {
                byte[] damaged = random.nextBoolean()
                        ? Arrays.copyOf(bytes, random.nextInt(bytes.length))
                        : bytes.clone();
                if (damaged.length == bytes.length) damaged[random.nextInt(bytes.length)] = noise[random.nextInt(noise.length)];
                agree(new String(damaged, StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void a_row_cut_at_the_end_of_the_data_is_not_completed_by_the_bytes_beyond_it() throws IOException {
        // a reused chunk buffer holds an earlier chunk's bytes past the end of this chunk's data
        SplittableRandom random = new SplittableRandom(15);
        for (String row : realRows()) {
            byte[] bytes = (row + "\n").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 20; i++) agree(bytes, random.nextInt(1, bytes.length + 1));
        }
    }

    /** Asserts the fast path steps aside or gives the mappers' row; true when it took the row. */
    private boolean agree(String row) {
        byte[] bytes = (row + "\n").getBytes(StandardCharsets.UTF_8);
        return agree(bytes, bytes.length) & agree(Arrays.copyOf(bytes, bytes.length - 1), bytes.length - 1);
    }

    /** As {@link #agree(String)} for the line at the start of {@code buffer[0..limit)}, bytes beyond limit left there. */
    private boolean agree(byte[] buffer, int limit) {
        int from = 0;
        while (from < limit && isBlank(buffer[from])) from++;
        int to = from;
        while (to < limit && buffer[to] != '\n') to++;
        while (to > from && isBlank(buffer[to - 1])) to--;
        if (from == to || buffer[from] != '{') return false;
        TxColumns columns = new TxColumns(1, 1, 1);
        int end = scanner.scan(buffer, from, limit, columns, 0, 0);
        if (end < 0) {
            assertThat(columns.size()).isZero();
            assertThat(columns.inputCount()).isZero();
            assertThat(columns.outputCount()).isZero();
            return false;
        }
        scanner.flush(buffer, columns);
        String row = new String(buffer, from, to - from, StandardCharsets.UTF_8);
        assertThat(end).as("the row ends its line: %s", row).isEqualTo(to);
        EtlTransaction slow = viaMappers(buffer, from, to);
        assertThat(slow).as("the mappers accept what the fast path accepts: %s", row).isNotNull();
        assertThat(columns.size()).isEqualTo(1);
        assertThat(describe(columns.row(0, forms))).as(row).isEqualTo(describe(slow));
        return true;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }

    private EtlTransaction viaMappers(byte[] bytes, int from, int to) {
        try (JsonParser p = json.createParser(ObjectReadContext.empty(), bytes, from, to - from)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            EtlTransaction t = TransactionMapper.map(p, forms, place);
            return p.nextToken() == null ? t : null;
        } catch (BadRow | JacksonException e) {
            return null;
        }
    }

    private static String describe(EtlTransaction t) {
        StringBuilder s = new StringBuilder(t.hash() + " " + t.block() + " " + t.index() + " " + t.time() + " " + t.coinbase());
        for (EtlInput in : t.inputs()) {
            s.append(" in ").append(in.spent()).append(':').append(in.vout()).append(' ').append(in.value()).append(' ')
                    .append(in.addresses() == null ? "null" : Arrays.toString(in.addresses())).append(' ').append(in.shielded());
        }
        for (EtlOutput out : t.outputs()) s.append(" out ").append(out.value()).append(' ').append(Arrays.toString(out.addresses()));
        return s.toString();
    }

    private static List<String> realRows() throws IOException {
        List<String> rows = new ArrayList<>();
        try (Stream<Path> files = Files.walk(EtlRows.fixture(""))) {
            for (Path f : files.filter(f -> f.getFileName().toString().contains("transactions")).sorted().toList()) {
                for (String line : Files.readAllLines(f)) if (!line.isBlank()) rows.add(line);
            }
        }
        return rows;
    }
}
