package io.ictal.api.model;

/**
 * A data set a model was trained on, with the citation its licence asks for.
 *
 * @param name e.g. {@code TUH EEG Seizure Corpus v2.0.3}
 * @param citation the reference to cite
 * @param url where the data set is described (may be empty)
 */
public record TrainingData(String name, String citation, String url) {

    public TrainingData {
        Checks.requireText(name, "training data name");
        Checks.requireText(citation, "training data citation");
        java.util.Objects.requireNonNull(url, "url");
    }
}
