package io.opsstack.all;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every code block marked {@code <!-- sample: path -->} in the docs is a verbatim excerpt of that (tested) sample. */
class DocsQuoteSamplesTest {
    private static final Pattern QUOTE = Pattern.compile("<!-- sample: (\\S+) -->\\s*```\\w*\\n(.*?)```", Pattern.DOTALL);

    /** The CLI and scripting pages, and every operation page (each quotes at least its Java call). */
    static Stream<String> docs() throws IOException {
        Path root = JarProcess.samplesDir().getParent();
        try (Stream<Path> pages = Files.list(root.resolve("docs/operations"))) {
            List<String> operationPages = pages.map(page -> "docs/operations/" + page.getFileName())
                    .filter(page -> page.endsWith(".md") && !page.endsWith("README.md")).sorted().toList();
            return Stream.concat(Stream.of("docs/cli.md", "docs/scripting.md"), operationPages.stream());
        }
    }

    @ParameterizedTest
    @MethodSource("docs")
    void quotedBlocksMatchTheSamples(String doc) throws IOException {
        Path root = JarProcess.samplesDir().getParent();
        String text = Files.readString(root.resolve(doc), StandardCharsets.UTF_8);
        Matcher quote = QUOTE.matcher(text);
        List<String> outOfSync = new ArrayList<>();
        int quotes = 0;
        while (quote.find()) {
            quotes++;
            String sample = Files.readString(root.resolve(quote.group(1)), StandardCharsets.UTF_8);
            if (!sample.contains(quote.group(2))) {
                outOfSync.add(quote.group(1) + ":\n" + quote.group(2));
            }
        }
        assertTrue(quotes >= (doc.startsWith("docs/operations/") ? 1 : 2), doc + " quotes samples");
        assertEquals(List.of(), outOfSync, doc + " blocks that are not in their sample any more");
    }
}
