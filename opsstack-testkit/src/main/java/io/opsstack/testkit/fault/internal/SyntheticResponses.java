package io.opsstack.testkit.fault.internal;

import io.opsstack.testkit.fault.FaultSpec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The answers a proxy makes up for {@code RESPOND} faults: the status, a JSON error, optional Retry-After. */
final class SyntheticResponses {
    private SyntheticResponses() {
    }

    static byte[] of(FaultSpec spec, boolean close) {
        int status = spec.status();
        String body = "{\"error\":{\"type\":\"injected_fault\",\"reason\":\"HTTP " + status
                + " injected by the fault proxy\"},\"status\":" + status + "}";
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"Content-Type", "application/json"});
        if (spec.retryAfter() != null) {
            headers.add(new String[] {"Retry-After", Long.toString(wholeSeconds(spec.retryAfter()))});
        }
        if (close) {
            headers.add(new String[] {"Connection", "close"});
        }
        return HttpMessage.of("HTTP/1.1 " + status + " " + reason(status), headers,
                body.getBytes(StandardCharsets.UTF_8)).bytes();
    }

    private static long wholeSeconds(Duration duration) {
        long seconds = duration.getSeconds();
        return duration.getNano() > 0 ? seconds + 1 : seconds;
    }

    private static String reason(int status) {
        return switch (status) {
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status < 300 ? "OK" : "Injected Fault";
        };
    }
}
