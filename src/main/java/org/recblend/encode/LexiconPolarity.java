package org.recblend.encode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.recblend.task.TaskMonitor;

/**
 * Polarity from a small opinion lexicon written for this workbench (evaluative words of tags and
 * short reviews of films, music and products, each rated from -3 to +3 by hand), with the usual
 * rule-based corrections: a negator ("not", "never", "n't") turns the next three words around and
 * weakens them, "very"/"really" strengthen and "slightly"/"somewhat" soften the next word, and
 * after "but" the clause counts more than before it ("stupid but funny" is positive). The sum is
 * squashed into [-1, 1] by {@code s / sqrt(s² + 12)}, so one strong word gives about ±0.65 and
 * more agreeing words approach ±1.
 *
 * <p>Descriptive words that often go with dislike or liking but describe content ("dark",
 * "violence", "sad", "creepy") are deliberately absent: a tag "dark comedy" is not a complaint.
 */
public final class LexiconPolarity implements TextPolarity {
    private static final double SQUASH = 12;
    private static final double NEGATION = -0.75;
    private static final int NEGATION_SPAN = 3;
    private static final Map<String, Double> VALENCE = new HashMap<>();
    private static final Map<String, Double> MODIFIERS = Map.ofEntries(
            Map.entry("very", 1.4), Map.entry("really", 1.4), Map.entry("extremely", 1.6), Map.entry("so", 1.3),
            Map.entry("totally", 1.4), Map.entry("absolutely", 1.5), Map.entry("truly", 1.3), Map.entry("incredibly", 1.5),
            Map.entry("super", 1.3), Map.entry("most", 1.2), Map.entry("highly", 1.4), Map.entry("utterly", 1.5),
            Map.entry("slightly", 0.6), Map.entry("somewhat", 0.6), Map.entry("bit", 0.6), Map.entry("kinda", 0.6),
            Map.entry("fairly", 0.8), Map.entry("rather", 0.8), Map.entry("little", 0.7), Map.entry("mildly", 0.6));
    private static final Set<String> NEGATORS = Set.of("not", "no", "never", "nothing", "neither", "nor", "without",
            "hardly", "barely", "isn't", "wasn't", "aren't", "don't", "doesn't", "didn't", "can't", "couldn't", "won't",
            "wouldn't", "shouldn't", "ain't", "nobody", "none", "cannot", "dont", "didnt", "doesnt", "isnt", "wasnt");

    static {
        add(3, "excellent", "masterpiece", "brilliant", "outstanding", "superb", "amazing", "awesome", "fantastic",
                "wonderful", "perfect", "perfection", "love", "loved", "loves", "lovely", "best", "favorite", "favourite",
                "favorites", "favourites", "genius", "stunning", "magnificent", "exceptional", "flawless", "phenomenal",
                "incredible", "breathtaking", "must-see", "must-have", "gem", "remarkable", "terrific", "marvelous",
                "marvellous", "extraordinary", "sublime", "beautifully", "masterful", "adore", "adored", "heartwarming",
                "five-star");
        add(2, "classic", "great", "good", "beautiful", "enjoyable", "enjoyed", "enjoy", "fun", "funny", "hilarious", "clever",
                "recommended", "recommend", "impressive", "touching", "moving", "inspiring", "inspirational", "charming",
                "delightful", "witty", "smart", "intelligent", "entertaining", "captivating", "gripping", "engaging",
                "compelling", "powerful", "memorable", "satisfying", "fascinating", "thought-provoking", "feel-good",
                "well-made", "well-written", "well-done", "quotable", "happy", "pleased", "solid", "sweet", "nice",
                "cool", "fine", "worth", "worthwhile", "reliable", "sturdy", "accurate", "useful", "like", "liked",
                "likes", "gorgeous", "epic", "catchy", "groovy", "superior", "top", "legendary", "underrated",
                "refreshing", "exciting", "thrilling", "intriguing", "uplifting", "heartfelt", "elegant", "durable",
                "precise", "handy", "sexy", "cute", "beauty", "wow", "glad", "praise", "easy");
        add(1, "interesting", "decent", "ok", "okay", "pretty", "pleasant", "atmospheric", "visually", "appealing",
                "stylish", "quirky", "unpredictable", "original", "unique", "creative", "chill", "relaxing", "mellow",
                "soothing", "cheap", "affordable", "works", "working", "helpful", "fast", "comfortable", "fresh");
        add(-1, "slow", "long", "average", "mediocre", "forgettable", "meh", "unremarkable", "confusing", "confused",
                "silly", "flawed", "cheesy", "dated", "overlong", "bland", "loud", "expensive", "overpriced", "flimsy",
                "uncomfortable", "slow-paced", "repetitive", "unnecessary", "shallow", "formulaic", "unfunny", "lacking",
                "lacks", "missing", "problem", "problems", "issue", "issues", "difficult");
        add(-2, "bad", "boring", "bored", "dull", "predictable", "predictible", "overrated", "overhyped", "stupid",
                "dumb", "weak", "poor", "poorly", "disappointing", "disappointed", "disappointment", "annoying", "annoyed",
                "cliche", "cliché", "cliched", "clichéd", "pretentious", "tedious", "lame", "pointless", "ridiculous",
                "mess", "messy", "waste", "wasted", "broke", "broken", "defective", "useless", "ugly", "hate", "hated",
                "hates", "dislike", "disliked", "unwatchable", "boredom", "sucks", "sucked", "inferior", "cheaply",
                "overacted", "overacting", "wooden", "implausible", "nonsense", "failed", "fails", "fail", "failure",
                "wrong", "unconvincing", "uninspired", "unoriginal", "junk", "flop", "regret", "refund",
                "returned", "stopped", "died", "leaks", "leaked", "faulty", "cringe", "cringey", "cringeworthy", "sloppy");
        add(-3, "terrible", "awful", "horrible", "worst", "garbage", "crap", "crappy", "trash", "rubbish", "atrocious",
                "dreadful", "abysmal", "unbearable", "disgusting", "pathetic", "shit", "shitty", "horrendous",
                "appalling", "painful", "abomination", "insufferable", "avoid", "fraud", "scam",
                "worthless");
    }

