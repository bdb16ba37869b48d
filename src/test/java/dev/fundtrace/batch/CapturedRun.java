package dev.fundtrace.batch;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.function.IntSupplier;

import static java.nio.charset.StandardCharsets.UTF_8;

/** What one command of the command line, run in this JVM, printed: exit code, standard output, standard error. */
record CapturedRun(int exit, String out, String err) {

    static CapturedRun of(IntSupplier command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out, oldErr = System.err;
        System.setOut(new PrintStream(out, true, UTF_8));
        System.setErr(new PrintStream(err, true, UTF_8));
        int exit;
        try {
            exit = command.getAsInt();
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new CapturedRun(exit, out.toString(UTF_8), err.toString(UTF_8));
    }

    /** A connection to the embedded database a run keeps under {@code dataDir} (no run may be using it: no server mode). */
    static Connection database(Path dataDir) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("fundtrace").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
    }
}
