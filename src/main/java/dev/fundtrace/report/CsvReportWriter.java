package dev.fundtrace.report;

import dev.fundtrace.files.WriteFailure;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** flagged-flows.csv (one row per flag) and rejected.csv (one row per refused input record), RFC 4180. */
public final class CsvReportWriter {

    static final String[] FLAG_COLUMNS = {"flag_id", "rule", "severity", "chain", "asset", "asset_symbol", "address",
            "seed", "hops", "deposit_address", "tainted_amount_raw", "tainted_amount", "flow_ids", "evidence_tx_hashes",
            "explanation", "new_since_last_run", "review_decision", "reviewed_by", "review_date", "review_note",
            "evidence_since_review"};
    // review_*: the flag's review in reviews.csv, empty when it has none; evidence_since_review: the transactions the
    // review did not cover (a review with any is outdated, and the flag counts as unreviewed)
    // tainted_amount(_raw) is the flag's own amount (FlagAmount): for DIRECT_COUNTERPARTY every direct transfer
    static final String[] REJECTED_COLUMNS = {"source", "line", "reason", "record"};

    public void writeFlags(RunReport report, Path file) {
        writeFlags(FlagSource.of(HtmlReportWriter.nz(report.flags()), HtmlReportWriter.nz(report.flows())), file);
    }

    public void writeFlags(FlagSource flags, Path file) {
        try (FlagRows rows = FlagRows.open(file, file)) {
            flags.forEach(rows::add);
        }
    }

    /** flagged-flows.csv written a row at a time, as the flags pass. */
    static final class FlagRows implements AutoCloseable {
        private final Path file;
        private final Writer out;
        private final CsvLine line = new CsvLine();

        private FlagRows(Path file, Writer out) {
            this.file = file;
            this.out = out;
        }

        /** Opens {@code file} (created or replaced) and writes the header; a failure names {@code shownAs}. */
        static FlagRows open(Path file, Path shownAs) {
            try {
                FlagRows rows = new FlagRows(shownAs, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
                for (String column : FLAG_COLUMNS) rows.line.cell(column);
                rows.line.writeTo(rows.out);
                return rows;
            } catch (IOException e) {
                throw WriteFailure.of(shownAs, e);
            }
        }

        void add(ReportedFlag flag) {
            RunReport.FlagRow f = flag.row();
            String raw = flag.amountRaw();
            try {
                // every text cell may come from an input file (a token's symbol, a label): none may run as a formula
                line.cell(inert(f.id())).cell(inert(f.rule())).cell(inert(f.severity())).cell(inert(f.chain()))
                        .cell(inert(f.asset())).cell(inert(f.assetSymbol())).cell(inert(f.address())).cell(inert(f.seed()))
                        .cell(f.hops()).cell(f.depositAddress() == null ? "" : inert(f.depositAddress()))
                        .cell(raw == null ? "" : integer(raw))
                        .cell(raw == null || flag.decimals() == null ? "" : display(raw, flag.decimals()))
                        .cell(inert(String.join(";", f.flowIds()))).cell(inert(String.join(";", f.evidence())))
                        .cell(inert(f.explanation())).cell(f.newSinceLastRun())
                        .cell(review(f, RunReport.Review::decision)).cell(review(f, RunReport.Review::reviewer))
                        .cell(review(f, RunReport.Review::date)).cell(review(f, RunReport.Review::note))
                        .cell(f.review() == null ? "" : inert(String.join(";", f.review().evidenceSinceReview())));
                line.writeTo(out);
            } catch (IOException e) {
                throw WriteFailure.of(file, e);
            }
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw WriteFailure.of(file, e);
            }
        }
    }

    /** A field of the flag's review, neutralised (a reviewer's note is typed by a person); empty without a review. */
    private static String review(RunReport.FlagRow f, java.util.function.Function<RunReport.Review, String> field) {
        if (f.review() == null) return "";
        String v = field.apply(f.review());
        return v == null ? "" : inert(v);
    }

    public void writeRejected(RunReport report, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(REJECTED_COLUMNS).get())) {
            for (RunReport.RejectionRow r : report.rejected()) {
                csv.printRecord(inert(r.source()), r.line(), inert(r.reason()), inert(r.record()));
            }
        } catch (IOException e) {
            throw WriteFailure.of(file, e);
        }
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /**
     * A cell that a spreadsheet would take for a formula (it starts with =, +, -, @, a tab or a carriage return, and
     * is not a number) gets a leading apostrophe: rejected.csv echoes input records as they were, and a crafted
     * record must not run as a formula on the operator's machine (CSV injection).
     */
    static String inert(String cell) {
        if (cell == null || cell.isEmpty()) return cell;
        char c = cell.charAt(0);
        boolean formula = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        return formula && !NUMBER.matcher(cell).matches() ? "'" + cell : cell;
    }

    /**
     * A raw amount as an integer string: "40000000000000000000", never "40000000000000000000.0" or "4E+19", which a
     * spreadsheet would show rounded.
     */
    static String integer(String raw) {
        if (isPlainInteger(raw)) return raw; // the usual case, without the arithmetic
        return new BigDecimal(raw.strip()).stripTrailingZeros().toBigIntegerExact().toString();
    }

    /** Digits only, without a leading zero (or "0"): already an integer string as written here. */
    private static boolean isPlainInteger(String s) {
        int n = s.length();
        if (n == 0 || (s.charAt(0) == '0' && n > 1)) return false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /** Raw units scaled by decimals, exact. */
    public static String display(String raw, int decimals) {
        if (decimals >= 0 && isPlainInteger(raw)) return displayDigits(raw, decimals);
        BigDecimal v = new BigDecimal(raw);
        if (decimals > 0) v = v.movePointLeft(decimals);
        v = v.stripTrailingZeros();
        String s = v.toPlainString();
        return s.contains(".") ? s : s + ".0";
    }

    /** {@link #display} of a plain integer string, on its digits: the point moved, zeros after it dropped. */
    private static String displayDigits(String digits, int decimals) {
        int n = digits.length();
        String whole = n > decimals ? digits.substring(0, n - decimals) : "0";
        int fracEnd = n, fracStart = Math.max(0, n - decimals);
        while (fracEnd > fracStart && digits.charAt(fracEnd - 1) == '0') fracEnd--;
        if (fracEnd == fracStart) return whole + ".0";
        return whole + "." + "0".repeat(Math.max(0, decimals - n)) + digits.substring(fracStart, fracEnd);
    }
}
