package io.opsstack.opensearch.internal.ops.tier;

import io.opsstack.opensearch.OpenSearchResponseException;
import java.util.Locale;

/**
 * A disk watermark ({@code cluster.routing.allocation.disk.watermark.low}): a used percentage
 * ({@code 85%}), a used ratio ({@code 0.85}) or free bytes that must remain ({@code 500mb}).
 *
 * @param enabled {@code cluster.routing.allocation.disk.threshold_enabled}; when false no limit applies
 */
public record DiskWatermark(boolean enabled, String raw) {
    public static final String DEFAULT_LOW = "85%";

    /** How many bytes of {@code totalBytes} may be used before the watermark is reached. */
    public long usableBytes(long totalBytes) {
        if (!enabled) {
            return totalBytes;
        }
        String text = raw.trim().toLowerCase(Locale.ROOT);
        try {
            if (text.endsWith("%")) {
                return (long) (totalBytes * Double.parseDouble(text.substring(0, text.length() - 1)) / 100.0);
            }
            if (text.matches("\\d*\\.\\d+|[01]")) {
                return (long) (totalBytes * Double.parseDouble(text));
            }
            return totalBytes - ByteSizes.parse(text);
        } catch (RuntimeException e) {
            throw new OpenSearchResponseException("unreadable disk watermark '" + raw + "'", e, null);
        }
    }

    @Override
    public String toString() {
        return enabled ? raw : "disabled";
    }
}
