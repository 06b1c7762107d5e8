package io.breachflow.intake.redact;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style: valid values written in many real-world spellings, each inside text with things that must be kept.
 * The table cases in {@link RedactorTest} name the spellings of issue 9; this test finds the combinations nobody
 * thought to write down. Seeded, so a failure names the seed and the text and can be replayed.
 */
class RedactorGeneratedSpellingsTest {

    /** Replay or explore with {@code -Dredactor.seed=...}. */
    private static final long SEED = Long.getLong("redactor.seed", 20_240_514L);
    private static final int TRIALS = 1_500;
    /** A window this long of a value's digits surviving anywhere in the output counts as a leak. */
    private static final int LEAK_WINDOW = 6;

    @Test
    void canRedactChineseMobilesHoweverTheyAreSpelt() {
        assertRedactedEverywhere((random, n) -> {
            String mobile = ValidValues.mobile(random);
            return new Case(mobile, Spellings.mobile(random, mobile));
        });
    }

    @Test
    void canRedactIdNumbersHoweverTheyAreSpelt() {
        assertRedactedEverywhere((random, n) -> {
            String id = ValidValues.idNumber(random);
            return new Case(id, Spellings.idNumber(random, id));
        });
    }

    @Test
    void canRedactCardNumbersHoweverTheyAreSpelt() {
        assertRedactedEverywhere((random, n) -> {
            String card = ValidValues.cardNumber(random);
            return new Case(card, Spellings.cardNumber(random, card));
        });
    }

    @Test
    void canRedactInternationalPhonesHoweverTheyAreSpelt() {
        List<String> countryCodes = List.of("1", "44", "49", "33", "86", "852", "61");
        assertRedactedEverywhere((random, n) -> {
            String national = ValidValues.nationalNumber(random);
            String code = countryCodes.get(random.nextInt(countryCodes.size()));
            return new Case(national, Spellings.international(random, code, national));
        });
    }

    @Test
    void canRedactEmailAddressesHoweverTheyAreSpelt() {
        List<String> locals = List.of("zhang.wei", "alice+crm", "张三", "o'neil", "user" + 7, "李四.li");
        List<String> domains = List.of("example.com", "例子.中国", "exämple.de", "mail.example.co.uk", "xn--exmple-cua.de");
        Random random = new Random(SEED);
        for (int n = 0; n < TRIALS; n++) {
            String local = locals.get(random.nextInt(locals.size()));
            String domain = domains.get(random.nextInt(domains.size()));
            String kept = keptThing(random);
            String text = Spellings.context(random, Spellings.email(random, local, domain), kept);
            String redacted = Redactor.redact(text);
            assertThat(redacted).as("seed %d trial %d: %s", SEED, n, text)
                    .contains(kept)
                    .doesNotContainIgnoringCase(local)
                    .doesNotContainIgnoringCase(Spellings.percentEncoded(local))
                    .doesNotContain(domain)
                    .doesNotContain(Spellings.percentEncoded(domain));
        }
    }

    private static void assertRedactedEverywhere(BiFunction<Random, Integer, Case> cases) {
        Random random = new Random(SEED);
        for (int n = 0; n < TRIALS; n++) {
            Case c = cases.apply(random, n);
            String kept = keptThing(random);
            String text = Spellings.context(random, c.spelt(), kept);
            String redacted = Redactor.redact(text);
            assertThat(redacted).as("seed %d trial %d: %s", SEED, n, text).contains(kept).contains("[redacted:");
            String leftDigits = Checks.significant(new String(LookAlikes.folded(redacted.replace(kept, " "))));
            for (int at = 0; at + LEAK_WINDOW <= c.digits().length(); at++) {
                assertThat(leftDigits).as("seed %d trial %d: %s became %s", SEED, n, text, redacted)
                        .doesNotContain(c.digits().substring(at, at + LEAK_WINDOW).toUpperCase());
            }
        }
    }

    /** Things the redactor keeps on purpose, mixed into the same text. */
    private static String keptThing(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> random.nextInt(224) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
            case 1 -> new UUID(random.nextLong(), random.nextLong()).toString();
            case 2 -> String.format("2024-%02d-%02dT%02d:%02d:%02d.%03dZ", 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1000));
            case 3 -> String.valueOf(1_600_000_000_000L + (long) (random.nextDouble() * 200_000_000_000L));
            case 4 -> "pg-customers-0" + random.nextInt(10) + ".prod.example.cn:5432";
            case 5 -> "v" + random.nextInt(20) + "." + random.nextInt(100) + "." + random.nextInt(1000);
            default -> "fe80::" + Integer.toHexString(random.nextInt(65536)) + ":" + Integer.toHexString(random.nextInt(65536));
        };
    }

    /** A value's significant digits and one spelling of it. */
    private record Case(String digits, String spelt) {
    }
}
