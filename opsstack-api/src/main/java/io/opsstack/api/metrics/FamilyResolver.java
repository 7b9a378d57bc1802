package io.opsstack.api.metrics;

import java.util.HashMap;
import java.util.Map;

/**
 * Tracks the families of one page and assigns each sample to one: by exact name, by a member suffix
 * of a known family ({@code x_bucket} to histogram {@code x}), or, for pages without {@code # TYPE}
 * lines (VictoriaMetrics), by inference from {@code le}/{@code vmrange} and {@code quantile} labels.
 */
final class FamilyResolver {
    private static final class Family {
        final String name;
        ExpositionType type = ExpositionType.UNTYPED;
        String help = "";
        boolean typeDeclared;
        boolean helpDeclared;
        boolean hasSamples;
        MetricDescriptor descriptor;

        Family(String name) {
            this.name = name;
            refresh();
        }

        void refresh() {
            descriptor = new MetricDescriptor(name, type.metricType, help);
        }
    }

    private final Map<String, Family> families = new HashMap<>();

    /** Applies a {@code # TYPE} line; returns the updated family. */
    MetricDescriptor declareType(String name, String typeName) {
        ExpositionType type = ExpositionType.fromName(typeName);
        if (type == null) {
            throw new MalformedLineException("unknown metric type '" + typeName + "'");
        }
        Family family = families.computeIfAbsent(name, Family::new);
        if (family.typeDeclared) {
            throw new MalformedLineException("second TYPE line for '" + name + "'");
        }
        if (family.hasSamples) {
            throw new MalformedLineException("TYPE line for '" + name + "' after its samples");
        }
        family.type = type;
        family.typeDeclared = true;
        family.refresh();
        return family.descriptor;
    }

    /** Applies a {@code # HELP} line; returns the updated family. */
    MetricDescriptor declareHelp(String name, String help) {
        Family family = families.computeIfAbsent(name, Family::new);
        if (family.helpDeclared) {
            throw new MalformedLineException("second HELP line for '" + name + "'");
        }
        family.help = help;
        family.helpDeclared = true;
        family.refresh();
        return family.descriptor;
    }

    /** The family {@code sample} belongs to, or null if the sample is an OpenMetrics {@code _created} series to drop. */
    MetricDescriptor resolve(Sample sample) {
        Family family = find(sample);
        if (family != null) {
            family.hasSamples = true;
        }
        return family == null ? null : family.descriptor;
    }

    private Family find(Sample sample) {
        String name = sample.name();
        Family exact = families.get(name);
        if (exact != null) {
            return exact;
        }
        for (String suffix : ExpositionType.ALL_SUFFIXES) {
            if (!name.endsWith(suffix)) {
                continue;
            }
            Family base = families.get(name.substring(0, name.length() - suffix.length()));
            if (base == null) {
                continue;
            }
            if (suffix.equals("_created") && base.typeDeclared && base.type.hasCreatedSeries) {
                return null;
            }
            if (base.type.memberSuffixes.contains(suffix)) {
                return base;
            }
        }
        return inferFamily(sample);
    }

    /** Without a TYPE line, Prometheus would call these untyped; the bucket and quantile labels say more. */
    private Family inferFamily(Sample sample) {
        String name = sample.name();
        Map<String, String> labels = sample.labels();
        if (name.endsWith("_bucket") && (labels.containsKey("le") || labels.containsKey("vmrange"))) {
            String baseName = name.substring(0, name.length() - "_bucket".length());
            if (!families.containsKey(baseName)) {
                return create(baseName, ExpositionType.HISTOGRAM);
            }
        } else if (labels.containsKey("quantile")) {
            return create(name, ExpositionType.SUMMARY);
        }
        return create(name, ExpositionType.UNTYPED);
    }

    private Family create(String name, ExpositionType type) {
        Family family = new Family(name);
        family.type = type;
        family.refresh();
        families.put(name, family);
        return family;
    }
}
