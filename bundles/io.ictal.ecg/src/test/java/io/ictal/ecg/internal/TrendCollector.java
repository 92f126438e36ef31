package io.ictal.ecg.internal;

import io.ictal.api.detection.ClassificationListener;
import io.ictal.api.detection.Detection;
import io.ictal.api.detection.Trend;
import java.util.ArrayList;
import java.util.List;

/** A listener that keeps the trend segments it is given and ignores the rest (tests). */
final class TrendCollector implements ClassificationListener {

    final List<Trend> trends = new ArrayList<>();

    @Override
    public void progress(double fraction, String message) {
    }

    @Override
    public void detected(List<Detection> detections) {
    }

    @Override
    public void retracted(List<String> detectionIds) {
    }

    @Override
    public void trend(Trend segment) {
        trends.add(segment);
    }
}
