package dev.fundtrace.report;

import dev.fundtrace.audit.FileDigest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * report.html's audit trail: one row per input (the job file, each sanctions list with its publish date, each
 * label file, each ledger folder by its manifest digest, reviews.csv), and each folder's files beneath.
 */
public record AuditView(String version, List<Row> rows, List<Folder> folders) {

    /** @param input what the file is to the run; {@code detail} what more it says (format, publish date, file count) */
    public record Row(String input, String detail, String path, String bytes, String sha256) {}

    /** A ledger folder's files; {@code note} says when they are not listed one by one. */
    public record Folder(String chain, String path, List<Row> files, String note) {}

    /** The view of {@code audit}, or null for a report without one. */
    static AuditView of(RunReport.Audit audit) {
        if (audit == null) return null;
        List<Row> rows = new ArrayList<>();
        if (audit.jobFile() != null) rows.add(row("job file", "the text this run went by", audit.jobFile()));
        for (RunReport.DesignationInput d : HtmlReportWriter.nz(audit.designationFiles())) {
            String published = d.publishDate() == null ? "publish date " + d.publishDateStatedIn()
                    : "published " + d.publishDate() + " (" + d.publishDateStatedIn() + ")";
            rows.add(new Row("sanctions list", d.format() + "; " + published, d.path(), bytes(d.bytes()), d.sha256()));
        }
        for (FileDigest f : HtmlReportWriter.nz(audit.labelFiles())) rows.add(row("labels", null, f));
        List<Folder> folders = new ArrayList<>();
        for (RunReport.LedgerInput l : HtmlReportWriter.nz(audit.ledgers())) {
            if ("rpc".equals(l.source())) {
                rows.add(new Row("ledger " + l.chain(), "a JSON-RPC node: no files to digest", l.path(), "\u2014", "\u2014"));
                continue;
            }
            rows.add(new Row("ledger " + l.chain(), files(l.fileCount()) + ", digested " + l.digestedAt()
                    + "; SHA-256 of the folder's manifest", l.path(), bytes(l.bytes()), l.sha256()));
            List<Row> files = l.files() == null ? List.of() : l.files().stream().map(f -> row(null, null, f)).toList();
            folders.add(new Folder(l.chain(), l.path(), files, l.files() == null
                    ? files(l.fileCount()) + ": report.json and this page give the folder's count, size and manifest digest only" : null));
        }
        if (audit.reviews() != null) rows.add(row("reviews", null, audit.reviews()));
        return new AuditView(HtmlReportWriter.text(audit.fundtraceVersion()), rows, folders);
    }

    private static Row row(String input, String detail, FileDigest f) {
        return new Row(input, detail, f.path(), bytes(f.bytes()), f.sha256());
    }

    private static String bytes(Long n) {
        return n == null ? "\u2014" : String.format(Locale.ROOT, "%,d", n);
    }

    private static String files(Integer n) {
        return n == null ? "\u2014 files" : String.format(Locale.ROOT, "%,d %s", n, n == 1 ? "file" : "files");
    }
}
