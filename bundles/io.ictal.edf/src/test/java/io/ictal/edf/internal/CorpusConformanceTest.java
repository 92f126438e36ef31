package io.ictal.edf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ictal.api.recording.Annotation;
import io.ictal.api.recording.ChannelType;
import io.ictal.api.recording.ReadMode;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingFormatException;
import io.ictal.api.recording.RecordingHeader;
import io.ictal.api.recording.SignalInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every EDF/BDF file of the shared corpus, read strictly and checked against facts of its header
 * (taken by byte slicing) and its annotations (as MNE reads them): src/test/python/corpus_facts.py
 * regenerates src/test/resources/corpus-facts.tsv. Skipped, visibly, when the folder is absent.
 */
class CorpusConformanceTest {

    private static final Path CORPUS = Path.of(System.getProperty("ictal.shared.data", "../../../shared/data"))
            .resolve("edf-corpus");

    private final EdfRecordingReader reader = new EdfRecordingReader();

    private static final String ABSENT = "Shared EDF corpus folder " + CORPUS.toAbsolutePath()
            + " is absent: corpus conformance tests did not run (set -Dictal.shared.data)";

    @BeforeAll
    static void sayWhenTheCorpusIsAbsent() {
        if (!Files.isDirectory(CORPUS)) {
            // Surefire shows skips as a count only; this line says why on the console.
            System.err.println("SKIPPED: " + ABSENT);
        }
    }

    @BeforeEach
    void corpusPresent() {
        assumeTrue(Files.isDirectory(CORPUS), ABSENT);
    }

