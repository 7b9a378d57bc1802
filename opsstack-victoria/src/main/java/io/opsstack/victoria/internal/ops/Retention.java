package io.opsstack.victoria.internal.ops;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.opsstack.api.error.OpsValidationException;

/**
 * VictoriaMetrics' {@code -retentionPeriod}: a number of months (31 days each, as VictoriaMetrics
 * counts them) or a number with unit {@code h}, {@code d}, {@code w} or {@code y} (365 days). Data
 * lives in monthly partitions that are deleted whole, once their last day is older than the retention.
 */
final class Retention {

    private Retention() {
    }

    static Duration parse(String text) {
        String value = text == null ? "" : text.trim();
        if (!value.matches("\\d+(\\.\\d+)?[hdwym]?")) {
            throw new OpsValidationException("cannot read -retentionPeriod '" + text + "'");
        }
        char unit = Character.isDigit(value.charAt(value.length() - 1)) ? 'M' : value.charAt(value.length() - 1);
        double amount = Double.parseDouble(unit == 'M' ? value : value.substring(0, value.length() - 1));
        double hours = switch (unit) {
            case 'h' -> amount;
            case 'd' -> amount * 24;
            case 'w' -> amount * 24 * 7;
            case 'y' -> amount * 24 * 365;
            default -> amount * 24 * 31;
        };
        return Duration.ofMinutes(Math.round(hours * 60));
    }

    /**
     * When the last data written before {@code lastWrite} is gone: the end of that month's partition
     * (the first instant of the next month, UTC) plus the retention.
     */
    static Instant dataGoneAt(Instant lastWrite, Duration retention) {
        LocalDate nextMonth = lastWrite.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1).plusMonths(1);
        return nextMonth.atStartOfDay(ZoneOffset.UTC).toInstant().plus(retention);
    }
}
