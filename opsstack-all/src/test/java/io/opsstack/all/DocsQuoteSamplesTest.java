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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every code block marked {@code <!-- sample: path -->} in the docs is a verbatim excerpt of that (tested) sample. */
class DocsQuoteSamplesTest {
    private static final Pattern QUOTE = Pattern.compile("<!-- sample: (\\S+) -->\\s*```\\w*\\n(.*?)```", Pattern.DOTALL);

    @ParameterizedTest
    @ValueSource(strings = {"docs/cli.md", "docs/scripting.md"})
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
        assertTrue(quotes >= 2, doc + " quotes samples");
        assertEquals(List.of(), outOfSync, doc + " blocks that are not in their sample any more");
    }
}
