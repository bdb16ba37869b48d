package dev.fundtrace.cli;

import picocli.CommandLine;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** {@code --run-date}: an ISO date, with the error an operator can act on. */
final class RunDateConverter implements CommandLine.ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("a date YYYY-MM-DD is expected, not '" + value + "'");
        }
    }
}
