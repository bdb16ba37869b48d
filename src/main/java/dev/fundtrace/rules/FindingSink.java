package dev.fundtrace.rules;

import dev.fundtrace.trace.Flow;

/**
 * Where {@link FlagEngine} puts what it finds, as it finds it: each flow the rules ask for, once, and each hit as a
 * part of its flag. A large trace has hundreds of thousands of both, so the engine keeps neither.
 */
public interface FindingSink {

    /** A flow, the first time the rules ask for it; returns the handle the parts resting on it will carry. */
    int flow(Flow flow);

    /** One hit as a part of its flag; parts with the same key arrive in the order they are to be merged. */
    void part(FlagPart part);
}
