package io.opsstack.api.internal.http;

import io.opsstack.api.secret.Redaction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Masks header values that carry credentials before headers reach a {@code toString()} or a log line. */
public final class SensitiveHeaders {
    private static final Pattern SENSITIVE_NAME = Pattern.compile(
            "authorization|proxy-authorization|cookie|set-cookie|.*(token|secret|password|api-?key|session|credential).*");

    private SensitiveHeaders() {
    }

    public static boolean isSensitive(String name) {
        return SENSITIVE_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }

    public static String masked(String name, String value) {
        return isSensitive(name) ? Redaction.MASK : Redaction.redact(value);
    }

    /** A copy fit for printing: sensitive values replaced by {@code ****}, others redacted. */
    public static Map<String, Object> printable(Map<String, ?> headers) {
        Map<String, Object> out = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (value instanceof List<?> values) {
                out.put(name, values.stream().map(v -> masked(name, String.valueOf(v))).toList());
            } else {
                out.put(name, masked(name, String.valueOf(value)));
            }
        });
        return out;
    }
}
