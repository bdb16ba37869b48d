package dev.fundtrace.report;

import dev.fundtrace.files.OwnerOnlyFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The flags as an earlier report of the same findings rendered them: report.json's flags array (the bytes after
 * its name) and flagged-flows.csv, kept in a folder beside the findings. An unchanged night has the same flags,
 * none of them new, with the same reviews: its report copies these instead of rendering every flag again, and the
 * files come out as a fresh rendering would write them. {@code key} names everything else the rendering depends
 * on (which flags are new, their reviews, this format); the copies are used only under the key they were kept with.
 *
 * @param folder where the copies are kept; deleted with the findings they were rendered from
 * @param key    what tonight's rendering depends on beyond the flags file
 */
public record RenderedFlags(Path folder, String key) {

    static final String JSON = "flags-array.json", CSV = "flagged-flows.csv", KEY = "key.txt";
    /** Bumped whenever a flag's JSON or CSV rendering changes, so that older copies are not taken. */
    private static final String FORMAT = "rendered-flags 1";

    /** True when copies kept under this key are there for every format asked for. */
    boolean available(boolean json, boolean csv) {
        try {
            Path keyFile = folder.resolve(KEY);
            if (!Files.isRegularFile(keyFile) || !Files.readString(keyFile).equals(fullKey())) return false;
            return (!json || Files.isRegularFile(json())) && (!csv || Files.isRegularFile(csv()));
        } catch (IOException e) {
            return false; // unreadable copies are rendered again
        }
    }

    Path json() { return folder.resolve(JSON); }

    Path csv() { return folder.resolve(CSV); }

    /** Where the flags array is recorded while tonight's report renders it. */
    Path jsonBeingKept() { return folder.resolve("." + JSON + ".tmp"); }

    OutputStream keepJson() throws IOException {
        OwnerOnlyFiles.createDirectories(folder);
        forget(); // the copies change: none is taken until the new ones are whole
        return OwnerOnlyFiles.newOutputStream(jsonBeingKept());
    }

    /**
     * Makes what tonight's report wrote the copies: the recorded flags array (if any) and {@code csvWritten} (if not
     * null), then the key, last, so that a process killed on the way leaves no copies to take.
     */
    void keep(boolean jsonRecorded, Path csvWritten) throws IOException {
        OwnerOnlyFiles.createDirectories(folder);
        forget();
        if (jsonRecorded) Files.move(jsonBeingKept(), json(), StandardCopyOption.REPLACE_EXISTING);
        else Files.deleteIfExists(json());
        if (csvWritten != null) {
            Path temporary = folder.resolve("." + CSV + ".tmp");
            Files.copy(csvWritten, temporary, StandardCopyOption.REPLACE_EXISTING);
            OwnerOnlyFiles.restrict(temporary);
            Files.move(temporary, csv(), StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.deleteIfExists(csv());
        }
        Path keyTemporary = folder.resolve("." + KEY + ".tmp");
        try (OutputStream out = OwnerOnlyFiles.newOutputStream(keyTemporary)) {
            out.write(fullKey().getBytes(StandardCharsets.UTF_8));
        }
        Files.move(keyTemporary, folder.resolve(KEY), StandardCopyOption.REPLACE_EXISTING);
    }

    /** No copies are taken until new ones are kept. */
    void forget() throws IOException {
        Files.deleteIfExists(folder.resolve(KEY));
    }

    /** Leaves no half-kept copy behind (a failed report); best effort, the key is what guards the copies. */
    void discardQuietly() {
        try {
            Files.deleteIfExists(jsonBeingKept());
        } catch (IOException ignored) {
            // a leftover temporary file is replaced by the next night that keeps copies
        }
    }

    private String fullKey() {
        return FORMAT + "\n" + key;
    }
}
