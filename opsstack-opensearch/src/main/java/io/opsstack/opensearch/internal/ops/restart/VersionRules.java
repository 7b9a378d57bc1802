package io.opsstack.opensearch.internal.ops.restart;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.opsstack.api.error.OpsValidationException;

/**
 * The upgrade paths OpenSearch supports for a rolling upgrade: no downgrade, at most one major version
 * ahead, and 3.x only from 2.19.0 or later.
 */
public final class VersionRules {

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(?:[-.].*)?");
    private static final int[] MIN_FOR_MAJOR_3 = {2, 19, 0};

    private VersionRules() {
    }

    /** Null when the upgrade from {@code current} to {@code target} is allowed, else the reason it is not. */
    public static String violation(String current, String target) {
        int[] from = parse(current);
        int[] to = parse(target);
        if (compare(to, from) < 0) {
            return "downgrade from " + current + " to " + target + " is not supported";
        }
        if (to[0] > from[0] + 1) {
            return "upgrade from " + current + " to " + target + " skips a major version; upgrade to "
                    + (from[0] + 1) + ".x first";
        }
        if (to[0] == 3 && from[0] == 2 && compare(from, MIN_FOR_MAJOR_3) < 0) {
            return "upgrade to " + target + " needs 2.19.0 or later, the cluster runs " + current;
        }
        return null;
    }

    /** Parses {@code major.minor.patch} (suffixes such as {@code -SNAPSHOT} ignored). */
    public static int[] parse(String version) {
        Matcher matcher = version == null ? null : VERSION.matcher(version.trim());
        if (matcher == null || !matcher.matches()) {
            throw new OpsValidationException("not an OpenSearch version: '" + version + "' (expected e.g. 2.19.4)");
        }
        return new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3))};
    }

    static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }
}
