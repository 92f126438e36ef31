package io.ictal.simulator.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.recording.Recording;
import io.ictal.edf.internal.EdfRecordingReader;
import io.ictal.edf.internal.EdfRecordingWriterService;
import io.ictal.simulator.internal.EegSimulatorComponent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTheRecordingWithTheChosenElectrodesAndListsTheSeizures() throws Exception {
        SimulateCommand command = new SimulateCommand();
        command.simulator = new EegSimulatorComponent(new EdfRecordingWriterService());
        Path out = dir.resolve("demo.edf");
        // As Karaf fills them from: --hours 0.5 --seed 11 --seizures-per-hour 6 --channels "..." OUT.edf
        command.file = out.toString();
        command.hours = "0.5";
        command.seed = "11";
        command.seizuresPerHour = "6";
        command.channels = "Fp1, F7, T3, C3, Cz";
        PrintStream saved = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            command.execute();
        } finally {
            System.setOut(saved);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("wrote " + out + ": 1800 s, 5 electrodes + EKG, seed 11"), text);
        assertTrue(text.contains("FOCAL_EVOLVING focus"), "6 per hour over 30 min lists seizures: " + text);
        try (Recording r = new EdfRecordingReader().open(out)) {
            assertEquals(6, r.header().dataSignals().size());
            assertEquals("EEG T7-REF", r.header().dataSignals().get(2).label());
        }
    }

    @Test
    void backgroundRangesReachTheSimulator() {
        SimulateCommand command = new SimulateCommand();
        command.file = "x.edf";
        command.alphaUv = "5:60";
        command.backgroundUv = "8:35";
        assertEquals(new io.ictal.simulator.SimulationSpec.Background(5, 60, 8, 35),
                io.ictal.simulator.internal.SimulatorMain.parse(command.arguments()).spec().background());
    }

    @Test
    void aBadOptionIsNamed() {
        SimulateCommand command = new SimulateCommand();
        command.simulator = new EegSimulatorComponent(new EdfRecordingWriterService());
        command.file = "x.edf";
        command.hours = "many";
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                command::execute);
        assertTrue(e.getMessage().contains("option --hours: expected a number, was 'many'"), e.getMessage());
    }
}
