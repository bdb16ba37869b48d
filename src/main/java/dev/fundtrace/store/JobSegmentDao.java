package dev.fundtrace.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;

/**
 * Which loads make up a job's ledger (table job_segment): every export or node range the job has ever gathered,
 * by fingerprint; the segments themselves are the ledger store's.
 */
@Repository
public class JobSegmentDao {

    private final JdbcTemplate jdbc;

    public JobSegmentDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void use(String jobName, String chain, String fingerprint) {
        jdbc.update("DELETE FROM job_segment WHERE job_name = ? AND chain = ? AND fingerprint = ?", jobName, chain, fingerprint);
        jdbc.update("INSERT INTO job_segment (job_name, chain, fingerprint) VALUES (?, ?, ?)", jobName, chain, fingerprint);
    }

    public List<String> of(String jobName, String chain) {
        return jdbc.queryForList("SELECT fingerprint FROM job_segment WHERE job_name = ? AND chain = ? ORDER BY fingerprint",
                String.class, jobName, chain);
    }
}
