package dev.fundtrace.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Standard output holds the run's summary and nothing else. Log lines go to standard error, one line each with no
 * stack trace, and, once a command opens the database, in full (stack traces included) to the log file ({@link
 * LogFile}). Set up in code (logback finds this class through {@code META-INF/services}): parsing an XML
 * configuration, twice, was a noticeable part of every start. {@code -Dlogging.level.NAME=LEVEL} sets a logger's level.
 */
public final class Logging extends ContextAwareBase implements Configurator {

    /** Failures the command line reports itself, in one line naming the step and the cause: only the log file has them. */
    private static final List<String> FILE_ONLY = List.of("org.springframework.batch.core.step.AbstractStep",
            FundtraceCommandLine.class.getName(), "org.springframework.context.annotation.AnnotationConfigApplicationContext",
            "org.thymeleaf.TemplateEngine");

    /** Before a command opens the database: standard error only. */
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        setUp(context, null);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** From now on also to {@code file}; java.util.logging (the PostgreSQL driver's) goes the same way. */
    static void toFile(Path file) {
        LoggerContext context = loggerContext();
        context.reset();
        setUp(context, file);
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    /**
     * Logback's context, once SLF4J has found it: while another thread is still initializing SLF4J (Spring's start
     * logging its first line), SLF4J hands out a stand-in factory, and the command failed on it.
     */
    private static LoggerContext loggerContext() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (true) {
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) return context;
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("logging was not set up: " + LoggerFactory.getILoggerFactory().getClass().getName());
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while logging was being set up", e);
            }
        }
    }

    private static void setUp(LoggerContext context, Path file) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(start(new ConsoleAppender<>(), context, "STDERR", LogLine.console(), a -> a.setTarget("System.err")));
        if (file == null) {
            // their failures are printed by the command line, in one line; the stack traces have no log file to go to
            // yet (Spring starts before the log file is set up: SpringStart)
            for (String name : FILE_ONLY) context.getLogger(name).setLevel(Level.OFF);
        } else {
            // not rolled: a rolled or recreated file would get the umask's mode, and LogFile creates this one
            // owner-only (it holds only warnings and failures)
            var fileAppender = start(new FileAppender<>(), context, "FILE", LogLine.file(), a -> {
                a.setFile(file.toString());
                a.setAppend(true);
            });
            root.addAppender(fileAppender);
            for (String name : FILE_ONLY) {
                Logger logger = context.getLogger(name);
                logger.setAdditive(false);
                logger.addAppender(fileAppender);
            }
        }
        // Flyway warns at every start when H2 is newer than the version it was verified with (11.14 did for 2.4); the
        // migrations are tested on the H2 of this build (mvn verify), so the line would be noise on standard error
        context.getLogger("org.flywaydb.core.internal.database.base.Database").setLevel(Level.ERROR);
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("logging.level."))
                .forEach(k -> context.getLogger(k.substring("logging.level.".length()))
                        .setLevel(Level.toLevel(System.getProperty(k), Level.WARN)));
    }

    private static <A extends OutputStreamAppender<ILoggingEvent>> A start(A appender, LoggerContext context, String name,
                                                                           LogLine layout, java.util.function.Consumer<A> settings) {
        layout.setContext(context);
        layout.start();
        var encoder = new LayoutWrappingEncoder<ILoggingEvent>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        appender.setContext(context);
        appender.setName(name);
        appender.setEncoder(encoder);
        settings.accept(appender);
        appender.start();
        return appender;
    }
}
