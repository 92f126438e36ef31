package io.ictal.edf.internal;

import io.ictal.api.recording.Annotation;
import io.ictal.api.recording.RecordingFormatException;
import io.ictal.api.recording.RecordingHeader;
import io.ictal.api.recording.Segment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One pass over the annotation signals of every data record: the annotations, the time-keeping TAL
 * of each record (EDF+), and from those the contiguous segments. Only the annotation bytes of each
 * record are touched.
 *
 * @param annotations every annotation, in onset order, onsets relative to the first sample
 * @param segments the contiguous runs of records
 * @param startOffsetSeconds the EDF+ sub-second start: the first record's time-keeping onset, when in [0, 1)
 */
record AnnotationScan(List<Annotation> annotations, List<Segment> segments, double startOffsetSeconds) {

    static AnnotationScan scan(Layout layout, MappedRecords data, Problems problems) throws RecordingFormatException {
        return new Scanner(layout, data, problems).scan();
    }

    /** The layout with the header start moved by the sub-second start. */
    Layout withSubsecondStart(Layout layout) {
        if (startOffsetSeconds == 0) {
            return layout;
        }
        RecordingHeader h = layout.header();
        RecordingHeader moved = new RecordingHeader(h.format(), h.version(), h.patient(), h.recording(),
                h.start().plusNanos(Math.round(startOffsetSeconds * 1e9)), h.headerBytes(), h.recordCount(),
                h.recordDurationSeconds(), h.signals());
        return new Layout(moved, layout.signalOffsets(), layout.recordBytes(), layout.annotationSignals(),
                layout.plus());
    }

    private static final class Scanner {
        private final Layout layout;
        private final MappedRecords data;
        private final Problems problems;
        private final TalParser parser;
        private final List<Annotation> annotations = new ArrayList<>();
        private final List<Segment> segments = new ArrayList<>();
        private final double duration;
        private final double tolerance;
        private final boolean discontinuous;
        private double startOffset;
        private double segmentStart;
        private long segmentFirst;

        Scanner(Layout layout, MappedRecords data, Problems problems) {
            this.layout = layout;
            this.data = data;
            this.problems = problems;
            this.parser = new TalParser(problems.lenient());
            this.duration = layout.header().recordDurationSeconds();
            // Onsets are decimal text: allow for rounding, far below one sample at clinical rates.
            this.tolerance = Math.min(1e-3, duration / 100);
            this.discontinuous = layout.header().format().discontinuous();
        }

        AnnotationScan scan() throws RecordingFormatException {
            long records = layout.recordCount();
            int maxBytes = 0;
            for (int signal : layout.annotationSignals()) {
                maxBytes = Math.max(maxBytes, layout.signalBytes(signal));
            }
            byte[] buffer = new byte[maxBytes];
            List<TalParser.Tal> tals = new ArrayList<>();
            boolean timed = layout.plus() && duration > 0;
            for (long r = 0; r < records; r++) {
                double recordStart = Double.NaN;
                for (int k = 0; k < layout.annotationSignals().length; k++) {
                    int signal = layout.annotationSignals()[k];
                    boolean timeKeeping = k == 0 && layout.plus();
                    int length = layout.signalBytes(signal);
                    data.copy(r, layout.signalOffsets()[signal], buffer, length);
                    if (timeKeeping) {
                        double onset = TalParser.timeKeepingOnly(buffer, length);
                        if (!Double.isNaN(onset)) {
                            recordStart = onset;
                            continue;
                        }
                    }
                    tals.clear();
                    parse(r, signal, buffer, tals);
                    for (int t = 0; t < tals.size(); t++) {
                        TalParser.Tal tal = tals.get(t);
                        boolean keeper = timeKeeping && t == 0 && tal.texts().get(0).isEmpty();
                        if (keeper) {
                            recordStart = tal.onset();
                        }
                        for (String text : tal.texts()) {
                            if (!text.isEmpty()) {
                                annotations.add(annotation(tal, text, signal, r));
                            }
                        }
                    }
                    if (timeKeeping && Double.isNaN(recordStart)) {
                        problems.deviation(field(r, signal), offset(r, signal, 0),
                                "a time-keeping TAL (+onset 0x14 0x14) first in the record", "none");
                    }
                }
                if (r == 0 && recordStart >= 0 && recordStart < 1) {
                    startOffset = recordStart;
                }
                if (timed) {
                    segmentStep(r, recordStart - startOffset);
                }
            }
            if (!timed && records > 0) {
                segments.add(new Segment(0, records * duration, 0, records));
            } else if (timed && records > 0) {
                closeSegment(records);
            }
            if (startOffset != 0) {
                // Onsets in the file count from the header's whole second; callers count from the first sample.
                annotations.replaceAll(a -> new Annotation(a.onsetSeconds() - startOffset, a.durationSeconds(),
                        a.text(), a.signalIndex()));
            }
            annotations.sort(Comparator.comparingDouble(Annotation::onsetSeconds));
            return new AnnotationScan(List.copyOf(annotations), List.copyOf(segments), startOffset);
        }

