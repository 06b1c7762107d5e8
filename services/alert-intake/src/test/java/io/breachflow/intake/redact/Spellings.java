package io.breachflow.intake.redact;

import java.util.List;
import java.util.Random;

/** How people, forms and log formats write a value: grouping, separators, prefixes, full-width, encodings. */
final class Spellings {

    private static final List<String> SEPARATORS = List.of(" ", "-", ".", "_", "\u3000", "\u2013", "%20", "");
    private static final List<String> CN_PREFIXES = List.of("", "+86", "+86 ", "+86-", "0086 ", "0086", "(+86) ",
            "%2B86", "%2B86%20", "＋８６ ");

    private Spellings() {
    }

    /** The digits in groups of the given sizes (the last group takes the rest), joined by one separator. */
    static String grouped(String digits, String separator, int... sizes) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int i = 0; i < sizes.length && at < digits.length(); i++) {
            int end = i == sizes.length - 1 ? digits.length() : Math.min(digits.length(), at + sizes[i]);
            if (at > 0) {
                out.append(separator);
            }
            out.append(digits, at, end);
            at = end;
        }
        return out.toString();
    }

    static String separator(Random random) {
        return SEPARATORS.get(random.nextInt(SEPARATORS.size()));
    }

    static String mobile(Random random, String mobile) {
        String prefix = CN_PREFIXES.get(random.nextInt(CN_PREFIXES.size()));
        return maybeFullWidth(random, prefix + grouped(mobile, separator(random), 3, 4, 4));
    }

    static String idNumber(Random random, String id) {
        String sep = separator(random);
        String spelt = random.nextBoolean() ? grouped(id, sep, 6, 8, 4) : grouped(id, sep, 6, 4, 4, 4);
        return maybeFullWidth(random, random.nextBoolean() ? spelt.toLowerCase() : spelt);
    }

    static String cardNumber(Random random, String card) {
        return maybeFullWidth(random, grouped(card, separator(random), 4, 4, 4, 4, 4));
    }

    /** {@code +44 20 7946 0018}, {@code +1 (415) 555-0132}, {@code 0044-20-...}: country code, area, number. */
    static String international(Random random, String countryCode, String national) {
        String prefix = random.nextBoolean() ? "+" : "00";
        String sep = List.of(" ", "-", ".", "").get(random.nextInt(4));
        String area = national.substring(0, 3);
        String rest = grouped(national.substring(3), sep, 3, 4);
        String spelt = random.nextBoolean()
                ? prefix + countryCode + " (" + area + ") " + rest
                : prefix + countryCode + sep + area + sep + rest;
        return maybeFullWidth(random, spelt);
    }

    static String email(Random random, String local, String domain) {
        return switch (random.nextInt(4)) {
            case 0 -> local + "@" + domain;
            case 1 -> percentEncoded(local) + "%40" + percentEncoded(domain);
            case 2 -> local + "＠" + domain;
            default -> local.toUpperCase() + "@" + domain;
        };
    }

    /** Where the value sits: glued to letters or CJK, inside a URL query, a JSON string, a log line. */
    static String context(Random random, String value, String kept) {
        return switch (random.nextInt(6)) {
            case 0 -> "用户" + value + "在" + kept;
            case 1 -> "ID" + value + " " + kept;
            case 2 -> "https://crm.example.cn/export?q=" + value + "&src=" + kept;
            case 3 -> "{\"subject\":\"" + value + "\",\"host\":\"" + kept + "\"}";
            case 4 -> kept + " export by " + value + ", rows=12000";
            default -> "手机号：" + value + "；" + kept;
        };
    }

    static String maybeFullWidth(Random random, String text) {
        if (random.nextInt(4) != 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> out.append(c > ' ' && c < 0x7F ? (char) (c + 0xFEE0) : (char) c));
        return out.toString();
    }

    static String percentEncoded(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            out.append(c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == '-') ? String.valueOf((char) c)
                    : String.format("%%%02X", c));
        }
        return out.toString();
    }
}
