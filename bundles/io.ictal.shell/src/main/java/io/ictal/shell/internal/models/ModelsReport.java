package io.ictal.shell.internal.models;

import io.ictal.api.model.ModelCard;
import io.ictal.api.model.ModelStatus;
import java.util.List;

/**
 * What {@code ictal:models} reports: every model bundle the inference runtime has seen, active,
 * standby or rejected. The field names are the stable {@code --json} schema.
 */
public record ModelsReport(List<ModelRow> models) {

    public ModelsReport {
        models = List.copyOf(models);
    }

    /**
     * One model. {@code state} is {@code ACTIVE}, {@code STANDBY} or {@code REJECTED}; {@code task},
     * {@code id}, {@code version} and {@code sha256} are null when a rejected bundle's card could not
     * be read; {@code reason} is null unless rejected.
     */
    public record ModelRow(String state, String task, String id, String version, String sha256,
            String executionProvider, String bundle, String card, String reason) {
    }

    public static ModelsReport of(List<ModelStatus> statuses) {
        return new ModelsReport(statuses.stream().map(s -> {
            ModelCard c = s.parsedCard().orElse(null);
            return new ModelRow(s.state().name(),
                    c == null ? null : c.task(),
                    c == null ? null : c.id(),
                    c == null ? null : c.version(),
                    c == null ? null : c.graphSha256(),
                    s.executionProvider().isEmpty() ? null : s.executionProvider(),
                    s.bundle(), s.cardPath(),
                    s.reason().isEmpty() ? null : s.reason());
        }).toList());
    }

    /** A table, hashes shortened to 12 digits ({@code --json} has them whole), reasons below their row. */
    public String toText() {
        if (models.isEmpty()) {
            return "No model bundles installed. Drop one into deploy/ (see training/modelbundle/README.md).\n";
        }
        String format = "%-18s %-9s %-28s %-9s %-13s %-5s %s%n";
        StringBuilder sb = new StringBuilder(String.format(format, "TASK", "STATE", "MODEL", "VERSION", "SHA256",
                "EP", "BUNDLE"));
        for (ModelRow m : models) {
            sb.append(String.format(format, orDash(m.task()), m.state(), orDash(m.id()), orDash(m.version()),
                    m.sha256() == null ? "-" : m.sha256().substring(0, 12), orDash(m.executionProvider()),
                    m.bundle()));
            if (m.reason() != null) {
                sb.append("    rejected: ").append(m.reason()).append('\n');
            }
        }
        return sb.toString();
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}