    private static void add(double valence, String... words) {
        for (String w : words) {
            VALENCE.put(w, valence);
        }
    }

    @Override
    public String key() {
        return "lexicon@1";
    }

    @Override
    public double[] score(List<String> texts, TaskMonitor monitor) {
        double[] out = new double[texts.size()];
        for (int i = 0; i < out.length; i++) {
            if ((i & 0xFFF) == 0) {
                monitor.checkCancelled();
                monitor.progress((double) i / out.length, "scoring polarity");
            }
            out[i] = score(texts.get(i));
        }
        monitor.progress(1, "scored " + out.length + " texts");
        return out;
    }

    /** The polarity of one text in [-1, 1]; 0 for a text without opinion words. */
    public double score(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        List<String> tokens = tokens(text);
        double before = 0;
        double after = 0;
        boolean afterBut = false;
        int negatedFor = 0;
        double modifier = 1;
        for (String t : tokens) {
            if (t.equals("but") || t.equals("however") || t.equals("though") || t.equals("although")) {
                afterBut = true;
                negatedFor = 0;
                modifier = 1;
                continue;
            }
            if (NEGATORS.contains(t) || t.endsWith("n't")) {
                negatedFor = NEGATION_SPAN;
                continue;
            }
            Double m = MODIFIERS.get(t);
            if (m != null) {
                modifier *= m;
                continue;
            }
            Double v = valence(t);
            if (v != null) {
                double s = v * modifier * (negatedFor > 0 ? NEGATION : 1);
                if (afterBut) {
                    after += s;
                } else {
                    before += s;
                }
            }
            modifier = 1;
            negatedFor = Math.max(0, negatedFor - 1);
        }
        double sum = afterBut ? 0.5 * before + 1.5 * after : before;
        return sum / Math.sqrt(sum * sum + SQUASH);
    }

    private static Double valence(String token) {
        Double v = VALENCE.get(token);
        if (v != null) {
            return v;
        }
        if (token.endsWith("s") && token.length() > 3) {
            return VALENCE.get(token.substring(0, token.length() - 1));
        }
        return null;
    }

    /** Lower-case words; a hyphenated word stays whole when the lexicon knows it, else falls apart. */
    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String raw : text.toLowerCase(Locale.ROOT).replace('’', '\'').split("[^\\p{L}\\p{N}'\\-]+")) {
            String w = raw.replaceAll("^['\\-]+|['\\-]+$", "");
            if (w.isEmpty()) {
                continue;
            }
            if (w.indexOf('-') > 0 && !VALENCE.containsKey(w)) {
                for (String part : w.split("-")) {
                    if (!part.isEmpty()) {
                        out.add(part);
                    }
                }
            } else {
                out.add(w);
            }
        }
        return out;
    }
}
