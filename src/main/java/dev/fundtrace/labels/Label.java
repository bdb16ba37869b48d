package dev.fundtrace.labels;

/**
 * A public attribution of an address to a service.
 *
 * @param category exchange, mixer, bridge, defi, sanctioned, gambling or other
 */
public record Label(String address, String chain, String label, String category, String source) {

    public boolean isExchange() { return "exchange".equals(category); }

    public boolean isMixer() { return "mixer".equals(category); }
}
