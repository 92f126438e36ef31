package io.ictal.api.model;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a model bundle promises about its model. A bundle whose graph, hashes or golden pair
 * disagree with its card is rejected before it serves.
 *
 * @param id stable model id, e.g. {@code ictal-seizure-cnn}
 * @param task what the model is for; one of the {@code TASK_*} constants or a newer task
 * @param version {@code major.minor.micro[.qualifier]}; the highest version serves unless pinned
 * @param graph path, inside the bundle, of the {@code .onnx} file that is run
 * @param sha256 lower-case hex SHA-256 of every {@code .onnx} file of the model, by path; includes {@code graph}
 * @param input the input contract
 * @param outputs the graph's outputs (at least one); the first is the one {@code labels} describe
 * @param labels names of the first output's last axis, e.g. {@code [background, seizure]}
 * @param thresholds decision threshold per label, each in [0, 1]; keys are labels
 * @param trainingData what it was trained on
 * @param metrics how it was evaluated
 * @param golden reference input and output
 */
public record ModelCard(
        String id,
        String task,
        String version,
        String graph,
        Map<String, String> sha256,
        InputContract input,
        List<TensorSpec> outputs,
        List<String> labels,
        Map<String, Double> thresholds,
        List<TrainingData> trainingData,
        List<Metric> metrics,
        GoldenPair golden) {

    public static final String TASK_SEIZURE_DETECTION = "seizure-detection";
    public static final String TASK_SEIZURE_TYPE = "seizure-type";
    public static final String TASK_VIDEO_SEMIOLOGY = "video-semiology";
    public static final String TASK_ECG_ARRHYTHMIA = "ecg-arrhythmia";

    public ModelCard {
        Checks.requireText(id, "id");
        Checks.requireText(task, "task");
        if (!task.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("task must be lower-case words joined by '-', was '" + task + "'");
        }
        Checks.requireText(version, "version");
        if (!version.matches("\\d+\\.\\d+\\.\\d+(\\.[A-Za-z0-9_-]+)?")) {
            throw new IllegalArgumentException("version must be major.minor.micro[.qualifier], was '" + version + "'");
        }
        Checks.requireText(graph, "graph");
        sha256 = Map.copyOf(Objects.requireNonNull(sha256, "sha256"));
        if (!sha256.containsKey(graph)) {
            throw new IllegalArgumentException("sha256 must list the graph '" + graph + "', lists " + sha256.keySet());
        }
        sha256.forEach((file, hash) -> {
            if (!hash.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("sha256 of '" + file + "' must be 64 lower-case hex digits, was '"
                        + hash + "'");
            }
        });
        Objects.requireNonNull(input, "input");
        outputs = List.copyOf(Objects.requireNonNull(outputs, "outputs"));
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("outputs must not be empty");
        }
        labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
        if (labels.isEmpty() || new HashSet<>(labels).size() != labels.size()) {
            throw new IllegalArgumentException("labels must be non-empty and unique, were " + labels);
        }
        List<Long> firstOutput = outputs.get(0).shape();
        long classes = firstOutput.get(firstOutput.size() - 1);
        if (classes != TensorSpec.DYNAMIC && classes != labels.size()) {
            throw new IllegalArgumentException("output '" + outputs.get(0).name() + "' has " + classes
                    + " classes on its last axis but " + labels.size() + " labels are given: " + labels);
        }
        thresholds = Map.copyOf(Objects.requireNonNull(thresholds, "thresholds"));
        for (Map.Entry<String, Double> e : thresholds.entrySet()) {
            if (!labels.contains(e.getKey())) {
                throw new IllegalArgumentException("threshold for unknown label '" + e.getKey() + "'; labels are "
                        + labels);
            }
            if (!(e.getValue() >= 0 && e.getValue() <= 1)) {
                throw new IllegalArgumentException("threshold for '" + e.getKey() + "' must be in [0, 1], was "
                        + e.getValue());
            }
        }
        trainingData = List.copyOf(Objects.requireNonNull(trainingData, "trainingData"));
        metrics = List.copyOf(Objects.requireNonNull(metrics, "metrics"));
        Objects.requireNonNull(golden, "golden");
        Set<String> inputNames = new HashSet<>(input.tensors().stream().map(TensorSpec::name).toList());
        if (!golden.inputs().keySet().equals(inputNames)) {
            throw new IllegalArgumentException("golden inputs must be exactly the graph inputs " + inputNames
                    + ", were " + golden.inputs().keySet());
        }
        Set<String> outputNames = new HashSet<>(outputs.stream().map(TensorSpec::name).toList());
        if (!outputNames.containsAll(golden.outputs().keySet())) {
            throw new IllegalArgumentException("golden outputs must be graph outputs " + outputNames + ", were "
                    + golden.outputs().keySet());
        }
    }

    /** SHA-256 of the graph file: what identifies the model's weights. */
    public String graphSha256() {
        return sha256.get(graph);
    }
}
