package org.mqscope.find;

import org.mqscope.mq.MqMessage;

import java.util.BitSet;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A parsed filter expression: every term must hold. Immutable and safe to share between threads; matching many
 * messages goes through {@link #matchAll}, which reuses one {@link Candidate} and can be cancelled.
 * <pre>
 *   order 226            both words, anywhere in the body as text, any case
 *   "order 226"          the phrase
 *   re:ord(er)?-\d+      a regular expression
 *   hex:CA FE            the bytes CA FE
 *   prio:9  prio:>=5  prio:1..4
 *   size:>1k  size:100..4k
 *   $.customer.tier=gold  $.items[0].qty>1  $.note  (exists)  $.state!=done
 *   -term                not that
 * </pre>
 */
public final class Filter {
    /** The filter that keeps everything. */
    public static final Filter NONE = new Filter("", List.of());
    /** How often {@link #matchAll} looks whether it was cancelled. */
    private static final int CANCEL_CHECK_EVERY = 1024;
    /** How long a regular expression may take on one message before the run stops with an error. */
    public static final java.time.Duration REGEX_BUDGET = java.time.Duration.ofSeconds(2);

    /** A run stopped because a regular expression took too long on one message; the message says which. */
    public static final class TooSlow extends Exception {
        private static final long serialVersionUID = 1L;

        TooSlow(String message) {
            super(message);
        }
    }

    /** A parse: the filter, or the error (exactly one of them is null). */
    public record Parse(Filter filter, FilterError error) {
        public boolean ok() {
            return error == null;
        }
    }

    private final String expression;
    private final List<Term> terms;
    private final Highlights highlights;

    private Filter(String expression, List<Term> terms) {
        this.expression = expression;
        this.terms = List.copyOf(terms);
        this.highlights = Highlights.of(this.terms);
    }

    /** Parses an expression; a syntax error comes back as a {@link FilterError}, never as an exception. */
    public static Parse parse(String expression) {
        String e = expression == null ? "" : expression;
        try {
            List<Term> terms = FilterParser.parse(e);
            return new Parse(terms.isEmpty() ? NONE : new Filter(e.strip(), terms), null);
        } catch (ParseProblem p) {
            return new Parse(null, new FilterError(Math.min(p.start, e.length()), Math.min(p.end, e.length()),
                    p.getMessage()));
        }
    }

    /** True for the filter with no terms (it keeps every message). */
    public boolean isEmpty() {
        return terms.isEmpty();
    }

    public String expression() {
        return expression;
    }

    public List<Term> terms() {
        return terms;
    }

    /** What to highlight where messages are shown. */
    public Highlights highlights() {
        return highlights;
    }

    /** True when every term holds for the candidate. */
    public boolean matches(Candidate c) {
        for (Term t : terms) {
            if (!t.test(c)) {
                return false;
            }
        }
        return true;
    }

    public boolean matches(MqMessage m) {
        return isEmpty() || matches(new Candidate().reset(m.body(), m.priority()));
    }

    /**
     * The indexes of the messages that match, or null when {@code cancelled} turned true on the way (checked every
     * {@value #CANCEL_CHECK_EVERY} messages, and inside a long regular expression match, so a superseded run stops
     * within a fraction of a millisecond).
     *
     * @throws TooSlow when a regular expression spent more than {@link #REGEX_BUDGET} on one message
     */
    public BitSet matchAll(List<MqMessage> messages, BooleanSupplier cancelled) throws TooSlow {
        return matchAll(messages, cancelled, REGEX_BUDGET);
    }

    BitSet matchAll(List<MqMessage> messages, BooleanSupplier cancelled, java.time.Duration regexBudget)
            throws TooSlow {
        return matchEach(messages.size(), (c, i) -> {
            MqMessage m = messages.get(i);
            c.reset(m.body(), m.priority());
        }, cancelled, regexBudget, "message");
    }

    /**
     * As {@link #matchAll(List, BooleanSupplier)} for {@code count} items of any kind (recorded events, say):
     * {@code load} resets the candidate to item i; {@code item} names an item in the error ("event").
     */
    public BitSet matchEach(int count, java.util.function.ObjIntConsumer<Candidate> load, BooleanSupplier cancelled,
                            String item) throws TooSlow {
        return matchEach(count, load, cancelled, REGEX_BUDGET, item);
    }

    private BitSet matchEach(int count, java.util.function.ObjIntConsumer<Candidate> load, BooleanSupplier cancelled,
                             java.time.Duration regexBudget, String item) throws TooSlow {
        BitSet hits = new BitSet(count);
        if (isEmpty()) {
            hits.set(0, count);
            return hits;
        }
        Candidate c = new Candidate().guard(cancelled, regexBudget.toNanos());
        for (int i = 0; i < count; i++) {
            if (i % CANCEL_CHECK_EVERY == 0 && cancelled.getAsBoolean()) {
                return null;
            }
            load.accept(c, i);
            try {
                if (matches(c)) {
                    hits.set(i);
                }
            } catch (GuardedText.Abandoned a) {
                if (a.cancelled) {
                    return null;
                }
                throw new TooSlow("a regular expression took over " + regexBudget.toMillis() + " ms on " + item
                        + " #" + i + " alone; make it simpler (nested repetitions such as (a+)+ backtrack without"
                        + " end)");
            }
        }
        return hits;
    }

    @Override
    public String toString() {
        return expression;
    }
}
