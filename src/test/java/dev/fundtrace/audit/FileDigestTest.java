package dev.fundtrace.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileDigestTest {

    @TempDir
    Path dir;

    @Test
    void aFilesDigestIsItsSha256AsSha256sumPrintsIt() throws Exception {
        // FIPS 180-2's example "abc", and the empty file
        Path abc = Files.writeString(dir.resolve("abc.txt"), "abc");
        assertThat(FileDigest.of(abc)).isEqualTo(new FileDigest(abc.toAbsolutePath().toString(), 3,
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        assertThat(FileDigest.of(Files.createFile(dir.resolve("empty"))).sha256())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        // more than one buffer's worth
        byte[] big = new byte[(3 << 20) + 17];
        for (int i = 0; i < big.length; i++) big[i] = (byte) (i * 31);
        Path file = Files.write(dir.resolve("big.bin"), big);
        assertThat(FileDigest.of(file)).extracting(FileDigest::bytes, FileDigest::sha256)
                .containsExactly((long) big.length, sha256(big));
    }

    @Test
    void aJobFilesTextHasTheDigestOfItsBytes() throws Exception {
        String text = "job: n\u00e4chtlich\n";
        assertThat(FileDigest.ofText("job.yml", text).sha256()).isEqualTo(sha256(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(FileDigest.ofText("job.yml", text).bytes()).as("\u00e4 is two bytes").isEqualTo(16);
    }

    @Test
    void aFolderDigestIsThatOfItsSortedManifestAndCoversEveryFileRead() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("export"));
        Path b = Files.writeString(folder.resolve("b.csv"), "bbb");
        Path a = Files.writeString(Files.createDirectories(folder.resolve("sub")).resolve("a.csv"), "a");
        Files.writeString(folder.resolve("not-read.txt"), "ignored");
        FolderDigest d = FolderDigest.of(folder, List.of(b, a));
        String manifest = sha256("bbb".getBytes()) + "  b.csv\n" + sha256("a".getBytes()) + "  sub/a.csv\n";
        assertThat(d.sha256()).isEqualTo(sha256(manifest.getBytes(StandardCharsets.UTF_8)));
        assertThat(d.fileCount()).isEqualTo(2);
        assertThat(d.bytes()).isEqualTo(4);
        assertThat(d.files()).extracting(FileDigest::path).containsExactly("b.csv", "sub/a.csv");
        assertThat(d.path()).isEqualTo(folder.toAbsolutePath().toString());
        // one byte more in one file changes the folder's digest
        Files.writeString(a, "ab");
        assertThat(FolderDigest.of(folder, List.of(a, b)).sha256()).isNotEqualTo(d.sha256());
    }

    @Test
    void aFolderOfVeryManyFilesIsRecordedByCountSizeAndDigestOnly() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i <= FolderDigest.FILES_LISTED_MAX; i++) files.add(Files.writeString(dir.resolve("f" + i), "x" + i));
        FolderDigest d = FolderDigest.of(dir, files);
        assertThat(d.files()).isNull();
        assertThat(d.fileCount()).isEqualTo(FolderDigest.FILES_LISTED_MAX + 1);
        assertThat(FolderDigest.of(dir, files.subList(0, FolderDigest.FILES_LISTED_MAX)).files())
                .hasSize(FolderDigest.FILES_LISTED_MAX);
    }

    @Test
    void aDigestTakenOnItsOwnThreadGivesTheSameAndAGoneFileNamesItself() {
        Path gone = dir.resolve("gone.csv");
        assertThatThrownBy(() -> Digests.await(Digests.ofFiles(List.of(gone))))
                .hasMessageContaining("cannot read " + gone + " to take its SHA-256");
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
