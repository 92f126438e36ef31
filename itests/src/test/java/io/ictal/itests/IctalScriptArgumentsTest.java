package io.ictal.itests;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * bin/ictal turns what users type into the Karaf command line: options moved in front of
 * arguments (Karaf reads them only there), two-word commands mapped, paths made absolute. Runs the
 * real script with its Karaf client replaced by an echo. No Karaf needed.
 */
public class IctalScriptArgumentsTest {

    private static Path work;
    private static Path script;

    @BeforeClass
    public static void prepare() throws IOException {
        work = Files.createTempDirectory("ictal-args");
        Files.createFile(work.resolve("rec.edf"));
        Files.createDirectory(work.resolve("exports"));
        Files.createFile(work.resolve("bed.mp4"));
        String original = Files.readString(Path.of("../karaf-assembly/src/main/resources/assembly/bin/ictal"));
        String stubbed = original.replaceFirst("(?m)^main \"\\$@\"$",
                "ensure_started() { :; }\nclient() { echo \"\\$1\"; }\nmain \"\\$@\"");
        script = work.resolve("ictal-stubbed");
        Files.writeString(script, stubbed);
    }

    private static String karafLine(String... userArguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(userArguments));
        Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor(30, TimeUnit.SECONDS);
        assertEquals(out, 0, p.exitValue());
        return out;
    }

    @Test
    public void optionsAfterTheFileMoveInFront() throws Exception {
        assertEquals("ictal:info --json " + work.resolve("rec.edf"), karafLine("info", "rec.edf", "--json"));
        assertEquals("ictal:info --lenient --json " + work.resolve("rec.edf"),
                karafLine("info", "--lenient", "rec.edf", "--json"));
    }

    @Test
    public void optionValuesStayWithTheirOption() throws Exception {
        assertEquals("ictal:simulate --hours 0.25 --seed 7 " + work.resolve("demo.edf"),
                karafLine("simulate", "demo.edf", "--hours", "0.25", "--seed", "7"));
        assertEquals("ictal:queue-decide --confirm --reviewer alice 12 13",
                karafLine("queue", "decide", "12", "13", "--confirm", "--reviewer", "alice"));
    }

    @Test
    public void twoWordCommandsAndOutputFoldersBecomeKarafForms() throws Exception {
        String exports = work.resolve("exports").toString();
        assertEquals("ictal:queue-export --format bids --all --out " + exports,
                karafLine("queue", "export", "--format", "bids", "--all", "--out", "exports"));
        assertEquals("ictal:queue-export --format=json --out=" + exports,
                karafLine("queue", "export", "--format=json", "--out=exports"));
    }

    @Test
    public void argumentsWithSpacesOrQuotesAreQuotedForKaraf() throws Exception {
        assertEquals("ictal:info \"" + work.resolve("my \\\"night\\\".edf") + "\"",
                karafLine("info", "my \"night\".edf"));
    }

    @Test
    public void videoValuesStayWithTheirOptionEvenWhenTheFileExists() throws Exception {
        String video = work.resolve("bed.mp4").toString();
        assertEquals("ictal:analyze --json --video " + video + "@-2.5 --video " + video + " " + work.resolve("rec.edf"),
                karafLine("analyze", "rec.edf", "--json", "--video", "bed.mp4@-2.5", "--video", "bed.mp4"));
        assertEquals("ictal:analyze --video " + video + "@12 " + work.resolve("rec.edf"),
                karafLine("analyze", "--video", "bed.mp4@12", "rec.edf"));
    }
}
