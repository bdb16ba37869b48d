package dev.fundtrace.cli;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A log line, without logback's pattern language (its parser builds some sixty converters when first used): on
 * standard error {@code LEVEL logger: message}, one line, no stack trace; in the log file the time, level,
 * process, thread, logger and message, then the stack trace.
 */
final class LogLine extends LayoutBase<ILoggingEvent> {

    private static final String PID = String.valueOf(ProcessHandle.current().pid());

    private final boolean full;
    private final TargetLengthBasedClassNameAbbreviator logger;

    private LogLine(boolean full) {
        this.full = full;
        this.logger = new TargetLengthBasedClassNameAbbreviator(full ? 39 : 30);
    }

    static LogLine console() {
        return new LogLine(false);
    }

    static LogLine file() {
        return new LogLine(true);
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        if (!full) {
            return line.append(event.getLevel()).append(' ').append(logger.abbreviate(event.getLoggerName())).append(": ")
                    .append(event.getFormattedMessage()).append('\n').toString();
        }
        line.append(Time.FORMAT.format(Instant.ofEpochMilli(event.getTimeStamp()))).append(' ');
        String level = event.getLevel().toString();
        line.append(" ".repeat(Math.max(0, 5 - level.length()))).append(level).append(' ').append(PID)
                .append(" --- [").append(event.getThreadName()).append("] ");
        String name = logger.abbreviate(event.getLoggerName());
        line.append(name.length() > 40 ? name.substring(name.length() - 40) : name).append(" ".repeat(Math.max(0, 40 - name.length())))
                .append(" : ").append(event.getFormattedMessage()).append('\n');
        if (event.getThrowableProxy() != null) line.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
        return line.toString();
    }

    /** Made when the first line is written to the file. */
    private static final class Time {
        static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneId.systemDefault());
    }
}
