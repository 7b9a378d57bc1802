package io.opsstack.api.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects a whole page into a {@link MetricsPage}, keeping at most {@code maxWarnings} warnings. */
final class PageCollector implements SampleVisitor {
    private static final class FamilyBuilder {
        MetricDescriptor descriptor;
        final List<Sample> samples = new ArrayList<>();

        FamilyBuilder(MetricDescriptor descriptor) {
            this.descriptor = descriptor;
        }
    }

    private final Map<String, FamilyBuilder> families = new LinkedHashMap<>();
    private final List<ParseWarning> warnings = new ArrayList<>();
    private final int maxWarnings;
    private long omittedWarnings;
    private long lastOmittedLine;

    PageCollector(int maxWarnings) {
        this.maxWarnings = maxWarnings;
    }

    @Override
    public void onSample(MetricDescriptor family, Sample sample) {
        update(family).samples.add(sample);
    }

    @Override
    public void onMetadata(MetricDescriptor family) {
        update(family);
    }

    @Override
    public void onWarning(ParseWarning warning) {
        if (warnings.size() < maxWarnings) {
            warnings.add(warning);
        } else {
            omittedWarnings++;
            lastOmittedLine = warning.lineNumber();
        }
    }

    MetricsPage toPage() {
        List<MetricFamily> result = new ArrayList<>(families.size());
        for (FamilyBuilder family : families.values()) {
            MetricDescriptor d = family.descriptor;
            result.add(new MetricFamily(d.name(), d.type(), d.help(), family.samples));
        }
        List<ParseWarning> allWarnings = new ArrayList<>(warnings);
        if (omittedWarnings > 0) {
            allWarnings.add(new ParseWarning(lastOmittedLine, omittedWarnings + " further warnings omitted", ""));
        }
        return new MetricsPage(result, allWarnings);
    }

    private FamilyBuilder update(MetricDescriptor descriptor) {
        FamilyBuilder family = families.computeIfAbsent(descriptor.name(), name -> new FamilyBuilder(descriptor));
        family.descriptor = descriptor;
        return family;
    }
}
