package io.breachflow.intake.adapter.macie;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Macie's managed data identifier types
 * (<a href="https://docs.aws.amazon.com/macie/latest/user/mdis-reference-quick.html">Quick reference: managed
 * data identifiers by type</a>) to Breachflow's personal-data categories. Exact names first, then name
 * patterns (country prefixes vary), then the finding's {@code sensitiveData[].category}. Table in ADAPTERS.md.
 */
final class MacieDataTypes {

    private static final Map<String, String> EXACT = Map.ofEntries(
            Map.entry("EMAIL_ADDRESS", "email"),
            Map.entry("PHONE_NUMBER", "phone_number"),
            Map.entry("NAME", "name"),
            Map.entry("ADDRESS", "postal_address"),
            Map.entry("DATE_OF_BIRTH", "date_of_birth"),
            Map.entry("LATITUDE_LONGITUDE", "location"),
            Map.entry("CREDIT_CARD_NUMBER", "payment_card"),
            Map.entry("CREDIT_CARD_EXPIRATION", "payment_card"),
            Map.entry("CREDIT_CARD_SECURITY_CODE", "payment_card"),
            Map.entry("CREDIT_CARD_MAGNETIC_STRIPE", "payment_card"),
            Map.entry("VEHICLE_IDENTIFICATION_NUMBER", "vehicle_id"),
            Map.entry("AWS_CREDENTIALS", "credentials"),
            Map.entry("HTTP_BASIC_AUTH_HEADER", "credentials"),
            Map.entry("HTTP_COOKIE", "credentials"),
            Map.entry("JSON_WEB_TOKEN", "credentials"));

    /** Ordered: the first pattern contained in the type name wins. */
    private static final List<Map.Entry<String, String>> CONTAINS = List.of(
            Map.entry("PASSPORT", "passport_number"),
            Map.entry("DRIVERS_LICENSE", "drivers_license"),
            Map.entry("HEALTH", "health"),
            Map.entry("MEDICARE", "health"),
            Map.entry("MEDICAL", "health"),
            Map.entry("NATIONAL_DRUG_CODE", "health"),
            Map.entry("NATIONAL_PROVIDER", "health"),
            Map.entry("BANK_ACCOUNT", "financial_account"),
            Map.entry("BANK_ROUTING", "financial_account"),
            Map.entry("IBAN", "financial_account"),
            Map.entry("TAX_IDENTIFICATION", "tax_id"),
            Map.entry("TAX_ID", "tax_id"),
            Map.entry("SOCIAL_SECURITY", "national_id"),
            Map.entry("NATIONAL_IDENTIFICATION", "national_id"),
            Map.entry("NATIONAL_INSURANCE", "national_id"),
            Map.entry("IDENTIFICATION", "national_id"),
            Map.entry("IDENTITY", "national_id"),
            Map.entry("PRIVATE_KEY", "credentials"),
            Map.entry("SECRET", "credentials"),
            Map.entry("ACCESS_TOKEN", "credentials"),
            Map.entry("API_KEY", "credentials"));

    private static final Map<String, String> BY_SENSITIVE_DATA_CATEGORY = Map.of(
            "PERSONAL_INFORMATION", "personal_information",
            "FINANCIAL_INFORMATION", "financial_information",
            "CREDENTIALS", "credentials",
            "CUSTOM_IDENTIFIER", "custom_identifier");

    private MacieDataTypes() {
    }

    /** The category of one detection type; {@code sensitiveDataCategory} decides for a type not in the tables. */
    static String categoryOf(String detectionType, String sensitiveDataCategory) {
        String type = detectionType == null ? "" : detectionType.trim().toUpperCase(Locale.ROOT);
        String exact = EXACT.get(type);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> pattern : CONTAINS) {
            if (type.contains(pattern.getKey())) {
                return pattern.getValue();
            }
        }
        return fromSensitiveDataCategory(sensitiveDataCategory);
    }

    static String fromSensitiveDataCategory(String category) {
        String upper = category == null ? "" : category.trim().toUpperCase(Locale.ROOT);
        return BY_SENSITIVE_DATA_CATEGORY.getOrDefault(upper, "sensitive_data");
    }
}
