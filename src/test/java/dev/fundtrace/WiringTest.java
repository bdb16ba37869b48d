package dev.fundtrace;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Spring's beans are listed (@Import from FundtraceApplication down), not scanned for: no component is left out. */
class WiringTest {

    @Test
    void everyComponentIsImported() {
        Set<String> imported = new HashSet<>();
        var todo = new ArrayDeque<Class<?>>(Set.of(FundtraceApplication.class));
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (!imported.add(c.getName())) continue;
            Import i = c.getAnnotation(Import.class);
            if (i != null) todo.addAll(Set.of(i.value()));
        }
        Set<String> components = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(java.nio.file.Path.of(FundtraceApplication.class.getProtectionDomain().getCodeSource().getLocation().getPath()))
                .stream().map(JavaClass::reflect)
                .filter(c -> AnnotatedElementUtils.hasAnnotation(c, Component.class))
                .map(Class::getName).collect(Collectors.toSet());
        assertThat(components).hasSizeGreaterThan(25);
        assertThat(imported).containsAll(components);
    }
}
