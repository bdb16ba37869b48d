package dev.fundtrace.chain.ethereum;

import java.util.List;
import java.util.Locale;

/**
 * Which EVM calls move value to the address a trace names as their {@code to}, for exports (traces.csv
 * {@code call_type}) and nodes (callTracer {@code type}, parity {@code callType}) alike.
 * <ul>
 *   <li>{@code delegatecall} and {@code staticcall} carry no value of their own;</li>
 *   <li>{@code callcode} runs the callee's code in the caller's own context: its value goes from the caller to the
 *       caller, and the {@code to} of the trace (the code's address) receives nothing. ethereum-etl's own balance
 *       queries leave it out for the same reason.</li>
 * </ul>
 */
public final class CallTypes {
    private CallTypes() {}

    /** The call types whose value never reaches their {@code to}, lower case as ethereum-etl writes them. */
    public static final List<String> VALUELESS = List.of("delegatecall", "staticcall", "callcode");

    /** True when a call of this type (any case) moves its value to its {@code to}. */
    public static boolean movesValue(String callType) {
        return !VALUELESS.contains(callType.toLowerCase(Locale.ROOT));
    }
}
