package io.ictal.inference.internal;

import io.ictal.api.model.Model;
import io.ictal.api.model.ModelCard;
import io.ictal.api.model.ModelException;
import io.ictal.api.model.ModelLease;
import io.ictal.api.model.ModelRegistry;
import io.ictal.api.model.ModelState;
import io.ictal.api.model.ModelStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.framework.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models of every model bundle seen, and which one serves each task: the highest version,
 * unless a pin names another. Adding or removing a bundle switches the active model atomically for
 * new leases; leases already taken keep their session until they close (see {@link LoadedSession}).
 * Framework-free so that hot swap is unit-tested without OSGi.
 */
final class ModelCatalog implements ModelRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ModelCatalog.class);

    /** Registers a model as a service; the returned action unregisters it. */
    interface Publisher {
        Runnable publish(Model model, Map<String, Object> properties);
    }

    private static final class Entry {
        final String bundle;
        final String cardPath;
        final ModelCard card;
        final LoadedSession session;
        Runnable unpublish = () -> { };

        Entry(String bundle, String cardPath, ModelCard card, LoadedSession session) {
            this.bundle = bundle;
            this.cardPath = cardPath;
            this.card = card;
            this.session = session;
        }

        Version version() {
            return Version.parseVersion(card.version());
        }

        String describe() {
            return card.id() + " " + card.version() + " (bundle " + bundle + ")";
        }
    }

    private static final Comparator<Entry> PREFERENCE = Comparator.comparing(Entry::version)
            .thenComparing(e -> e.card.id()).thenComparing(e -> e.bundle);

    private final ModelValidator validator;
    private final Publisher publisher;
    private final Map<String, String> pins;
    /** Guarded by this. Insertion order is install order. */
    private final Map<Object, List<Entry>> valid = new LinkedHashMap<>();
    /** Guarded by this. */
    private final Map<Object, List<ModelStatus>> rejected = new LinkedHashMap<>();

    /**
     * @param pins task &rarr; version to keep active while a valid model of that version exists
     */
    ModelCatalog(ModelValidator validator, Publisher publisher, Map<String, String> pins) {
        this.validator = validator;
        this.publisher = publisher;
        this.pins = Map.copyOf(pins);
    }

    /**
     * Validates the models of a bundle and makes the valid ones available. Invalid ones are logged
     * with the bundle and the reason and listed as rejected; what served before keeps serving.
     *
     * @param key identifies the bundle for {@link #remove}
     */
    void add(Object key, ModelSource source) {
        List<Entry> accepted = new ArrayList<>();
        List<ModelStatus> refused = new ArrayList<>();
        List<String> cardPaths = source.cardPaths();
        if (cardPaths.isEmpty()) {
            refused.add(new ModelStatus(source.name(), ModelSource.HEADER, ModelState.REJECTED, null, "",
                    "the " + ModelSource.HEADER + " header names no model card"));
        }
        for (String cardPath : cardPaths) {
            try {
                ModelValidator.ValidModel model = validator.validate(source, cardPath);
                accepted.add(new Entry(source.name(), cardPath, model.card(), model.session()));
            } catch (ModelBundleException e) {
                refused.add(new ModelStatus(source.name(), cardPath, ModelState.REJECTED,
                        cardIfReadable(source, cardPath), "", e.getMessage()));
            }
        }
        Map<String, Entry> before;
        Map<String, Entry> after;
        synchronized (this) {
            before = activeByTask();
            valid.put(key, accepted);
            rejected.put(key, refused);
            after = activeByTask();
        }
        for (Entry e : accepted) {
            e.unpublish = publisher.publish(SessionModel.perCall(e.card, e.session), properties(e));
        }
        for (ModelStatus r : refused) {
            String task = r.parsedCard().map(ModelCard::task).orElse(null);
            Entry serving = task == null ? null : after.get(task);
            LOG.warn("Rejected model bundle {} ({}): {}{}", r.bundle(), r.cardPath(), r.reason(),
                    serving == null ? "" : "; " + task + " stays on " + serving.describe());
        }
        logChanges(before, after);
    }

    /** Forgets a bundle's models; their sessions close once the leases on them are closed. */
    void remove(Object key) {
        List<Entry> gone;
        Map<String, Entry> before;
        Map<String, Entry> after;
        synchronized (this) {
            before = activeByTask();
            gone = valid.remove(key);
            rejected.remove(key);
            after = activeByTask();
        }
        if (gone == null) {
            return;
        }
        for (Entry e : gone) {
            e.unpublish.run();
            e.session.retire();
        }
        logChanges(before, after);
    }

    /** Forgets every bundle (shutdown). */
    void clear() {
        List<Object> keys;
        synchronized (this) {
            keys = new ArrayList<>(valid.keySet());
            keys.addAll(rejected.keySet());
        }
        keys.forEach(this::remove);
    }

    @Override
    public ModelLease lease(String task) {
        Objects.requireNonNull(task, "task");
        Entry entry;
        synchronized (this) {
            entry = activeByTask().get(task);
            // Sessions are retired only after their entry left the map under this lock, so this succeeds.
            if (entry == null || !entry.session.tryAcquire()) {
                throw new ModelException("no valid model serves task '" + task + "'; installed models: "
                        + models().stream().map(s -> s.bundle() + " " + s.state()).toList());
            }
        }
        return new Lease(entry);
    }

    private static final class Lease implements ModelLease {
        private final AtomicBoolean open = new AtomicBoolean(true);
        private final Entry entry;
        private final Model model;

        Lease(Entry entry) {
            this.entry = entry;
            this.model = SessionModel.leased(entry.card, entry.session, open::get);
        }

        @Override
        public Model model() {
            return model;
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                entry.session.release();
            }
        }
    }

    @Override
    public synchronized Optional<ModelCard> active(String task) {
        return Optional.ofNullable(activeByTask().get(task)).map(e -> e.card);
    }

    @Override
    public synchronized List<ModelStatus> models() {
        Map<String, Entry> active = activeByTask();
        List<ModelStatus> out = new ArrayList<>();
        valid.values().forEach(entries -> entries.forEach(e -> out.add(new ModelStatus(e.bundle, e.cardPath,
                active.get(e.card.task()) == e ? ModelState.ACTIVE : ModelState.STANDBY, e.card,
                e.session.executionProvider(), ""))));
        rejected.values().forEach(out::addAll);
        out.sort(Comparator.comparing((ModelStatus s) -> s.parsedCard().map(ModelCard::task).orElse("~"))
                .thenComparing(s -> s.parsedCard().map(ModelCard::id).orElse(""))
                .thenComparing(s -> s.parsedCard().map(c -> Version.parseVersion(c.version())).orElse(Version.emptyVersion))
                .thenComparing(ModelStatus::bundle));
        return out;
    }

    /** Guarded by this: the serving entry per task. */
    private Map<String, Entry> activeByTask() {
        Map<String, Entry> best = new HashMap<>();
        for (List<Entry> entries : valid.values()) {
            for (Entry e : entries) {
                best.merge(e.card.task(), e, this::preferred);
            }
        }
        return best;
    }

    private Entry preferred(Entry a, Entry b) {
        String pin = pins.get(a.card.task());
        if (pin != null) {
            boolean aPinned = pin.equals(a.card.version());
            boolean bPinned = pin.equals(b.card.version());
            if (aPinned != bPinned) {
                return aPinned ? a : b;
            }
        }
        return PREFERENCE.compare(a, b) >= 0 ? a : b;
    }

    private static Map<String, Object> properties(Entry e) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(Model.TASK, e.card.task());
        p.put(Model.ID, e.card.id());
        p.put(Model.VERSION, e.card.version());
        p.put(Model.SHA256, e.card.graphSha256());
        p.put(Model.EXECUTION_PROVIDER, e.session.executionProvider());
        return p;
    }

    private void logChanges(Map<String, Entry> before, Map<String, Entry> after) {
        for (String task : union(before.keySet(), after.keySet())) {
            Entry was = before.get(task);
            Entry now = after.get(task);
            if (was == now) {
                continue;
            }
            if (now == null) {
                LOG.warn("No model serves {} any more ({} was removed)", task, was.describe());
            } else {
                LOG.info("{} now served by {} on {}{}{}", task, now.describe(), now.session.executionProvider(),
                        was == null ? "" : ", replacing " + was.describe(),
                        Objects.equals(pins.get(task), now.card.version()) ? " (pinned)" : "");
            }
        }
    }

    private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static ModelCard cardIfReadable(ModelSource source, String cardPath) {
        try {
            Optional<byte[]> json = source.read(cardPath);
            return json.isPresent() ? CardParser.parse(cardPath, json.get()) : null;
        } catch (IOException | ModelBundleException e) {
            return null;
        }
    }

    /** Reads {@code pin.<task> = <version>} keys of the configuration. */
    static Map<String, String> pins(Map<String, ?> properties) {
        Map<String, String> pins = new HashMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith("pin.") && value != null && !value.toString().isBlank()) {
                String version = value.toString().trim();
                if (!version.matches("\\d+\\.\\d+\\.\\d+(\\.[A-Za-z0-9_-]+)?")) {
                    throw new IllegalArgumentException("io.ictal.inference: " + key
                            + " must be a model version major.minor.micro[.qualifier], was '" + version + "'");
                }
                pins.put(key.substring("pin.".length()), version);
            }
        });
        return pins;
    }
}