        private void parse(long record, int signal, byte[] buffer, List<TalParser.Tal> tals)
                throws RecordingFormatException {
            int length = layout.signalBytes(signal);
            try {
                parser.parse(buffer, length, tals);
            } catch (TalParser.TalSyntaxException e) {
                // Lenient: keep the TALs before the error, skip the rest of this record's signal.
                problems.deviation(field(record, signal), offset(record, signal, e.position), e.expected, e.found);
            }
        }

        private Annotation annotation(TalParser.Tal tal, String text, int signal, long record)
                throws RecordingFormatException {
            double d = tal.duration();
            if (!Double.isFinite(tal.onset()) || Double.isInfinite(d)) {
                problems.deviation(field(record, signal), offset(record, signal, 0), "a finite TAL onset and duration",
                        tal.onset() + ", " + d);
                return new Annotation(0, Double.NaN, text, signal);
            }
            return new Annotation(tal.onset(), d, text, signal);
        }

        /** Extends the current segment with record {@code r} or starts a new one at a gap. */
        private void segmentStep(long r, double start) throws RecordingFormatException {
            if (r == 0) {
                segmentStart = validStart(r, start, 0);
                segmentFirst = 0;
                return;
            }
            double expected = segmentStart + (r - segmentFirst) * duration;
            if (Double.isNaN(start) || Math.abs(start - expected) <= tolerance) {
                return;
            }
            if (start < expected) {
                problems.deviation(field(r, layout.annotationSignals()[0]), offset(r, layout.annotationSignals()[0], 0),
                        "a record start >= " + expected + " s (the end of the previous record)", start + " s");
                return;
            }
            if (!discontinuous) {
                problems.deviation(field(r, layout.annotationSignals()[0]), offset(r, layout.annotationSignals()[0], 0),
                        "contiguous records in EDF+C/BDF+C (record start " + expected + " s)",
                        start + " s (a gap; use EDF+D)");
            }
            closeSegment(r);
            segmentStart = start;
            segmentFirst = r;
        }

        private double validStart(long r, double start, double fallback) throws RecordingFormatException {
            if (Double.isNaN(start)) {
                return fallback;
            }
            if (start < 0) {
                problems.deviation(field(r, layout.annotationSignals()[0]), offset(r, layout.annotationSignals()[0], 0),
                        "a record start >= 0", start + " s");
                return fallback;
            }
            return start;
        }

        private void closeSegment(long end) {
            long count = end - segmentFirst;
            segments.add(new Segment(segmentStart, count * duration, segmentFirst, count));
        }

        private String field(long record, int signal) {
            return "record[" + record + "].signal[" + signal + "] (annotations)";
        }

        private long offset(long record, int signal, int position) {
            return layout.dataOffset() + record * layout.recordBytes() + layout.signalOffsets()[signal] + position;
        }
    }
}
