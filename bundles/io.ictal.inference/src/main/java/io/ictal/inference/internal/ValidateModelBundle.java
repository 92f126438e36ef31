package io.ictal.inference.internal;

import java.nio.file.Path;

/**
 * Validates model bundle jars outside Karaf, exactly as the extender does when they start, so
 * that the training pipeline can check a bundle (and its PyTorch golden pair against ONNX Runtime)
 * before it ships. Run by {@code training/modelbundle/validate.sh}.
 *
 * <pre>java -cp ... io.ictal.inference.internal.ValidateModelBundle bundle.jar...</pre>
 * Prints one line per model; exits with 1 when any model is rejected.
 */
public final class ValidateModelBundle {

    private ValidateModelBundle() {
    }

    public static void main(String[] args) {
        ModelValidator validator = new ModelValidator(new OrtRuntime(RuntimeSettings.cpu(0)));
        boolean allValid = true;
        for (String jar : args) {
            JarModelSource source = new JarModelSource(Path.of(jar));
            if (source.cardPaths().isEmpty()) {
                System.out.println("REJECTED " + jar + ": no " + ModelSource.HEADER + " header naming a model card");
                allValid = false;
            }
            for (String cardPath : source.cardPaths()) {
                try {
                    ModelValidator.ValidModel model = validator.validate(source, cardPath);
                    System.out.println("VALID    " + jar + " (" + cardPath + "): " + model.card().id() + " "
                            + model.card().version() + ", task " + model.card().task() + ", sha256 "
                            + model.card().graphSha256());
                    model.session().retire();
                } catch (ModelBundleException e) {
                    System.out.println("REJECTED " + jar + " (" + cardPath + "): " + e.getMessage());
                    allValid = false;
                }
            }
        }
        System.exit(allValid ? 0 : 1);
    }
}
