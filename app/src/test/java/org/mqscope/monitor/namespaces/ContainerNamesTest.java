package org.mqscope.monitor.namespaces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** cgroup paths as each runtime writes them (no container runtime runs on the build machine, so fixtures). */
class ContainerNamesTest {
    private static final String ID = "4f1c0d5e2b3a69788a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f";

    @Test
    void dockerWithTheSystemdDriver() {
        assertThat(ContainerNames.fromCgroup(List.of("0::/system.slice/docker-" + ID + ".scope")))
                .contains("docker 4f1c0d5e2b3a");
    }

    @Test
    void dockerWithTheCgroupfsDriverOnCgroupV1() {
        assertThat(ContainerNames.fromCgroup(List.of("12:pids:/docker/" + ID, "1:name=systemd:/docker/" + ID)))
                .contains("docker 4f1c0d5e2b3a");
    }

    @Test
    void podmanAndItsConmon() {
        assertThat(ContainerNames.fromCgroup(List.of("0::/machine.slice/libpod-" + ID + ".scope/container")))
                .contains("podman 4f1c0d5e2b3a");
        assertThat(ContainerNames.fromCgroup(List.of("0::/user.slice/user-1000.slice/user@1000.service/"
                + "user.slice/libpod-conmon-" + ID + ".scope"))).contains("podman 4f1c0d5e2b3a");
    }

    @Test
    void kubernetesPodsWithSystemdAndCgroupfs() {
        assertThat(ContainerNames.fromCgroup(List.of("0::/kubepods.slice/kubepods-burstable.slice/"
                + "kubepods-burstable-pod1b2c3d4e_5f60_7182_93a4_b5c6d7e8f901.slice/cri-containerd-" + ID
                + ".scope"))).contains("k8s pod 1b2c3d4e container 4f1c0d5e2b3a");
        assertThat(ContainerNames.fromCgroup(List.of("0::/kubepods/besteffort/pod1b2c3d4e-5f60-7182-93a4-"
                + "b5c6d7e8f901/" + ID))).contains("k8s pod 1b2c3d4e container 4f1c0d5e2b3a");
    }

    @Test
    void containerdCrioAndLxc() {
        assertThat(ContainerNames.fromCgroup(List.of("0::/system.slice/cri-containerd-" + ID + ".scope")))
                .contains("containerd 4f1c0d5e2b3a");
        assertThat(ContainerNames.fromCgroup(List.of("0::/machine.slice/crio-" + ID + ".scope")))
                .contains("cri-o 4f1c0d5e2b3a");
        assertThat(ContainerNames.fromCgroup(List.of("0::/lxc.payload.web01/init.scope"))).contains("lxc web01");
    }

    @Test
    void ordinaryProcessesAreInNoContainer() {
        assertThat(ContainerNames.fromCgroup(List.of("0::/user.slice/user-0.slice/session-3.scope"))).isEmpty();
        assertThat(ContainerNames.fromCgroup(List.of("0::/system.slice/dockerd.service"))).isEmpty();
        assertThat(ContainerNames.fromCgroup(List.of("0::/"))).isEmpty();
        // a hex-looking word that is no container id (too short)
        assertThat(ContainerNames.fromCgroup(List.of("0::/docker/abc123"))).isEmpty();
    }
}
