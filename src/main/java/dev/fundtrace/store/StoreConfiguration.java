package dev.fundtrace.store;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The DAOs, listed: a class-path scan read every class file of the application at each start. */
@Configuration(proxyBeanMethods = false)
@Import({DesignationDao.class, FactDao.class, FlagDao.class, FlagKeyDao.class, JobSegmentDao.class, LabelDao.class,
        RejectionDao.class, RunDao.class, TraceDao.class})
public class StoreConfiguration {
}
