package io.opsstack.testkit.victoria.internal.sim;

/** Writes Prometheus text exposition lines. */
final class MetricLines {
    private final StringBuilder out = new StringBuilder();

    /** Adds {@code name{l1="v1",...} value}; labels are given as name, value pairs. */
    MetricLines add(String name, double value, String... labelPairs) {
        out.append(name);
        if (labelPairs.length > 0) {
            out.append('{');
            for (int i = 0; i < labelPairs.length; i += 2) {
                if (i > 0) {
                    out.append(", ");
                }
                out.append(labelPairs[i]).append("=\"").append(escape(labelPairs[i + 1])).append('"');
            }
            out.append('}');
        }
        out.append(' ');
        if (value == Math.rint(value) && !Double.isInfinite(value)) {
            out.append((long) value);
        } else {
            out.append(value);
        }
        out.append('\n');
        return this;
    }

    /** The lines every component serves: version and uptime. */
    MetricLines common(String component, long startMillis) {
        add("vm_app_version", 1, "version", component + "-simulated-v1.79.5-cluster", "short_version", "v1.79.5");
        add("vm_app_start_timestamp", startMillis / 1000);
        add("vm_app_uptime_seconds", (System.currentTimeMillis() - startMillis) / 1000.0);
        return this;
    }

    String text() {
        return out.toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
