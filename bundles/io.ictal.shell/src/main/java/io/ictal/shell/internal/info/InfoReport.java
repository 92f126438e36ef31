package io.ictal.shell.internal.info;

import io.ictal.api.recording.Annotation;
import io.ictal.api.recording.Derivation;
import io.ictal.api.recording.ReadMode;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingHeader;
import io.ictal.api.recording.SignalInfo;
import java.util.List;
import java.util.Locale;

/**
 * What {@code ictal:info} reports about a recording. The field names are the stable {@code --json}
 * schema (documented in bundles/io.ictal.edf/README.md); {@code schema} names its version.
 * Patient-identifying fields are null unless asked for.
 */
public record InfoReport(String schema, String file, String mode, String format, String version, String start,
        long recordCount, double recordDurationSeconds, double durationSeconds, int headerBytes, Patient patient,
        RecordingId recording, List<Signal> signals, List<Run> segments, List<Note> annotations,
        List<Warning> warnings) {

    public static final String SCHEMA = "ictal.info/1";

    /** Identifying: only with --show-patient. */
    public record Patient(String raw, String code, String sex, String birthdate, String name) {
    }

    /** {@code raw} and {@code administrationCode} can identify the patient: null unless --show-patient. */
    public record RecordingId(String raw, String startDate, String administrationCode, String technician,
            String equipment) {
    }

    public record Signal(int index, String label, String type, String electrode, String reference, boolean bipolar,
            String transducer, String physicalDimension, double physicalMin, double physicalMax, int digitalMin,
            int digitalMax, String prefiltering, int samplesPerRecord, double samplingRateHz) {
    }

    public record Run(double startSeconds, double durationSeconds, long firstRecord, long recordCount) {
    }

    /** {@code durationSeconds} is null when the TAL gives none. */
    public record Note(double onsetSeconds, Double durationSeconds, String text, int signalIndex) {
    }

    public record Warning(String field, long byteOffset, String message) {
    }

    public static InfoReport of(Recording r, ReadMode mode, boolean showPatient) {
        RecordingHeader h = r.header();
        Patient patient = showPatient ? new Patient(h.patient().raw(), h.patient().code(), h.patient().sex(),
                h.patient().birthdate(), h.patient().name()) : null;
        RecordingId recording = new RecordingId(showPatient ? h.recording().raw() : null, h.recording().startDate(),
                showPatient ? h.recording().administrationCode() : null, h.recording().technician(),
                h.recording().equipment());
        return new InfoReport(SCHEMA, r.file().getFileName().toString(), mode.name(), h.format().name(),
                h.version(), h.start().toString(), h.recordCount(), h.recordDurationSeconds(), h.durationSeconds(),
                h.headerBytes(), patient, recording, h.signals().stream().map(InfoReport::signal).toList(),
                r.segments().stream().map(s -> new Run(s.startSeconds(), s.durationSeconds(), s.firstRecord(),
                        s.recordCount())).toList(),
                r.annotations().stream().map(InfoReport::note).toList(),
                r.warnings().stream().map(w -> new Warning(w.field(), w.byteOffset(), w.message())).toList());
    }

    private static Signal signal(SignalInfo s) {
        Derivation d = s.derivation();
        return new Signal(s.index(), s.label(), s.type().name(), d.electrode(), d.reference(), d.bipolar(),
                s.transducer(), s.physicalDimension(), s.physicalMin(), s.physicalMax(), s.digitalMin(),
                s.digitalMax(), s.prefiltering(), s.samplesPerRecord(), s.samplingRateHz());
    }

    private static Note note(Annotation a) {
        return new Note(a.onsetSeconds(), a.hasDuration() ? a.durationSeconds() : null, a.text(), a.signalIndex());
    }

    /** The human-readable form. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        line(sb, "File", file + "  (" + format + ", read " + mode.toLowerCase(Locale.ROOT) + ")");
        line(sb, "Start", start);
        line(sb, "Records", recordCount + " x " + num(recordDurationSeconds) + " s = " + num(durationSeconds) + " s");
        line(sb, "Patient", patient == null ? "(not shown; --show-patient shows it)"
                : join(patient.code(), patient.sex(), patient.birthdate(), patient.name(), patient.raw()));
        line(sb, "Recording", "start date " + orDash(recording.startDate()) + ", technician "
                + orDash(recording.technician()) + ", equipment " + orDash(recording.equipment())
                + (recording.administrationCode() == null ? "" : ", admin code " + orDash(recording.administrationCode())));
        sb.append(String.format(Locale.ROOT, "%nSignals (%d)%n", signals.size()));
        String format = "  %3s %-16s %-10s %9s %-8s %21s %17s %s%n";
        sb.append(String.format(Locale.ROOT, format, "#", "LABEL", "TYPE", "RATE Hz", "UNIT", "PHYSICAL MIN..MAX",
                "DIGITAL MIN..MAX", "DERIVATION"));
        for (Signal s : signals) {
            String derivation = s.electrode().isEmpty() ? "-"
                    : s.electrode() + (s.reference().isEmpty() ? "" : (s.bipolar() ? " - " : " vs ") + s.reference());
            sb.append(String.format(Locale.ROOT, format, s.index(), s.label(), s.type(), num(s.samplingRateHz()),
                    s.physicalDimension(), num(s.physicalMin()) + ".." + num(s.physicalMax()),
                    s.digitalMin() + ".." + s.digitalMax(), derivation));
        }
        sb.append(String.format(Locale.ROOT, "%nSegments (%d)%n", segments.size()));
        for (Run s : segments) {
            sb.append(String.format(Locale.ROOT, "  %s s + %s s (records %d..%d)%n", num(s.startSeconds()),
                    num(s.durationSeconds()), s.firstRecord(), s.firstRecord() + s.recordCount() - 1));
        }
        sb.append(String.format(Locale.ROOT, "%nAnnotations (%d)%n", annotations.size()));
        for (Note a : annotations) {
            sb.append(String.format(Locale.ROOT, "  %12s %10s  %s%n", num(a.onsetSeconds()),
                    a.durationSeconds() == null ? "-" : num(a.durationSeconds()), a.text()));
        }
        sb.append(String.format(Locale.ROOT, "%nWarnings (%d)%n", warnings.size()));
        for (Warning w : warnings) {
            sb.append("  ").append(w.field()).append(w.byteOffset() >= 0 ? " at byte " + w.byteOffset() : "")
                    .append(": ").append(w.message()).append('\n');
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String name, String value) {
        sb.append(String.format(Locale.ROOT, "%-10s %s%n", name + ":", value));
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "");
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    private static String join(String... parts) {
        return String.join(" ", java.util.Arrays.stream(parts).map(InfoReport::orDash).toList());
    }
}
