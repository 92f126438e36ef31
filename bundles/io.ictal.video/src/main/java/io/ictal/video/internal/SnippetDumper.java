package io.ictal.video.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Training input from a folder of labelled videos, through exactly the decoding and preprocessing the
 * classifier uses ({@link VideoFile}, {@link SnippetStream}): every whole snippet of every video as a
 * {@code uint8 [snippets, frames, height, width]} .npy file (model input = value / 255), plus
 * {@code index.csv}.
 *
 * <p>The folder holds the videos and {@code labels.csv} with a header line and the columns
 * {@code file,label[,onset,offset][,patient]}: {@code file} relative to the folder, {@code label}
 * {@code FOS} or {@code TCS}, {@code onset}/{@code offset} the seizure's range in seconds of video time
 * (empty or absent: the whole video), {@code patient} an id for inter-patient splits (absent: the file
 * name). Further columns are copied to the index unread.
 *
 * <pre>java -cp io.ictal.video.jar io.ictal.video.internal.SnippetDumper VIDEO_DIR OUT_DIR [threads]</pre>
 */
public final class SnippetDumper {

    static final int FRAMES = 8;
    static final int SIZE = 64;
    static final double FPS = 15;

    private SnippetDumper() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SnippetDumper VIDEO_DIR OUT_DIR [threads]   (VIDEO_DIR/labels.csv: "
                    + "file,label[,onset,offset][,patient])");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        dump(in, out, threads);
    }

    static void dump(Path in, Path out, int threads) throws Exception {
        List<Map<String, String>> rows = readLabels(in.resolve("labels.csv"));
        Files.createDirectories(out);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<String>> lines = new ArrayList<>();
        for (Map<String, String> row : rows) {
            lines.add(pool.submit(() -> dumpOne(in, out, row)));
        }
        StringBuilder index = new StringBuilder(
                "file,npy,label,patient,onset,offset,snippets,snippet_seconds,duration\n");
        try {
            for (Future<String> line : lines) {
                index.append(line.get()).append('\n');
            }
        } finally {
            pool.shutdown();
        }
        Files.writeString(out.resolve("index.csv"), index.toString());
        System.out.println("dumped " + rows.size() + " videos to " + out);
    }

    private static String dumpOne(Path in, Path out, Map<String, String> row) throws IOException {
        Path video = in.resolve(row.get("file"));
        String stem = row.get("file").replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("\\.[A-Za-z0-9]+$", "");
        Path npy = out.resolve(stem + ".npy");
        try (VideoFile file = VideoFile.open(video)) {
            Optional<SnippetPlan> plan = SnippetPlan.of(0, file.durationSeconds(), 0, file.durationSeconds(), FRAMES,
                    FPS);
            int count;
            try (RandomAccessFile raf = new RandomAccessFile(npy.toFile(), "rw")) {
                raf.setLength(0);
                byte[] header = npyHeader(0);
                raf.write(header);
                count = plan.isEmpty() ? 0 : SnippetStream.stream(file, plan.get(), SIZE, SIZE, (i, frames) -> {
                    raf.write(frames);
                    return true;
                });
                raf.seek(0);
                raf.write(npyHeader(count));
            }
            String onset = row.getOrDefault("onset", "");
            String offset = row.getOrDefault("offset", "");
            return String.join(",", row.get("file"), npy.getFileName().toString(), row.get("label"),
                    row.getOrDefault("patient", row.get("file")), onset.isBlank() ? "0" : onset,
                    offset.isBlank() ? fmt(file.durationSeconds()) : offset, Integer.toString(count),
                    fmt(FRAMES / FPS), fmt(file.durationSeconds()));
        } catch (IOException e) {
            throw new UncheckedIOException("while dumping " + video, e);
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    /** A .npy v1.0 header of fixed length 128 so that it can be rewritten once the count is known. */
    static byte[] npyHeader(int count) {
        String dict = "{'descr': '|u1', 'fortran_order': False, 'shape': (" + count + ", " + FRAMES + ", " + SIZE
                + ", " + SIZE + "), }";
        StringBuilder h = new StringBuilder(dict);
        while (10 + h.length() + 1 < 128) {
            h.append(' ');
        }
        h.append('\n');
        byte[] text = h.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[10 + text.length];
        out[0] = (byte) 0x93;
        System.arraycopy("NUMPY".getBytes(StandardCharsets.US_ASCII), 0, out, 1, 5);
        out[6] = 1;
        out[7] = 0;
        out[8] = (byte) (text.length & 0xFF);
        out[9] = (byte) (text.length >> 8);
        System.arraycopy(text, 0, out, 10, text.length);
        return out;
    }

    static List<Map<String, String>> readLabels(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) {
            throw new IOException(csv + ": not found; expected labels.csv with the header file,label[,onset,offset]"
                    + "[,patient]");
        }
        List<String> lines = Files.readAllLines(csv).stream().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new IOException(csv + ": empty; expected the header file,label[,onset,offset][,patient]");
        }
        String[] header = lines.get(0).trim().split(",", -1);
        List<String> columns = List.of(header).stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
        if (!columns.contains("file") || !columns.contains("label")) {
            throw new IOException(csv + ": header is '" + lines.get(0) + "'; expected columns file and label");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String[] cells = lines.get(n).split(",", -1);
            if (cells.length != columns.size()) {
                throw new IOException(csv + " line " + (n + 1) + ": " + cells.length + " fields; expected "
                        + columns.size() + " as in the header");
            }
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < cells.length; c++) {
                row.put(columns.get(c), cells[c].trim());
            }
            String label = row.get("label");
            if (!label.equals("FOS") && !label.equals("TCS")) {
                throw new IOException(csv + " line " + (n + 1) + ": field 'label' is '" + label
                        + "'; expected FOS or TCS");
            }
            for (String field : List.of("onset", "offset")) {
                String v = row.getOrDefault(field, "");
                if (!v.isBlank()) {
                    try {
                        Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        throw new IOException(csv + " line " + (n + 1) + ": field '" + field + "' is '" + v
                                + "'; expected seconds of video time");
                    }
                }
            }
            rows.add(row);
        }
        return rows;
    }
}
