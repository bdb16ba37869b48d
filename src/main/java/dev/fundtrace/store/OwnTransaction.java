package dev.fundtrace.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction of its own beside the caller's (a step's): large row sets go in by short transactions of their own,
 * since H2 commits a large transaction row by row (see {@link FlowDao#replace} and {@link FlagDao#replace}).
 */
final class OwnTransaction {

    private OwnTransaction() {}

    static TransactionTemplate of(JdbcTemplate jdbc) {
        TransactionTemplate t = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        t.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return t;
    }
}
