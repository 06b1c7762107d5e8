package io.breachflow.intake.publish;

import io.breachflow.contracts.detection.Detection;
import io.breachflow.intake.adapter.DetectionText;
import io.breachflow.intake.adapter.Digests;
import io.breachflow.intake.adapter.KeptLabels;
import io.breachflow.intake.adapter.PersonalAssets;
import io.breachflow.intake.pseudonym.Pseudonyms;
import io.breachflow.intake.redact.Redactor;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place where a detection becomes what Breachflow keeps (issue 9, {@code docs/PERSONAL-DATA.md}): every
 * detection passes it in {@link DetectionPublisher} before it is sent, whatever the adapter and whether it came over
 * HTTP or Kafka. What the adapters pick from a vendor payload is decided there; what of that is kept, here:
 * <ul>
 * <li>{@code upstreamId} and {@code correlationKey} become keyed {@link Pseudonyms}: they only serve
 * deduplication and correlation, and the workflow turns them into identifiers of its append-only event store,
 * which can never be erased. The {@code id} is derived from the pseudonymous upstream id, never the raw one;</li>
 * <li>labels: only those on the source's allow-list ({@link KeptLabels});</li>
 * <li>every kept text (title, description, label values, assets) is redacted ({@link Redactor}) and then bounded;
 * an asset the adapter marked as naming a person ({@link PersonalAssets}) becomes its type and a keyed pseudonym;</li>
 * <li>control characters (C0 but tab and line feed, DEL, C1) are removed from every kept text before anything
 * else ({@link ControlCharacters}): they must never reach storage;</li>
 * <li>the raw correlation key must lie in a namespace the source owns ({@link CorrelationNamespaces}), before it
 * is hashed, so that no source can join another source's incidents;</li>
 * <li>at most {@value #MAX_ASSETS} assets, {@value #MAX_LABELS} labels and {@value #MAX_CATEGORIES} categories;</li>
 * <li>personal data categories: lower-case words only ({@code [a-z][a-z0-9_]{0,39}}, spaces and dashes read as
 * {@code _}); anything else is dropped, since a "category" that is not a word may be the data itself.</li>
 * </ul>
 * Status, harm, severity, times, the source name and the payload's SHA-256 are kept as they are: they are
 * Breachflow's own values, checked by the adapters.
 */
@Singleton
public class Minimiser {

    static final int MAX_LABEL_VALUE_LENGTH = 256;
    static final int MAX_ASSET_LENGTH = 256;
    static final int MAX_ASSETS = 50;
    static final int MAX_LABELS = 50;
    static final int MAX_CATEGORIES = 50;
    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Pattern SPACES_AND_DASHES = Pattern.compile("[\\s-]+");

    private final Pseudonyms pseudonyms;

    @Inject
    public Minimiser(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    public Detection minimised(Detection d) {
        String source = d.sourceSystem();
        String upstreamId = pseudonyms.upstreamId(source, d.upstreamId());
        String title = DetectionText.bounded(text(d.title()), DetectionText.MAX_TITLE_LENGTH);
        return new Detection(Digests.detectionId(source, upstreamId), source, upstreamId,
                pseudonyms.correlationKey(CorrelationNamespaces.owned(source, d.correlationKey())),
                d.status(), d.harm(), d.severity(),
                title.isBlank() ? source + " alert" : title,
                DetectionText.bounded(text(d.description()), DetectionText.MAX_DESCRIPTION_LENGTH),
                d.observedAt(), d.receivedAt(), assets(d.assets()), categories(d.personalDataCategories()),
                labels(source, d.labels()), d.payloadSha256());
    }

    public List<Detection> minimised(List<Detection> detections) {
        return detections.stream().map(this::minimised).toList();
    }

    /** A kept text without control characters (see {@link ControlCharacters}), trimmed; null stays null. */
    private static String text(String given) {
        return given == null ? null : ControlCharacters.stripped(given).trim();
    }

    private List<String> assets(List<String> given) {
        Set<String> assets = new LinkedHashSet<>();
        for (String asset : given) {
            if (asset != null && !asset.isBlank() && assets.size() < MAX_ASSETS) {
                // The mark is made of NULs: read it before the control characters go; the pseudonym has none.
                String kept = PersonalAssets.unmarked(asset)
                        .map(typeAndId -> pseudonyms.personalAsset(text(typeAndId[0]), typeAndId[1]))
                        .orElse(text(asset));
                String bounded = DetectionText.bounded(kept, MAX_ASSET_LENGTH);
                if (!bounded.isBlank()) {
                    assets.add(bounded);
                }
            }
        }
        return new ArrayList<>(assets);
    }

    private static List<String> categories(List<String> given) {
        Set<String> categories = new LinkedHashSet<>();
        for (String category : given) {
            if (category == null || categories.size() >= MAX_CATEGORIES) {
                continue;
            }
            String word = SPACES_AND_DASHES.matcher(category.trim().toLowerCase(Locale.ROOT)).replaceAll("_");
            // A word the redactor would change is personal data glued to letters (email_13912345678): not a category.
            if (CATEGORY.matcher(word).matches() && Redactor.redact(word).equals(word)) {
                categories.add(word);
            }
        }
        return new ArrayList<>(categories);
    }

    private static Map<String, String> labels(String source, Map<String, String> given) {
        Map<String, String> labels = new LinkedHashMap<>();
        given.forEach((name, value) -> {
            if (name != null && value != null && labels.size() < MAX_LABELS && KeptLabels.keeps(source, name)) {
                labels.put(ControlCharacters.stripped(name), DetectionText.bounded(text(value), MAX_LABEL_VALUE_LENGTH));
            }
        });
        return labels;
    }
}
