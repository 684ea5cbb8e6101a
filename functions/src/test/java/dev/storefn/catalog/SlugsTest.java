package dev.storefn.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Slugs as Django's slugify makes them (cases checked against Django 5), cut to the column. */
class SlugsTest {

    @Test
    void slugifyFoldsLowerCasesAndKeepsWordCharactersAndHyphens() {
        assertThat(Slugs.slugify("Hello World!")).isEqualTo("hello-world");
        assertThat(Slugs.slugify("Café Crème Brûlée")).isEqualTo("cafe-creme-brulee");
        assertThat(Slugs.slugify("  --Hello__ World--  ")).isEqualTo("hello__-world");
        assertThat(Slugs.slugify("a & b / c")).isEqualTo("a-b-c");
        assertThat(Slugs.slugify("tab\there\nnew\u001fline")).isEqualTo("tab-here-new-line");
        assertThat(Slugs.slugify("ﬁne ligature")).isEqualTo("fine-ligature");
        assertThat(Slugs.slugify("Straße")).isEqualTo("strae");
        assertThat(Slugs.slugify("日本語")).isEmpty();
        assertThat(Slugs.slugify("100% cotton, 2-pack")).isEqualTo("100-cotton-2-pack");
    }

    @Test
    void candidatesAreNumberedAndNeverLongerThanFifty() {
        assertThat(Slugs.candidate("red-tee", 0)).isEqualTo("red-tee");
        assertThat(Slugs.candidate("red-tee", 12)).isEqualTo("red-tee-12");
        String base = "a".repeat(47) + "-bcd";
        assertThat(Slugs.candidate(base, 0)).hasSize(50);
        assertThat(Slugs.candidate(base, 1)).isEqualTo("a".repeat(47) + "-1");
        assertThat(Slugs.candidate(base, 100)).isEqualTo("a".repeat(46) + "-100");
        // A cut that ends on a separator drops it.
        assertThat(Slugs.candidate("a".repeat(48) + "-b-c", 1)).isEqualTo("a".repeat(48) + "-1");
        assertThat(Slugs.candidate("a".repeat(47) + "-b-cd", 1)).isEqualTo("a".repeat(47) + "-1");
        assertThat(Slugs.candidate("a".repeat(49) + "-b", 0)).isEqualTo("a".repeat(49));
    }

    @Test
    void everyCandidateStartsWithTheSharedPrefix() {
        String base = "x".repeat(39) + "_".repeat(20) + "y";
        for (int n : new int[] {0, 1, 99, 999_999_999}) {
            assertThat(Slugs.candidate(base, n)).startsWith(Slugs.sharedPrefix(base));
        }
    }
}
