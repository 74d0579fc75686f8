/*
 * The floor under a cold /proc scan: list every /proc/PID/fd and readlink each entry, in C, and print the CPU time
 * per descriptor (the Java scanner does this and more). Prints name=value lines for the benchmark's results.
 */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static double cpu_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double) t.tv_sec * 1e9 + (double) t.tv_nsec;
}

int main(void) {
    double best = -1;
    long fds = 0;
    for (int round = 0; round < 9; round++) {
        double start = cpu_ns();
        long n = 0;
        DIR *proc = opendir("/proc");
        if (proc == NULL) {
            perror("opendir /proc");
            return 1;
        }
        struct dirent *e;
        while ((e = readdir(proc)) != NULL) {
            if (!isdigit((unsigned char) e->d_name[0])) {
                continue;
            }
            char dir[300];
            snprintf(dir, sizeof dir, "/proc/%s/fd", e->d_name);
            DIR *fd = opendir(dir);
            if (fd == NULL) {
                continue;
            }
            struct dirent *x;
            while ((x = readdir(fd)) != NULL) {
                if (x->d_name[0] == '.') {
                    continue;
                }
                char path[600];
                char target[4096];
                snprintf(path, sizeof path, "%s/%s", dir, x->d_name);
                if (readlink(path, target, sizeof target) >= 0) {
                    n++;
                }
            }
            closedir(fd);
        }
        closedir(proc);
        double per = (cpu_ns() - start) / (double) (n > 0 ? n : 1);
        if (best < 0 || per < best) {
            best = per;
            fds = n;
        }
    }
    printf("c_floor_descriptors=%ld\nc_floor_cpu_ns_per_fd=%.1f\n", fds, best);
    return 0;
}
