package io.ictal.inference.internal;

import io.ictal.api.model.Model;
import io.ictal.api.model.ModelCard;
import io.ictal.api.model.ModelLease;
import io.ictal.api.model.ModelRegistry;
import io.ictal.api.model.ModelStatus;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;

/**
 * The model-bundle extender and the {@link ModelRegistry} service. Tracks active bundles carrying
 * the {@value ModelSource#HEADER} header, validates each of their models and registers one
 * {@link Model} service per valid model. A configuration change re-creates the component, so every
 * model is reloaded with the new threads, provider and pins; leases taken before finish on the old
 * sessions.
 */
@Component(service = ModelRegistry.class, immediate = true, configurationPid = "io.ictal.inference")
@Designate(ocd = InferenceConfig.class)
public final class InferenceRuntime implements ModelRegistry {

    private final ModelCatalog catalog;
    private final BundleTracker<Long> tracker;

    @Activate
    public InferenceRuntime(BundleContext context, InferenceConfig config, Map<String, Object> properties) {
        ModelValidator validator = new ModelValidator(new OrtRuntime(RuntimeSettings.from(config)));
        this.catalog = new ModelCatalog(validator, (model, props) -> {
            ServiceRegistration<Model> registration = context.registerService(Model.class, model, new Hashtable<>(props));
            return () -> unregisterQuietly(registration);
        }, ModelCatalog.pins(properties));
        this.tracker = new BundleTracker<>(context, Bundle.ACTIVE, new BundleTrackerCustomizer<>() {
            @Override
            public Long addingBundle(Bundle bundle, BundleEvent event) {
                if (bundle.getHeaders("").get(ModelSource.HEADER) == null) {
                    return null;
                }
                catalog.add(bundle.getBundleId(), new BundleModelSource(bundle));
                return bundle.getBundleId();
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, Long key) {
                // Only ACTIVE is tracked; an update goes through removedBundle and addingBundle.
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Long key) {
                catalog.remove(key);
            }
        });
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        catalog.clear();
    }

    private static void unregisterQuietly(ServiceRegistration<?> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // The framework unregisters everything when this bundle stops.
        }
    }

    @Override
    public ModelLease lease(String task) {
        return catalog.lease(task);
    }

    @Override
    public Optional<ModelCard> active(String task) {
        return catalog.active(task);
    }

    @Override
    public List<ModelStatus> models() {
        return catalog.models();
    }
}
