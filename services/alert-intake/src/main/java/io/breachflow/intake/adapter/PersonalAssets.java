package io.breachflow.intake.adapter;

import java.util.Optional;

/**
 * An asset whose identifier names a person (an IAM user's ARN ends in the user's name): the adapter marks it with
 * {@link #marked}, and the minimiser replaces it with its type and a keyed pseudonym ({@code AwsIamUser:k1:…}), so
 * that responders can still tell two such assets apart while nobody without the key can test a guessed name. The
 * adapters hold no key, which is why they mark instead of hashing themselves (a plain hash of an ARN is reversed by
 * guessing the account and the name).
 */
public final class PersonalAssets {

    /** A prefix no real asset has: a NUL never survives into JSON from a vendor's identifier unescaped. */
    private static final String MARK = "\u0000personal\u0000";

    private PersonalAssets() {
    }

    public static String marked(String type, String rawId) {
        return MARK + type + "\u0000" + rawId;
    }

    /** The type and raw id of a marked asset; empty for an ordinary one. */
    public static Optional<String[]> unmarked(String asset) {
        if (asset == null || !asset.startsWith(MARK)) {
            return Optional.empty();
        }
        String rest = asset.substring(MARK.length());
        int split = rest.indexOf('\u0000');
        return Optional.of(split < 0 ? new String[] {"asset", rest} : new String[] {rest.substring(0, split), rest.substring(split + 1)});
    }
}