    static Stream<Arguments> facts() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (InputStream in = CorpusConformanceTest.class.getResourceAsStream("/corpus-facts.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] f = line.split("\t", -1);
                    rows.add(Arguments.of(f[0], (Object) f));
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("facts")
    void readsEveryFileStrictlyAsItsHeaderSays(String path, String[] f) throws Exception {
        try (Recording r = reader.open(CORPUS.resolve(path))) {
            RecordingHeader h = r.header();
            assertEquals(f[1], h.format().name(), "format");
            assertEquals(Integer.parseInt(f[2]), h.signals().size(), "signals");
            assertEquals(Long.parseLong(f[3]), h.recordCount(), "records");
            assertEquals(Double.parseDouble(f[4]), h.recordDurationSeconds(), "record duration");
            LocalDateTime start = h.start();
            String[] dt = f[5].split("[ .]");
            assertEquals(Integer.parseInt(dt[0]), start.getDayOfMonth());
            assertEquals(Integer.parseInt(dt[1]), start.getMonthValue());
            assertEquals(Integer.parseInt(dt[2]), start.getYear() % 100);
            assertTrue(start.getYear() >= 1985 && start.getYear() <= 2084, "the 1985-2084 rule");
            assertEquals(Integer.parseInt(dt[3]), start.getHour());
            assertEquals(Integer.parseInt(dt[5]), start.getSecond());
            String[] labels = f[6].split("\\|", -1);
            String[] spr = f[7].split("\\|");
            String[] physicalMin = f[8].split("\\|");
            String[] digitalMax = f[9].split("\\|");
            for (int i = 0; i < labels.length; i++) {
                SignalInfo s = h.signals().get(i);
                assertEquals(labels[i], s.label());
                assertEquals(Integer.parseInt(spr[i]), s.samplesPerRecord());
                assertEquals(Double.parseDouble(physicalMin[i]), s.physicalMin(), 0);
                assertEquals(Integer.parseInt(digitalMax[i]), s.digitalMax());
                assertEquals(labels[i].endsWith("Annotations"), s.type() == ChannelType.ANNOTATION);
            }
            checkAnnotations(f[10], r.annotations());
            assertTrue(r.warnings().isEmpty(), "a strict read has no warnings");
            assertEquals(h.recordCount(), r.segments().stream().mapToLong(s -> s.recordCount()).sum());
            for (SignalInfo s : h.dataSignals()) {
                if (h.recordDurationSeconds() > 0) {
                    float[] all = r.read(s.index(), 0, h.durationSeconds());
                    assertEquals(h.recordCount() * s.samplesPerRecord(), all.length);
                    for (float v : all) {
                        // Every sample decodes to a physical value near the declared range (no NaN inside the data).
                        assertFalse(Float.isNaN(v));
                    }
                }
            }
        }
    }

    /** count|first onset|first text|last onset|last text, as MNE reads them. */
    private static void checkAnnotations(String mne, List<Annotation> annotations) {
        String[] a = mne.split("\\|", -1);
        assertEquals(Integer.parseInt(a[0]), annotations.size(), "annotation count");
        if (annotations.isEmpty()) {
            return;
        }
        Annotation first = annotations.get(0);
        Annotation last = annotations.get(annotations.size() - 1);
        assertEquals(Double.parseDouble(a[1]), first.onsetSeconds(), 1e-6);
        assertEquals(a[2], first.text());
        assertEquals(Double.parseDouble(a[3]), last.onsetSeconds(), 1e-6);
        assertTrue(annotations.stream().anyMatch(x -> x.text().equals(a[4])), a[4]);
    }

    @Test
    void shortPsgMatchesItsFullReferenceHeader() throws Exception {
        JsonArray reference;
        try (var in = Files.newBufferedReader(CORPUS.resolve("edfio/short_psg_header_reference.json"))) {
            reference = JsonParser.parseReader(in).getAsJsonArray();
        }
        for (String name : List.of("edfio/short_psg.edf", "edfio/short_psg.bdf")) {
            try (Recording r = reader.open(CORPUS.resolve(name))) {
                List<SignalInfo> signals = r.header().signals();
                assertEquals(reference.size(), signals.size());
                for (int i = 0; i < reference.size(); i++) {
                    JsonObject ref = reference.get(i).getAsJsonObject();
                    SignalInfo s = signals.get(i);
                    assertEquals(ref.get("label").getAsString(), s.label());
                    assertEquals(ref.get("transducer_type").getAsString(), s.transducer());
                    assertEquals(ref.get("physical_dimension").getAsString(), s.physicalDimension());
                    assertEquals(number(ref.get("physical_min")), s.physicalMin(), 0);
                    assertEquals(number(ref.get("physical_max")), s.physicalMax(), 0);
                    if (name.endsWith(".edf")) {
                        assertEquals(ref.get("digital_min").getAsInt(), s.digitalMin());
                        assertEquals(ref.get("digital_max").getAsInt(), s.digitalMax());
                    }
                    assertEquals(ref.get("prefiltering").getAsString(), s.prefiltering());
                    assertEquals(ref.get("samples_per_data_record").getAsInt(), s.samplesPerRecord());
                    assertEquals(ref.get("sampling_frequency").getAsDouble(), s.samplingRateHz(), 1e-12);
                }
                assertEquals(LocalDateTime.of(1989, 4, 24, 16, 13, 0), r.header().start());
                assertEquals("", r.header().patient().sex(), "plain EDF: subfields are not parsed");
                assertFalse(r.header().patient().raw().isEmpty());
            }
        }
    }

    private static double number(JsonElement e) {
        return e.getAsDouble();
    }

    /** The EDF and BDF versions of the same recordings hold the same physical values (within one EDF step). */
    @ParameterizedTest
    @CsvSource({"edfio/short_psg", "edfio/mne_test", "edfio/test_subsecond"})
    void edfAndBdfVersionsAgree(String stem) throws Exception {
        try (Recording edf = reader.open(CORPUS.resolve(stem + ".edf"));
                Recording bdf = reader.open(CORPUS.resolve(stem + ".bdf"))) {
            assertEquals(edf.header().dataSignals().size(), bdf.header().dataSignals().size());
            for (SignalInfo s : edf.header().dataSignals()) {
                float[] a = edf.read(s.index(), 0, edf.header().durationSeconds());
                float[] b = bdf.read(s.index(), 0, bdf.header().durationSeconds());
                assertEquals(a.length, b.length);
                double step = Math.abs(s.gain());
                for (int i = 0; i < a.length; i++) {
                    assertEquals(a[i], b[i], step * 1.01 + 1e-3 * Math.abs(a[i]), s.label() + " sample " + i);
                }
            }
            assertEquals(edf.annotations().size(), bdf.annotations().size());
        }
    }

    @Test
    void gdfFileIsRefusedWithAClearTypedError() {
        for (ReadMode mode : ReadMode.values()) {
            RecordingFormatException e = assertThrows(RecordingFormatException.class,
                    () -> reader.open(CORPUS.resolve("mne-testing-data/test_1ch.gdf"), mode));
            assertEquals("test_1ch.gdf: header.version at byte 0: expected \"0\" (EDF) or 0xFF \"BIOSEMI\" (BDF), "
                    + "found \"GDF\" (a GDF file, not EDF/BDF)", e.getMessage());
        }
    }

    @Test
    void knownQuirksOfTheCorpus() throws Exception {
        try (Recording r = reader.open(CORPUS.resolve("epilepsy2bids_headers_noise_data/chb01_01_sample.edf"))) {
            assertEquals(2076, r.header().start().getYear(), "yy=76 is 2076 by the 1985-2084 rule");
            long t8p8 = r.header().signals().stream().filter(s -> s.label().startsWith("T8-P8")).count();
            assertEquals(2, t8p8, "the duplicate bipolar label is kept");
            assertTrue(r.header().signals().stream().filter(s -> s.label().startsWith("T8-P8"))
                    .allMatch(s -> s.derivation().bipolar() && s.derivation().electrode().equals("T8")));
        }
        try (Recording r = reader.open(CORPUS.resolve("pyedflib/test_legacy.edf"))) {
            assertEquals("EDF", r.header().format().name(), "a blank reserved field is plain EDF");
            assertEquals(2, r.annotations().size(), "its annotation channel is still read");
        }
        try (Recording r = reader.open(CORPUS.resolve("edfio/test_subsecond.edf"))) {
            assertEquals(394_531_200, r.header().start().getNano(), "the sub-second start of the first TAL");
        }
        try (Recording r = reader.open(CORPUS.resolve("pyedflib/test_utf8.edf"))) {
            assertTrue(r.annotations().stream().anyMatch(a -> !a.text().chars().allMatch(c -> c < 128)),
                    "UTF-8 annotation text decoded");
        }
    }
}
