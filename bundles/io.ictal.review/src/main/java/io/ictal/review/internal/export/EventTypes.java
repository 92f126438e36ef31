package io.ictal.review.internal.export;

import java.util.Locale;
import java.util.Map;

/**
 * Ictal's labels in the vocabularies other tools read. Seizure types follow the TUH corpus codes
 * (FNSZ, GNSZ, ...), mapped to the ILAE 2017 / HED-SCORE event types SzCORE uses as epilepsy2bids
 * maps them.
 */
final class EventTypes {

    private static final Map<String, String> SZCORE = Map.ofEntries(
            Map.entry("seizure", "sz"),
            Map.entry("seiz", "sz"),
            Map.entry("fnsz", "sz_foc"),
            Map.entry("gnsz", "sz_gen"),
            Map.entry("spsz", "sz_foc_a"),
            Map.entry("cpsz", "sz_foc_ia"),
            Map.entry("absz", "sz_gen_nm"),
            Map.entry("tnsz", "sz_gen_m_tonic"),
            Map.entry("cnsz", "sz_gen_m_clonic"),
            Map.entry("tcsz", "sz_gen_m_tonicClonic"),
            Map.entry("atsz", "sz_gen_m_atonic"),
            Map.entry("mysz", "sz_gen_nm_myoclonic"));

    private EventTypes() {
    }

    /** The SzCORE {@code eventType} of a label; labels outside the seizure vocabulary pass through unchanged. */
    static String szcore(String label) {
        return SZCORE.getOrDefault(label.toLowerCase(Locale.ROOT), label);
    }

    /** Fixed-point with {@code decimals} digits, whatever the default locale. */
    static String decimal(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
