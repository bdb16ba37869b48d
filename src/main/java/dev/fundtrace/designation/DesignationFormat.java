package dev.fundtrace.designation;

/** The sanctions file formats fundtrace reads, detected from content rather than the file name. */
public enum DesignationFormat {
    /** OFAC SDN_ADVANCED.XML (Sanctions / DistinctParties / Feature) */
    SDN_ADVANCED_XML,
    /** OFAC SDN.XML (sdnList / sdnEntry / idList) */
    SDN_XML,
    /** OFAC legacy sdn.csv (no header, remarks column, sdn_comments.csv continuation) */
    SDN_CSV,
    /** plain watchlist CSV with a header address,currency,subject[,source] */
    WATCHLIST_CSV
}
