package io.ictal.inference.internal;

import io.ictal.api.model.FloatTensor;
import io.ictal.api.model.ModelLease;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Times the benchmark model through Ictal's inference runtime (validation with the golden pair,
 * lease, input checks, tensor copies, ONNX Runtime): median seconds per call at each batch size.
 * Lives in the runtime's package to drive its catalog without an OSGi framework.
 *
 * <pre>java -cp ... io.ictal.inference.internal.InferenceBench model.jar threads batch=calls ...</pre>
 * Prints one JSON object: {"1": median_seconds, "64": median_seconds}.
 */
public final class InferenceBench {

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        ModelCatalog catalog = new ModelCatalog(new ModelValidator(new OrtRuntime(RuntimeSettings.cpu(threads))),
                (model, properties) -> () -> { }, Map.of());
        long loadStart = System.nanoTime();
        catalog.add("bench", new JarModelSource(jar));
        double validateSeconds = (System.nanoTime() - loadStart) / 1e9;
        if (catalog.active("seizure-detection").isEmpty()) {
            throw new IllegalStateException("benchmark model rejected: " + catalog.models());
        }
        // Validation: card, SHA-256, session creation, tensor checks, golden pair (first model in this JVM,
        // so it includes loading ONNX Runtime's native library).
        StringBuilder json = new StringBuilder("{\"validate_s\": " + validateSeconds);
        Random random = new Random(3);
        for (int i = 2; i < args.length; i++) {
            String[] run = args[i].split("=");
            int batch = Integer.parseInt(run[0]);
            int calls = Integer.parseInt(run[1]);
            float[] data = new float[batch * 3 * 64 * 64];
            for (int j = 0; j < data.length; j++) {
                data[j] = random.nextFloat();
            }
            FloatTensor input = FloatTensor.of(new long[] {batch, 3, 64, 64}, data);
            for (int w = 0; w < Math.max(3, calls / 5); w++) {
                infer(catalog, input);
            }
            List<Double> times = new ArrayList<>();
            for (int c = 0; c < calls; c++) {
                long start = System.nanoTime();
                infer(catalog, input);
                times.add((System.nanoTime() - start) / 1e9);
            }
            Collections.sort(times);
            double median = times.size() % 2 == 1 ? times.get(times.size() / 2)
                    : (times.get(times.size() / 2 - 1) + times.get(times.size() / 2)) / 2;
            json.append(", \"").append(batch).append("\": ").append(median);
        }
        System.out.println(json.append('}'));
        catalog.clear();
    }

    /** One unit of classifier work: lease the active model, run, release. */
    private static void infer(ModelCatalog catalog, FloatTensor input) {
        try (ModelLease lease = catalog.lease("seizure-detection")) {
            if (lease.model().run(input).dim(0) != input.dim(0)) {
                throw new IllegalStateException("wrong batch size out");
            }
        }
    }
}
