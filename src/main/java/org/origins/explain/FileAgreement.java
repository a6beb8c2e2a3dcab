package org.origins.explain;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Predictions against one file of observations ({@code check --observations}): how many agree,
 * against the two constant guesses ("always present": every ability predicted present; "always
 * absent": every ability predicted none), overall and per ability, and each observation's
 * {@link Agreement verdict}. {@code undetermined}: the rules' answer is undetermined (a missing fact
 * would decide it) and some of its possible levels contradict the observation; it does not count
 * as agreement. {@code split} says what the file is.
 */
public record FileAgreement(Split split, String file, int total, int agree, int contradict, int undetermined, int unpredicted,
                            int alwaysPresent, int alwaysAbsent, List<ByAbility> abilities, ObservationReport observations) {

    public FileAgreement {
        abilities = List.copyOf(abilities);
    }

    /** The same counts for the observations of one ability. */
    public record ByAbility(String ability, int total, int agree, int alwaysPresent, int alwaysAbsent) {
    }

    /**
     * What an observation file of the facts folder is, by its name, in the order they are reported:
     * the essay's models, the observations the later rules were written from, those kept aside while
     * writing them; any other file given with {@code --observed}.
     */
    public enum Split {
        ESSAY_MODELS("observations.json"),
        DEVELOPMENT("observations-later.json"),
        HELD_OUT("observations-heldout.json"),
        OTHER(null);

        private final String fileName;

        Split(String fileName) {
            this.fileName = fileName;
        }

        /** The file of this split in a facts folder; null for {@link #OTHER}. */
        public String fileName() {
            return fileName;
        }

        /** The split of an observation file, by its name. */
        public static Split of(Path file) {
            String name = file.getFileName().toString();
            for (Split s : values()) {
                if (name.equals(s.fileName)) {
                    return s;
                }
            }
            return OTHER;
        }

        /** The id in JSON: the name in lower case, words joined by '-'. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
