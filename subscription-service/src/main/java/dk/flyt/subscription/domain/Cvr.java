package dk.flyt.subscription.domain;

/** A Danish CVR number: eight digits with the modulus-11 check (weights 2,7,6,5,4,3,2,1). */
public final class Cvr {
    private static final int[] WEIGHTS = {2, 7, 6, 5, 4, 3, 2, 1};

    public static boolean isValid(String text) {
        if (text == null || !text.matches("[1-9]\\d{7}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (text.charAt(i) - '0') * WEIGHTS[i];
        }
        return sum % 11 == 0;
    }

    private Cvr() {}
}
