package io.ictal.detector.internal;

import io.ictal.api.detection.ClassificationListener;
import io.ictal.api.detection.Detection;
import io.ictal.api.detection.Trend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps what a classification streams: progress, the standing detections (retractions removed), the trend. */
class CollectingListener implements ClassificationListener {

    final List<Double> progress = new ArrayList<>();
    final Map<String, Detection> detections = new LinkedHashMap<>();
    final List<Trend> trends = new ArrayList<>();

    @Override
    public void progress(double fraction, String message) {
        progress.add(fraction);
    }

    @Override
    public void detected(List<Detection> added) {
        added.forEach(d -> detections.put(d.id(), d));
    }

    @Override
    public void retracted(List<String> detectionIds) {
        detectionIds.forEach(detections::remove);
    }

    @Override
    public void trend(Trend segment) {
        trends.add(segment);
    }

    /** Every value of the streamed trend segments, in order. */
    double[] trendValues() {
        return trends.stream().flatMapToDouble(t -> java.util.Arrays.stream(t.values())).toArray();
    }
}
