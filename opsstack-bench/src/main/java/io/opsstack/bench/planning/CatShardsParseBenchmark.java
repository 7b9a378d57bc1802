package io.opsstack.bench.planning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsstack.opensearch.CatShardsParser;
import io.opsstack.opensearch.model.ShardRow;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parses a 100,000-row {@code _cat/shards} JSON answer (with relocating and unassigned rows). Goal: under
 * 300 ms. The baseline reads the same answer into a plain Jackson tree, the first half of the parser's
 * work, so the ratio between the two does not depend on how busy the machine is.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-Xms512m"})
public class CatShardsParseBenchmark {
    static final int ROWS = 100_000;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private String json;

    @Setup
    public void setUp() {
        json = SyntheticTierCluster.catShardsJson(ROWS);
        if (parse().size() != ROWS) {
            throw new IllegalStateException("the synthetic answer does not parse to " + ROWS + " rows");
        }
    }

    @Benchmark
    public List<ShardRow> parse() {
        return CatShardsParser.parse(json);
    }

    @Benchmark
    public JsonNode jacksonTreeBaseline() throws JsonProcessingException {
        return MAPPER.readTree(json);
    }
}
