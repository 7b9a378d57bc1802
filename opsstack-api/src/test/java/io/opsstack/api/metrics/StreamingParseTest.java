package io.opsstack.api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A generated 100k-line page, produced lazily by a Reader so that no copy of it is held in memory. */
class StreamingParseTest {
    private static final int SERIES = 100_000;

    /** Emits {@code # HELP}/{@code # TYPE} for one counter and {@link #SERIES} samples, line by line. */
    private static final class GeneratedPage extends Reader {
        private final int malformedEvery;
        private int next = -2;
        private String pending = "";
        private int offset;

        GeneratedPage(int malformedEvery) {
            this.malformedEvery = malformedEvery;
        }

        @Override
        public int read(char[] buffer, int off, int len) {
            if (offset == pending.length()) {
                if (next >= SERIES) {
                    return -1;
                }
                pending = line(next++);
                offset = 0;
            }
            int count = Math.min(len, pending.length() - offset);
            pending.getChars(offset, offset + count, buffer, off);
            offset += count;
            return count;
        }

        private String line(int index) {
            if (index == -2) {
                return "# HELP generated_requests_total Generated requests.\n";
            }
            if (index == -1) {
                return "# TYPE generated_requests_total counter\n";
            }
            if (malformedEvery > 0 && index % malformedEvery == 0) {
                return "generated_requests_total{shard=\"" + index + "\"} not-a-number\n";
            }
            return "generated_requests_total{shard=\"" + index + "\",zone=\"z" + index % 3 + "\"} " + index + "\n";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void hundredThousandLinesAreStreamedToTheVisitor() {
        long[] count = {0};
        double[] sum = {0};
        Map<String, Integer> perZone = new HashMap<>();
        List<MetricDescriptor> metadata = new ArrayList<>();
        List<ParseWarning> warnings = new ArrayList<>();

        PrometheusTextParser.create().parse(new GeneratedPage(0), new SampleVisitor() {
            @Override
            public void onSample(MetricDescriptor family, Sample sample) {
                assertEquals("generated_requests_total", family.name());
                assertEquals(MetricType.COUNTER, family.type());
                count[0]++;
                sum[0] += sample.value();
                perZone.merge(sample.labels().get("zone"), 1, Integer::sum);
            }

            @Override
            public void onMetadata(MetricDescriptor family) {
                metadata.add(family);
            }

            @Override
            public void onWarning(ParseWarning warning) {
                warnings.add(warning);
            }
        });

        assertEquals(SERIES, count[0]);
        assertEquals((double) SERIES * (SERIES - 1) / 2, sum[0]);
        assertEquals(Map.of("z0", 33_334, "z1", 33_333, "z2", 33_333), perZone);
        assertEquals(List.of(
                new MetricDescriptor("generated_requests_total", MetricType.UNTYPED, "Generated requests."),
                new MetricDescriptor("generated_requests_total", MetricType.COUNTER, "Generated requests.")),
                metadata);
        assertEquals(List.of(), warnings);
    }

    @Test
    void malformedLinesOfAStreamGoToTheVisitor() {
        List<ParseWarning> warnings = new ArrayList<>();
        long[] samples = {0};

        PrometheusTextParser.create().parse(new GeneratedPage(10_000), new SampleVisitor() {
            @Override
            public void onSample(MetricDescriptor family, Sample sample) {
                samples[0]++;
            }

            @Override
            public void onWarning(ParseWarning warning) {
                warnings.add(warning);
            }
        });

        assertEquals(SERIES - 10, samples[0]);
        assertEquals(10, warnings.size());
        assertEquals(3, warnings.get(0).lineNumber(), "line 3 holds shard 0");
        assertEquals(10_003, warnings.get(1).lineNumber());
    }

    @Test
    void strictStreamStopsAtTheFirstMalformedLine() {
        long[] samples = {0};
        PrometheusTextParser strict = PrometheusTextParser.builder().strict(true).build();

        MetricsParseException e = assertThrows(MetricsParseException.class,
                () -> strict.parse(new GeneratedPage(50_000), (family, sample) -> samples[0]++));

        assertEquals(3, e.warning().lineNumber());
        assertEquals(0, samples[0]);
    }
}
