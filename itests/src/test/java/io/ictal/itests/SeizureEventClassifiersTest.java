package io.ictal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The seizure-type and video-semiology classifiers (features ictal-seizure-type and ictal-video, booted)
 * following the detector in the booted assembly: {@code ictal:simulate} writes an EEG with a tonic-clonic
 * seizure, the video simulator a bed video with a tonic-clonic seizure at the same recording time (the
 * video starts 30 s into the recording), and {@code ictal:analyze --json --video V@30} shows the seizure,
 * its type and its semiology, both tied to the seizure's marker.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SeizureEventClassifiersTest extends IctalKarafTestSupport {

    private static final String VIDEO_PROPERTY = "ictal.itest.video";

    /** Runs in the test JVM before Karaf starts: the video is written there (its simulator is private to its bundle). */
    @Configuration
    public Option[] configuration() throws Exception {
        Path video = Files.createTempDirectory("ictal-itest-video").resolve("bed.mp4");
        // Recording time 90-160 s = video time 60-130 s.
        io.ictal.video.internal.VideoSimulatorMain.main(new String[] {"--out", video.toString(), "--seconds", "180",
            "--seed", "17", "--patient", "901", "--seizure", "60:70:TCS:left"});
        return IctalKaraf.options(systemProperty(VIDEO_PROPERTY).value(video.toString()));
    }

    @Test
    public void aDetectedSeizureGetsItsTypeAndItsVideoSemiology() throws Exception {
        Path dir = Files.createTempDirectory("ictal-itest-types");
        Path eeg = dir.resolve("tcs.edf");
        IctalKaraf.execute(sessionFactory, "ictal:simulate --seconds 240 --seed 11 --seizure 90:70:C3:tcsz " + eeg);

        JsonObject report = JsonParser.parseString(IctalKaraf.execute(sessionFactory,
                "ictal:analyze --json --video " + System.getProperty(VIDEO_PROPERTY) + "@30 " + eeg)).getAsJsonObject();

        assertEquals(report.toString(), "completed", report.get("status").getAsString());
        List<JsonObject> seizures = events(report, "seizure-detection");
        assertEquals(report.toString(), 1, seizures.size());
        JsonObject seizure = seizures.get(0);
        double onset = seizure.get("onset").getAsDouble();
        double offset = onset + seizure.get("duration").getAsDouble();
        assertTrue(report.toString(), onset < 160 && offset > 90);

        List<JsonObject> types = events(report, "seizure-type");
        assertEquals(report.toString(), 1, types.size());
        JsonObject type = types.get(0);
        assertEquals(seizure.get("id").getAsString(), type.getAsJsonObject("attributes").get("event").getAsString());
        assertEquals(onset, type.get("onset").getAsDouble(), 1e-6);
        int typeScores = 0;
        double best = -1;
        String bestLabel = null;
        for (var e : type.getAsJsonObject("attributes").entrySet()) {
            if (e.getKey().startsWith("score.")) {
                typeScores++;
                if (Double.parseDouble(e.getValue().getAsString()) > best) {
                    best = Double.parseDouble(e.getValue().getAsString());
                    bestLabel = e.getKey().substring("score.".length());
                }
            }
        }
        assertEquals(type.toString(), 8, typeScores);
        assertEquals(type.toString(), bestLabel, type.get("label").getAsString());

        List<JsonObject> semiology = events(report, "seizure-semiology");
        assertEquals(report.toString(), 1, semiology.size());
        assertEquals(seizure.get("id").getAsString(),
                semiology.get(0).getAsJsonObject("attributes").get("event").getAsString());
        assertEquals(semiology.get(0).toString(), "TCS", semiology.get(0).get("label").getAsString());
        assertTrue(report.get("summary").getAsString(), report.get("summary").getAsString().contains("3 queued for review"));
    }

    private static List<JsonObject> events(JsonObject report, String task) {
        List<JsonObject> found = new ArrayList<>();
        for (JsonElement e : report.getAsJsonArray("events")) {
            if (e.getAsJsonObject().get("task").getAsString().equals(task)) {
                found.add(e.getAsJsonObject());
            }
        }
        return found;
    }
}
