// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers as staff type them, for one practice's default region.
 *
 * <p>"(555) 123-4567", "555.123.4567" and "+44 20 7946 0958" all parse; the result is E.164.
 * A number that cannot be parsed or is not a real number for its country is refused with a
 * reason a receptionist understands.
 */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** A trailing extension ("ext. 89", "extension 89", "x89"): the only letters allowed, so it can be refused as an extension. */
    private static final Pattern EXTENSION_SUFFIX = Pattern.compile("(?i)[\\s,;]*(?:e?xt(?:ension|n)?\\.?|x)\\s*[:.=]?\\s*\\d{1,7}\\s*$");

    private final String region;

    public PhoneNumbers(String region) {
        String r = region == null ? "US" : region.toUpperCase(Locale.ROOT);
        if (!UTIL.getSupportedRegions().contains(r)) {
            throw new IllegalArgumentException("unknown region: " + region);
        }
        this.region = r;
    }

    public String region() {
        return region;
    }

    /** Parses typed text into E.164, or explains why it is not a number one can text. */
    public E164Number parse(String typed) throws InvalidPhoneNumberException {
        if (typed == null || typed.isBlank()) {
            throw new InvalidPhoneNumberException("Enter a phone number.");
        }
        String text = typed.strip();
        if (EXTENSION_SUFFIX.matcher(text).replaceFirst("").chars().anyMatch(Character::isLetter)) {
            throw new InvalidPhoneNumberException("A phone number can only contain digits, spaces and ( ) - . +");
        }
        PhoneNumber number;
        try {
            number = UTIL.parse(text, region);
        } catch (NumberParseException e) {
            throw new InvalidPhoneNumberException(switch (e.getErrorType()) {
                case INVALID_COUNTRY_CODE -> "The country code is not valid. Start international numbers with + and the country code.";
                case TOO_SHORT_NSN, TOO_SHORT_AFTER_IDD -> "The number is too short.";
                case TOO_LONG -> "The number is too long.";
                case NOT_A_NUMBER -> "This is not a phone number.";
            });
        }
        if (number.hasExtension()) {
            throw new InvalidPhoneNumberException("Text messages cannot be sent to an extension.");
        }
        if (!UTIL.isValidNumber(number) && !isStructurallyValidNanp(number)) {
            ValidationResult possible = UTIL.isPossibleNumberWithReason(number);
            throw new InvalidPhoneNumberException(switch (possible) {
                case TOO_SHORT, INVALID_LENGTH -> "The number is too short for " + countryName(number) + ".";
                case TOO_LONG -> "The number is too long for " + countryName(number) + ".";
                case INVALID_COUNTRY_CODE -> "The country code is not valid.";
                default -> "This is not a valid " + countryName(number) + " phone number. Check the area code and digits.";
            });
        }
        return new E164Number(UTIL.format(number, PhoneNumberFormat.E164));
    }

    /** Like {@link #parse} but without the reason. */
    public Optional<E164Number> tryParse(String typed) {
        try {
            return Optional.of(parse(typed));
        } catch (InvalidPhoneNumberException e) {
            return Optional.empty();
        }
    }

    /** "(555) 123-4567" for a number of this region, "+44 20 7946 0958" for any other. */
    public String display(String e164) {
        try {
            PhoneNumber number = UTIL.parse(e164, region);
            String numberRegion = UTIL.getRegionCodeForNumber(number);
            // A NANP number whose area code libphonenumber does not list (555…) has no region; it is ours if the country code is.
            boolean ours = numberRegion == null
                    ? number.getCountryCode() == UTIL.getCountryCodeForRegion(region)
                    : region.equals(numberRegion);
            PhoneNumberFormat format = ours ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL;
            return UTIL.format(number, format);
        } catch (NumberParseException e) {
            return e164;
        }
    }

    /** Only the digits of any text, the key that lets a search for "1234567" or "555-12" find a number. */
    public static String digitsKey(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder digits = new StringBuilder(text.length());
        text.codePoints().filter(Character::isDigit).map(c -> Character.digit(c, 10)).forEach(d -> digits.append((char) ('0' + d)));
        return digits.toString();
    }

    /**
     * North American numbers whose area code libphonenumber does not list yet (and the 555 numbers
     * used throughout training material, such as "(555) 123-4567") are accepted when the area code
     * starts with 2-9 and the exchange does not start with 0; the carrier has the last word and
     * reports 21211 for a number that does not exist.
     */
    private static boolean isStructurallyValidNanp(PhoneNumber number) {
        if (number.getCountryCode() != 1) {
            return false;
        }
        String national = String.valueOf(number.getNationalNumber());
        return national.length() == 10 && national.charAt(0) >= '2' && national.charAt(3) >= '1';
    }

    private static String countryName(PhoneNumber number) {
        String code = UTIL.getRegionCodeForCountryCode(number.getCountryCode());
        if (code == null || code.equals("ZZ") || code.equals("001")) {
            return "this country";
        }
        return Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
    }
}
