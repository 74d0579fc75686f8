package org.mqscope.mq.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackendProvider;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqLimits;

class KernelBackendProviderTest {

    @Test
    void registeredAsTheKernelProvider() {
        assertThat(ServiceLoader.load(MqBackendProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(KernelBackendProvider.class);
        assertThat(new KernelBackendProvider().id()).isEqualTo(MqBackends.KERNEL);
    }

    @Test
    void kernelBackendsComeFromIt() throws Exception {
        try (MqBackend backend = KernelTestBase.backendOrSkip(); MqBackend viaEntry = MqBackends.kernel()) {
            assertThat(viaEntry).isInstanceOf(KernelBackend.class);
            assertThat(viaEntry.id()).isEqualTo(MqBackends.KERNEL);
            assertThat(((KernelBackend) viaEntry).library()).isIn("c", "rt");
        }
    }

    @Test
    void limitsCannotBeChosen() {
        assertThatThrownBy(() -> new KernelBackendProvider().create(MqLimits.LINUX_DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
